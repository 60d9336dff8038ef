package com.lavish.customers;

import static com.lavish.customers.support.CustomerEventFixture.SHOP;
import static com.lavish.customers.support.CustomerEventFixture.addresses;
import static com.lavish.customers.support.CustomerEventFixture.customer;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.support.CustomerEventFixture.rowKey;
import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.customers.support.CustomerTestSupport;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataDecryptionException;
import com.lavish.edge.personaldata.PersonalDataReencryption;
import com.lavish.edge.personaldata.RowKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Personal data at rest (ADR 0005) against the real database, as it runs once every value is bound to its row
 * (unbound values refused): what a row holds, what the API answers, a value moved to another row or column, and the
 * re-encryption job after a key rotation. {@link UnboundValuesTest} covers the migration from unbound values.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class PersonalDataEncryptionTest extends CustomerTestSupport {

    /**
     * The test profile's keyset before its rotation: its first key alone, then primary. A fake made once with
     * tools/personal-data-keyset/keyset.sh for the tests; the test profile's keyset holds it and a newer primary.
     */
    static final String KEYSET_BEFORE_ROTATION = """
            {"primaryKeyId":4151962920,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"GiD76hht5+PV6qXW4Sp7iYsFKtR349fKW4S3itKvgfz+vA==","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":4151962920,"outputPrefixType":"TINK"}]}""";

    @Inject
    PersonalDataReencryption reencryption;

    @Inject
    MeterRegistry metrics;

    static ValidatableResponse me(long customerId) {
        return given().urlEncodingEnabled(false)
                .when()
                .get("/proxy/customers/me?" + signedQuery(customerId))
                .then();
    }

    /** A customer with a phone and one address (Shopify address id = customer id + 1), applied through the topic. */
    static long createCustomer(String firstName) {
        long id = newCustomerId();
        ObjectNode body = customer(id, "2026-01-01T10:00:00-05:00", firstName);
        body.put("phone", "+61 400 111 222");
        ObjectNode address = (ObjectNode) addresses(body).get(0);
        address.put("company", firstName + " Books");
        address.put("address2", "Suite 5");
        fixture.createAndAwaitRows(body);
        return id;
    }

    private long reencryptAll() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> reencryption.reencryptAll());
    }

    private double reencryptedCount(String table) {
        return metrics.counter(PersonalDataReencryption.REENCRYPTED, "table", table)
                .count();
    }

    /**
     * Every encrypted column of the row is null or a row-bound ciphertext (its prefix, then Base64), and no other column
     * holds any of the plaintexts. (Random Base64 may hold a short word by chance: the ciphertexts are checked for
     * their form instead.)
     */
    static void assertHolds(Map<String, Object> row, EncryptedTable table, String... plaintexts) {
        for (EncryptedColumn column : table.columns()) {
            String stored = (String) row.get(column.column());
            assertTrue(
                    stored == null
                            || stored.startsWith(PersonalDataCipher.ROW_BOUND_PREFIX)
                                    && stored.substring(PersonalDataCipher.ROW_BOUND_PREFIX.length())
                                            .matches("[A-Za-z0-9+/]+=*"),
                    column.context() + " = " + stored);
        }
        Map<String, Object> clear = new HashMap<>(row);
        table.columns().forEach(column -> clear.remove(column.column()));
        for (String plaintext : plaintexts) {
            assertFalse(clear.toString().contains(plaintext), "the row holds '" + plaintext + "' in clear: " + clear);
        }
    }

    private static Map<String, Object> address(long customerId) {
        return fixture.rawAddressRow(customerId, customerId + 1);
    }

    private static void setCustomerColumn(long customerId, String column, String value) {
        fixture.update(
                "update customer.customer set " + column + " = ? where shop_domain = ? and shopify_id = ?",
                value,
                SHOP,
                customerId);
    }

    private static void setAddressColumn(long customerId, String column, String value) {
        fixture.update(
                "update customer.customer_address set " + column + " = ? where shop_domain = ? "
                        + "and customer_shopify_id = ? and shopify_address_id = ?",
                value,
                SHOP,
                customerId,
                customerId + 1);
    }

    @Test
    void personalColumnsAreStoredEncryptedAndBoundToTheirRowAndServedInPlaintext() {
        long id = createCustomer("Dora");

        Map<String, Object> customer = fixture.rawCustomerRow(id);
        assertHolds(
                customer,
                EncryptedColumns.CUSTOMER,
                "Dora",
                "Biller",
                "customer-" + id,
                "@example.com",
                "+61 400",
                "ice cream");
        assertTrue(fixture.cipher().isCurrentRowBound((String) customer.get("email")));
        Map<String, Object> address = address(id);
        assertHolds(
                address,
                EncryptedColumns.CUSTOMER_ADDRESS,
                "Dora",
                "Biller",
                "Books",
                "O'Connor",
                "Suite 5",
                "Ottawa",
                "K2P",
                "555-555");
        assertEquals(id, ((Number) address.get("customer_shopify_id")).longValue());
        // region-wide values stay clear: they name no one
        assertEquals("CA", address.get("country_code"));
        assertEquals("Ontario", address.get("province"));

        me(id).statusCode(200)
                .body("email", equalTo("customer-" + id + "@example.com"))
                .body("first_name", equalTo("Dora"))
                .body("last_name", equalTo("Biller"))
                .body("phone", equalTo("+61 400 111 222"))
                .body("addresses[0].first_name", equalTo("Dora"))
                .body("addresses[0].company", equalTo("Dora Books"))
                .body("addresses[0].address1", equalTo("151 O'Connor Street"))
                .body("addresses[0].address2", equalTo("Suite 5"))
                .body("addresses[0].city", equalTo("Ottawa"))
                .body("addresses[0].zip", equalTo("K2P 2L8"))
                .body("addresses[0].phone", equalTo("555-555-5555"))
                .body("addresses[0].country_code", equalTo("CA"));
    }

    @Tag("security")
    @Test
    void anotherCustomersCiphertextCopiedIntoARowIsRefusedNotServed() {
        long ann = createCustomer("Ann");
        long bob = createCustomer("Bob");
        String annsEmail = (String) fixture.rawCustomerRow(ann).get("email");
        setCustomerColumn(bob, "email", annsEmail);

        PersonalDataDecryptionException failure = assertThrows(
                PersonalDataDecryptionException.class,
                () -> fixture.cipher()
                        .decrypt(
                                annsEmail,
                                EncryptedColumns.CUSTOMER_EMAIL,
                                rowKey(fixture.rawCustomerRow(bob), EncryptedColumns.CUSTOMER)));
        assertTrue(
                failure.getMessage().startsWith("customer.email: the stored value does not decrypt"),
                failure.getMessage());
        // Bob is refused an answer rather than shown Ann's email
        me(bob).statusCode(500).body(not(containsString("customer-" + ann)));
        me(ann).statusCode(200).body("email", equalTo("customer-" + ann + "@example.com"));
    }

    @Tag("security")
    @Test
    void anotherCustomersAddressCopiedIntoAnAddressRowIsRefusedNotServed() {
        long ann = createCustomer("Annie");
        long bob = createCustomer("Bobby");
        setAddressColumn(bob, "address2", (String) address(ann).get("address2"));
        setAddressColumn(bob, "company", (String) address(ann).get("company"));

        me(bob).statusCode(500).body(not(containsString("Annie Books")));
        me(ann).statusCode(200).body("addresses[0].company", equalTo("Annie Books"));
    }

    @Tag("security")
    @Test
    void ciphertextMovedToAnotherColumnOfItsRowIsRefused() throws Throwable {
        long id = createCustomer("Gus");
        String email = (String) fixture.rawCustomerRow(id).get("email");
        setCustomerColumn(id, "phone", email);

        RowKey row = rowKey(fixture.rawCustomerRow(id), EncryptedColumns.CUSTOMER);
        PersonalDataDecryptionException failure = assertThrows(
                PersonalDataDecryptionException.class,
                () -> fixture.cipher().decrypt(email, EncryptedColumns.CUSTOMER_PHONE, row));
        assertTrue(
                failure.getMessage().startsWith("customer.phone: the stored value does not decrypt"),
                failure.getMessage());
        // the service refuses to answer rather than serve the email as the phone
        me(id).statusCode(500).body(not(containsString("customer-" + id)));

        // the value is under the primary key, so the job leaves it for someone to look at and carries on
        reencryptAll();
        assertEquals(email, fixture.rawCustomerRow(id).get("phone"));
    }

    @Tag("security")
    @Test
    void plaintextAndColumnBoundValuesAreRefusedAndTheJobDoesNotBindThem() throws Throwable {
        long plaintext = createCustomer("Fay");
        setCustomerColumn(plaintext, "email", "planted-" + plaintext + "@example.com");
        long columnBound = createCustomer("Hal");
        // an enc1: value decrypts in any row of its column: this one was another customer's
        setAddressColumn(columnBound, "city", fixture.cipher().encrypt("Hobart", EncryptedColumns.ADDRESS_CITY));

        me(plaintext).statusCode(500).body(not(containsString("planted-")));
        me(columnBound).statusCode(500).body(not(containsString("Hobart")));

        reencryptAll();
        assertEquals(
                "planted-" + plaintext + "@example.com",
                fixture.rawCustomerRow(plaintext).get("email"),
                "left as it is, for someone to look at");
        assertTrue(((String) address(columnBound).get("city")).startsWith(PersonalDataCipher.PREFIX));
        me(plaintext).statusCode(500);
        me(columnBound).statusCode(500);
    }

    @Test
    void valueUnderTheKeyBeforeRotationIsReadAndReencryptedUnderTheNewPrimary() throws Throwable {
        long id = createCustomer("Eve");
        RowKey customer = rowKey(fixture.rawCustomerRow(id), EncryptedColumns.CUSTOMER);
        RowKey address = rowKey(address(id), EncryptedColumns.CUSTOMER_ADDRESS);
        PersonalDataCipher beforeRotation = PersonalDataCipher.fromKeyset(KEYSET_BEFORE_ROTATION);
        String oldEmail =
                beforeRotation.encrypt("rotated-" + id + "@example.com", EncryptedColumns.CUSTOMER_EMAIL, customer);
        String oldCity = beforeRotation.encrypt("Hobart", EncryptedColumns.ADDRESS_CITY, address);
        setCustomerColumn(id, "email", oldEmail);
        setAddressColumn(id, "city", oldCity);
        assertFalse(
                fixture.cipher().isCurrentRowBound(oldEmail),
                "the test keyset's primary must be another key than the old one");

        me(id).statusCode(200)
                .body("email", equalTo("rotated-" + id + "@example.com"))
                .body("addresses[0].city", equalTo("Hobart"));

        double customersBefore = reencryptedCount("customer");
        double addressesBefore = reencryptedCount("customer_address");
        assertTrue(reencryptAll() >= 2);

        String email = (String) fixture.rawCustomerRow(id).get("email");
        String city = (String) address(id).get("city");
        assertNotEquals(oldEmail, email);
        assertTrue(fixture.cipher().isCurrentRowBound(email), email);
        assertTrue(fixture.cipher().isCurrentRowBound(city), city);
        // under the new primary: the keyset before the rotation no longer reads it
        assertThrows(
                PersonalDataDecryptionException.class,
                () -> beforeRotation.decrypt(email, EncryptedColumns.CUSTOMER_EMAIL, customer));
        assertTrue(reencryptedCount("customer") >= customersBefore + 1);
        assertTrue(reencryptedCount("customer_address") >= addressesBefore + 1);
        me(id).statusCode(200)
                .body("email", equalTo("rotated-" + id + "@example.com"))
                .body("addresses[0].city", equalTo("Hobart"));
    }
}
