package com.lavish.orders;

import static com.lavish.orders.OrderEventFixture.SHOP;
import static com.lavish.orders.OrderEventFixture.cipher;
import static com.lavish.orders.OrderEventFixture.newId;
import static com.lavish.orders.OrderEventFixture.order;
import static com.lavish.orders.OrderEventFixture.proxyGet;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataDecryptionException;
import com.lavish.edge.personaldata.PersonalDataReencryption;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The order's personal data at rest (ADR 0005) against the real database: what {@code customer_order} holds, what
 * the storefront is answered, and the re-encryption job after a key rotation and over plaintext from before it.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrderPersonalDataEncryptionTest {

    /**
     * The first key of the test profile's keyset, alone and primary: the keyset before the rotation that made the
     * second key primary. A fake, made once with tools/personal-data-keyset/keyset.sh.
     */
    private static final String KEYSET_BEFORE_ROTATION = """
            {"primaryKeyId":4151962920,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"GiD76hht5+PV6qXW4Sp7iYsFKtR349fKW4S3itKvgfz+vA==","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":4151962920,"outputPrefixType":"TINK"}]}""";

    private static final Set<String> PERSONAL_COLUMNS = Set.of("email", "phone", "customer_first_name",
            "customer_last_name", "note", "shipping_name", "shipping_company", "shipping_address1", "shipping_address2",
            "shipping_city", "shipping_zip", "shipping_phone", "billing_name", "billing_address1", "billing_address2",
            "billing_city", "billing_zip", "billing_phone");

    private static final EncryptedColumn EMAIL = new EncryptedColumn("customer_order", "email");
    private static final EncryptedColumn SHIPPING_ADDRESS1 = new EncryptedColumn("customer_order", "shipping_address1");

    @Inject
    AgroalDataSource database;

    @Inject
    PersonalDataReencryption reencryption;

    @Inject
    MeterRegistry metrics;

    /** Shopify's sample order with every personal field filled, applied; returns its id. */
    private static long placeOrder(OrderEventFixture fixture, long customer, long number) {
        long id = newId();
        ObjectNode body = order(id, customer, number, "2026-07-01T10:00:00Z");
        body.put("phone", "+61 400 999 000");
        body.put("note", "Leave it with Mrs Hudson next door");
        ((ObjectNode) body.get("shipping_address")).put("address2", "Unit 7");
        ((ObjectNode) body.get("billing_address")).put("address2", "Level 3");
        fixture.awaitApplied(fixture.send("orders/create", id, body));
        return id;
    }

    private double reencryptedCount() {
        return metrics.counter(PersonalDataReencryption.REENCRYPTED, "table", "customer_order").count();
    }

    @Test
    void personalColumnsHoldCiphertextWhileTheStorefrontGetsThePlaintextAddress() {
        long customer = newId();
        Map<String, Object> stored;
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            stored = fixture.rawOrderRow(placeOrder(fixture, customer, 9101));
        }

        assertEquals(PERSONAL_COLUMNS, OrderEventFixture.encryptedColumns().stream().map(EncryptedColumn::column)
                .collect(Collectors.toSet()), "the columns the service encrypts and the job re-encrypts");
        for (String column : PERSONAL_COLUMNS) {
            String value = (String) stored.get(column);
            assertTrue(value != null && value.startsWith(PersonalDataCipher.PREFIX), column + " = " + value);
        }
        String values = stored.values().toString();
        for (String plaintext : List.of("jon@example.com", "+61 400", "Hudson", "Steve", "Shipper", "Shipping Street",
                "Unit 7", "Level 3", "Shippington", "40003", "555-555-SHIP", "Shipping Company")) {
            assertFalse(values.contains(plaintext), "the row holds '" + plaintext + "' in clear: " + values);
        }
        // region-wide values stay clear: they name no one
        assertEquals("Kentucky", stored.get("shipping_province"));
        assertEquals("US", stored.get("shipping_country_code"));
        assertEquals("US", stored.get("billing_country_code"));

        Map<String, String> shippingAddress = Map.ofEntries(Map.entry("name", "Steve Shipper"),
                Map.entry("company", "Shipping Company"), Map.entry("address1", "123 Shipping Street"),
                Map.entry("address2", "Unit 7"), Map.entry("city", "Shippington"), Map.entry("province", "Kentucky"),
                Map.entry("province_code", "KY"), Map.entry("country", "United States"), Map.entry("country_code", "US"),
                Map.entry("zip", "40003"), Map.entry("phone", "555-555-SHIP"));
        proxyGet(customer, "orders/9101").then().statusCode(200).body("shipping_address", equalTo(shippingAddress));
    }

    @Test
    void valuesUnderTheKeyBeforeRotationAndPlaintextAreReencryptedUnderThePrimaryByTheJob() throws Throwable {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            rotateAndReencrypt(fixture);
        }
    }

    private void rotateAndReencrypt(OrderEventFixture fixture) throws Throwable {
        long customer = newId();
        long id = placeOrder(fixture, customer, 9201);
        PersonalDataCipher beforeRotation = PersonalDataCipher.fromKeyset(KEYSET_BEFORE_ROTATION);
        String oldEmail = beforeRotation.encrypt("rotated-" + id + "@example.com", EMAIL);
        String oldAddress = beforeRotation.encrypt("1 Rotation Road", SHIPPING_ADDRESS1);
        assertFalse(cipher().isCurrent(oldAddress), "the test keyset's primary must be another key than the old one");
        // as written before the rotation, and before encryption
        assertEquals(1, fixture.rows("update orders.customer_order set email = ?, shipping_address1 = ?, billing_city = ? "
                + "where shop_domain = ? and shopify_id = ? returning id", oldEmail, oldAddress, "Legacy City", SHOP, id).size());

        proxyGet(customer, "orders/9201").then().statusCode(200)
                .body("shipping_address.address1", equalTo("1 Rotation Road"));

        double before = reencryptedCount();
        long rewritten = VertxContextSupport.subscribeAndAwait(() -> reencryption.reencryptAll());

        assertTrue(rewritten >= 1, "rows rewritten: " + rewritten);
        assertTrue(reencryptedCount() >= before + 1);
        Map<String, Object> stored = fixture.rawOrderRow(id);
        for (String column : List.of("email", "shipping_address1", "billing_city")) {
            String value = (String) stored.get(column);
            assertTrue(value.startsWith(PersonalDataCipher.PREFIX) && cipher().isCurrent(value), column + " = " + value);
        }
        String address = (String) stored.get("shipping_address1");
        // under the new primary: the keyset before the rotation no longer reads it
        assertThrows(PersonalDataDecryptionException.class, () -> beforeRotation.decrypt(address, SHIPPING_ADDRESS1));
        Map<String, Object> decrypted = fixture.orderRow(id);
        assertEquals("rotated-" + id + "@example.com", decrypted.get("email"));
        assertEquals("Legacy City", decrypted.get("billing_city"));
        proxyGet(customer, "orders/9201").then().statusCode(200)
                .body("shipping_address.address1", equalTo("1 Rotation Road"))
                .body("shipping_address.city", equalTo("Shippington"));
    }
}
