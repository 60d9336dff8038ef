package com.lavish.orders;

import static com.lavish.orders.support.OrderEventFixture.SHOP;
import static com.lavish.orders.support.OrderEventFixture.cipher;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static com.lavish.orders.support.OrderEventFixture.proxyGet;
import static com.lavish.orders.support.OrderEventFixture.rowKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataDecryptionException;
import com.lavish.edge.personaldata.PersonalDataReencryption;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.orders.support.OrderEventFixture;
import com.lavish.orders.support.OrderTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The order's personal data at rest (ADR 0005) against the real database, as it runs once every value is bound to its
 * order (unbound values refused): what {@code customer_order} holds, what the storefront is answered, a value moved to
 * another order's row, and the re-encryption job after a key rotation. {@link OrderUnboundValuesTest} covers the
 * migration from unbound values.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrderPersonalDataEncryptionTest extends OrderTestSupport {

    /**
     * The first key of the test profile's keyset, alone and primary: the keyset before the rotation that made the
     * second key primary. A fake, made once with tools/personal-data-keyset/keyset.sh.
     */
    static final String KEYSET_BEFORE_ROTATION = """
            {"primaryKeyId":4151962920,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"GiD76hht5+PV6qXW4Sp7iYsFKtR349fKW4S3itKvgfz+vA==","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":4151962920,"outputPrefixType":"TINK"}]}""";

    private static final Set<String> PERSONAL_COLUMNS = Set.of(
            "email",
            "phone",
            "customer_first_name",
            "customer_last_name",
            "note",
            "shipping_name",
            "shipping_company",
            "shipping_address1",
            "shipping_address2",
            "shipping_city",
            "shipping_zip",
            "shipping_phone",
            "billing_name",
            "billing_address1",
            "billing_address2",
            "billing_city",
            "billing_zip",
            "billing_phone");

    @Inject
    PersonalDataReencryption reencryption;

    @Inject
    MeterRegistry metrics;

    /**
     * Shopify's sample order with every personal field filled, its email and shipping street its own ("&lt;id&gt; ..."),
     * applied; returns its id.
     */
    static long placeOrder(OrderEventFixture fixture, long customer, long number) {
        long id = newId();
        ObjectNode body = order(id, customer, number, "2026-07-01T10:00:00Z");
        body.put("email", "buyer-" + id + "@example.com");
        body.put("phone", "+61 400 999 000");
        body.put("note", "Leave it with Mrs Hudson next door");
        ((ObjectNode) body.get("shipping_address")).put("address1", id + " Shipping Street");
        ((ObjectNode) body.get("shipping_address")).put("address2", "Unit 7");
        ((ObjectNode) body.get("billing_address")).put("address2", "Level 3");
        fixture.awaitApplied(fixture.send("orders/create", id, body));
        return id;
    }

    /** Sets a column of an order's row over JDBC, as a row written outside the service would be. */
    static void setOrderColumn(OrderEventFixture fixture, long id, String column, String value) {
        assertEquals(
                1,
                fixture.rows(
                                "update orders.customer_order set " + column + " = ? where shop_domain = ? "
                                        + "and shopify_id = ? returning id",
                                value,
                                SHOP,
                                id)
                        .size());
    }

    private long reencryptAll() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> reencryption.reencryptAll());
    }

    private double reencryptedCount() {
        return metrics.counter(PersonalDataReencryption.REENCRYPTED, "table", "customer_order")
                .count();
    }

    /**
     * Every encrypted column of the row is null or a row-bound ciphertext (its prefix, then Base64), and no other
     * column holds any of the plaintexts.
     */
    static void assertHolds(Map<String, Object> row, String... plaintexts) {
        for (EncryptedColumn column : EncryptedColumns.CUSTOMER_ORDER.columns()) {
            String stored = (String) row.get(column.column());
            assertTrue(
                    stored == null
                            || stored.startsWith(PersonalDataCipher.ROW_BOUND_PREFIX)
                                    && stored.substring(PersonalDataCipher.ROW_BOUND_PREFIX.length())
                                            .matches("[A-Za-z0-9+/]+=*"),
                    column.context() + " = " + stored);
        }
        Map<String, Object> clear = new HashMap<>(row);
        EncryptedColumns.CUSTOMER_ORDER.columns().forEach(column -> clear.remove(column.column()));
        for (String plaintext : plaintexts) {
            assertFalse(clear.toString().contains(plaintext), "the row holds '" + plaintext + "' in clear: " + clear);
        }
    }

    @Test
    void personalColumnsHoldRowBoundCiphertextWhileTheStorefrontGetsTheOrdersWithTheirAddresses() {
        long customer = newId();
        long id = placeOrder(fixture, customer, 9101);
        Map<String, Object> stored = fixture.rawOrderRow(id);

        assertEquals(
                PERSONAL_COLUMNS,
                OrderEventFixture.encryptedColumns().stream()
                        .map(EncryptedColumn::column)
                        .collect(Collectors.toSet()),
                "the columns the service encrypts and the job re-encrypts");
        for (String column : PERSONAL_COLUMNS) {
            String value = (String) stored.get(column);
            assertTrue(value != null && cipher().isCurrentRowBound(value), column + " = " + value);
        }
        assertHolds(
                stored,
                "buyer-" + id,
                "+61 400",
                "Hudson",
                "Steve",
                "Shipper",
                "Shipping Street",
                "Unit 7",
                "Level 3",
                "Shippington",
                "40003",
                "555-555-SHIP",
                "Shipping Company");
        // region-wide values stay clear: they name no one
        assertEquals("Kentucky", stored.get("shipping_province"));
        assertEquals("US", stored.get("shipping_country_code"));
        assertEquals("US", stored.get("billing_country_code"));

        Map<String, String> shippingAddress = Map.ofEntries(
                Map.entry("name", "Steve Shipper"),
                Map.entry("company", "Shipping Company"),
                Map.entry("address1", id + " Shipping Street"),
                Map.entry("address2", "Unit 7"),
                Map.entry("city", "Shippington"),
                Map.entry("province", "Kentucky"),
                Map.entry("province_code", "KY"),
                Map.entry("country", "United States"),
                Map.entry("country_code", "US"),
                Map.entry("zip", "40003"),
                Map.entry("phone", "555-555-SHIP"));
        proxyGet(customer, "orders").then().statusCode(200).body("orders[0].id", equalTo(Long.toString(id)));
        proxyGet(customer, "orders/9101").then().statusCode(200).body("shipping_address", equalTo(shippingAddress));
    }

    @Tag("security")
    @Test
    void anotherOrdersCiphertextCopiedIntoAnOrderRowIsRefusedNotServed() {
        long ann = newId();
        long bob = newId();
        long annsOrder = placeOrder(fixture, ann, 9301);
        long bobsOrder = placeOrder(fixture, bob, 9302);
        Map<String, Object> annsRow = fixture.rawOrderRow(annsOrder);
        String annsStreet = (String) annsRow.get("shipping_address1");
        setOrderColumn(fixture, bobsOrder, "shipping_address1", annsStreet);
        setOrderColumn(fixture, bobsOrder, "shipping_name", (String) annsRow.get("shipping_name"));

        RowKey bobsRow = rowKey(fixture.rawOrderRow(bobsOrder));
        PersonalDataDecryptionException failure = assertThrows(
                PersonalDataDecryptionException.class,
                () -> cipher().decrypt(annsStreet, EncryptedColumns.SHIPPING_ADDRESS1, bobsRow));
        assertTrue(
                failure.getMessage().startsWith("customer_order.shipping_address1: the stored value does not decrypt"),
                failure.getMessage());
        // Bob is refused an answer rather than shown Ann's address
        proxyGet(bob, "orders/9302").then().statusCode(500).body(not(containsString(annsOrder + " Shipping Street")));
        proxyGet(ann, "orders/9301")
                .then()
                .statusCode(200)
                .body("shipping_address.address1", equalTo(annsOrder + " Shipping Street"));
    }

    @Tag("security")
    @Test
    void plaintextAndColumnBoundValuesAreRefusedAndTheJobDoesNotBindThem() throws Throwable {
        long planter = newId();
        long planted = placeOrder(fixture, planter, 9401);
        setOrderColumn(fixture, planted, "email", "planted-" + planted + "@example.com");
        long columnBoundBuyer = newId();
        long columnBound = placeOrder(fixture, columnBoundBuyer, 9402);
        // an enc1: value decrypts in any row of its column: this one could be another order's
        setOrderColumn(
                fixture, columnBound, "shipping_city", cipher().encrypt("Hobart", EncryptedColumns.SHIPPING_CITY));

        proxyGet(planter, "orders/9401").then().statusCode(500).body(not(containsString("planted-")));
        proxyGet(columnBoundBuyer, "orders/9402").then().statusCode(500).body(not(containsString("Hobart")));

        reencryptAll();
        assertEquals(
                "planted-" + planted + "@example.com",
                fixture.rawOrderRow(planted).get("email"),
                "left as it is, for someone to look at");
        assertTrue(
                ((String) fixture.rawOrderRow(columnBound).get("shipping_city")).startsWith(PersonalDataCipher.PREFIX));
        proxyGet(planter, "orders/9401").then().statusCode(500);
        proxyGet(columnBoundBuyer, "orders/9402").then().statusCode(500);
    }

    @Test
    void valuesUnderTheKeyBeforeRotationAreReadAndReencryptedUnderThePrimaryByTheJob() throws Throwable {
        long customer = newId();
        long id = placeOrder(fixture, customer, 9201);
        RowKey row = rowKey(fixture.rawOrderRow(id));
        PersonalDataCipher beforeRotation = PersonalDataCipher.fromKeyset(KEYSET_BEFORE_ROTATION);
        String oldEmail = beforeRotation.encrypt("rotated-" + id + "@example.com", EncryptedColumns.EMAIL, row);
        String oldAddress = beforeRotation.encrypt("1 Rotation Road", EncryptedColumns.SHIPPING_ADDRESS1, row);
        assertFalse(
                cipher().isCurrentRowBound(oldAddress),
                "the test keyset's primary must be another key than the old one");
        setOrderColumn(fixture, id, "email", oldEmail);
        setOrderColumn(fixture, id, "shipping_address1", oldAddress);

        proxyGet(customer, "orders/9201")
                .then()
                .statusCode(200)
                .body("shipping_address.address1", equalTo("1 Rotation Road"));

        double before = reencryptedCount();
        assertTrue(reencryptAll() >= 1);

        assertTrue(reencryptedCount() >= before + 1);
        Map<String, Object> stored = fixture.rawOrderRow(id);
        for (String column : List.of("email", "shipping_address1")) {
            String value = (String) stored.get(column);
            assertTrue(cipher().isCurrentRowBound(value), column + " = " + value);
        }
        String address = (String) stored.get("shipping_address1");
        assertNotEquals(oldAddress, address);
        // under the new primary: the keyset before the rotation no longer reads it
        assertThrows(
                PersonalDataDecryptionException.class,
                () -> beforeRotation.decrypt(address, EncryptedColumns.SHIPPING_ADDRESS1, row));
        assertEquals("rotated-" + id + "@example.com", fixture.orderRow(id).get("email"));
        proxyGet(customer, "orders/9201")
                .then()
                .statusCode(200)
                .body("shipping_address.address1", equalTo("1 Rotation Road"))
                .body("shipping_address.city", equalTo("Shippington"));
    }
}
