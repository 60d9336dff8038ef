package com.lavish.customers;

import static com.lavish.customers.CustomerEventFixture.SHOP;
import static com.lavish.customers.CustomerEventFixture.addresses;
import static com.lavish.customers.CustomerEventFixture.customer;
import static com.lavish.customers.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import io.restassured.response.ValidatableResponse;

/**
 * Personal data at rest (ADR 0005) against the real database: what a row holds, what the API answers, and the
 * re-encryption job after a key rotation and over plaintext stored before encryption.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class PersonalDataEncryptionTest {

    /**
     * The test profile's keyset before its rotation: its first key alone, then primary. A fake made once with
     * tools/personal-data-keyset/keyset.sh for the tests; the test profile's keyset holds it and a newer primary.
     */
    static final String KEYSET_BEFORE_ROTATION = """
            {"primaryKeyId":4151962920,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"GiD76hht5+PV6qXW4Sp7iYsFKtR349fKW4S3itKvgfz+vA==","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":4151962920,"outputPrefixType":"TINK"}]}""";

    @Inject
    AgroalDataSource database;

    @Inject
    PersonalDataReencryption reencryption;

    @Inject
    MeterRegistry metrics;

    private static CustomerEventFixture fixture;

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = new CustomerEventFixture(database);
        }
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static ValidatableResponse me(long customerId) {
        return given().urlEncodingEnabled(false).when().get("/proxy/customers/me?" + signedQuery(customerId)).then();
    }

    private static long createCustomer(String firstName) {
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
        return metrics.counter("personal.data.reencrypted", "table", table).count();
    }

    private static void assertHolds(Map<String, Object> row, Iterable<EncryptedColumn> columns, String... plaintexts) {
        for (EncryptedColumn column : columns) {
            String stored = (String) row.get(column.column());
            assertTrue(stored != null && stored.startsWith(PersonalDataCipher.PREFIX), column.context() + " = " + stored);
        }
        String all = row.toString();
        for (String plaintext : plaintexts) {
            assertFalse(all.contains(plaintext), "the row holds '" + plaintext + "' in clear: " + all);
        }
    }

    @Test
    void personalColumnsAreStoredEncryptedAndServedInPlaintext() {
        long id = createCustomer("Dora");

        assertHolds(fixture.rawCustomerRow(id), EncryptedColumns.CUSTOMER,
                "Dora", "Biller", "customer-" + id, "@example.com", "+61 400", "ice cream");
        Map<String, Object> address = fixture.rawAddressRow(id, id + 1);
        assertHolds(address, EncryptedColumns.CUSTOMER_ADDRESS,
                "Dora", "Biller", "Books", "O'Connor", "Suite 5", "Ottawa", "K2P", "555-555");
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

    @Test
    void valueUnderTheKeyBeforeRotationIsReadAndReencryptedUnderTheNewPrimary() throws Throwable {
        long id = createCustomer("Eve");
        PersonalDataCipher beforeRotation = PersonalDataCipher.fromKeyset(KEYSET_BEFORE_ROTATION);
        String oldEmail = beforeRotation.encrypt("rotated-" + id + "@example.com", EncryptedColumns.CUSTOMER_EMAIL);
        String oldCity = beforeRotation.encrypt("Hobart", EncryptedColumns.ADDRESS_CITY);
        fixture.update("update customer.customer set email = ? where shop_domain = ? and shopify_id = ?", oldEmail, SHOP, id);
        fixture.update("update customer.customer_address set city = ? where shop_domain = ? and shopify_address_id = ?",
                oldCity, SHOP, id + 1);
        assertFalse(fixture.cipher().isCurrent(oldEmail), "the test keyset's primary must be another key than the old one");

        me(id).statusCode(200)
                .body("email", equalTo("rotated-" + id + "@example.com"))
                .body("addresses[0].city", equalTo("Hobart"));

        double customersBefore = reencryptedCount("customer");
        double addressesBefore = reencryptedCount("customer_address");
        assertTrue(reencryptAll() >= 2);

        String email = (String) fixture.rawCustomerRow(id).get("email");
        String city = (String) fixture.rawAddressRow(id, id + 1).get("city");
        assertNotEquals(oldEmail, email);
        assertTrue(fixture.cipher().isCurrent(email), email);
        assertTrue(fixture.cipher().isCurrent(city), city);
        // under the new primary: the keyset before the rotation no longer reads it
        assertThrows(PersonalDataDecryptionException.class, () -> beforeRotation.decrypt(email, EncryptedColumns.CUSTOMER_EMAIL));
        assertTrue(reencryptedCount("customer") >= customersBefore + 1);
        assertTrue(reencryptedCount("customer_address") >= addressesBefore + 1);
        me(id).statusCode(200)
                .body("email", equalTo("rotated-" + id + "@example.com"))
                .body("addresses[0].city", equalTo("Hobart"));
    }

    @Test
    void plaintextStoredBeforeEncryptionIsReadAndThenReencrypted() throws Throwable {
        long id = createCustomer("Fay");
        fixture.update("update customer.customer set email = ?, phone = ? where shop_domain = ? and shopify_id = ?",
                "legacy-" + id + "@example.com", "+61 3 9999 0000", SHOP, id);
        fixture.update("update customer.customer_address set address1 = ? where shop_domain = ? and shopify_address_id = ?",
                "1 Legacy Lane", SHOP, id + 1);

        me(id).statusCode(200)
                .body("email", equalTo("legacy-" + id + "@example.com"))
                .body("phone", equalTo("+61 3 9999 0000"))
                .body("addresses[0].address1", equalTo("1 Legacy Lane"));

        reencryptAll();

        assertHolds(fixture.rawCustomerRow(id), EncryptedColumns.CUSTOMER, "legacy-", "9999");
        assertHolds(fixture.rawAddressRow(id, id + 1), EncryptedColumns.CUSTOMER_ADDRESS, "Legacy Lane");
        assertTrue(fixture.cipher().isCurrent((String) fixture.rawCustomerRow(id).get("email")));
        me(id).statusCode(200)
                .body("email", equalTo("legacy-" + id + "@example.com"))
                .body("phone", equalTo("+61 3 9999 0000"))
                .body("addresses[0].address1", equalTo("1 Legacy Lane"));
    }

    @Test
    void ciphertextMovedToAnotherColumnFailsToDecryptInsteadOfReadingAsThatColumn() throws Throwable {
        long id = createCustomer("Gus");
        String email = (String) fixture.rawCustomerRow(id).get("email");
        fixture.update("update customer.customer set phone = ? where shop_domain = ? and shopify_id = ?", email, SHOP, id);

        PersonalDataDecryptionException failure = assertThrows(PersonalDataDecryptionException.class,
                () -> fixture.cipher().decrypt(email, EncryptedColumns.CUSTOMER_PHONE));
        assertTrue(failure.getMessage().startsWith("customer.phone: the stored value does not decrypt"), failure.getMessage());
        // the service refuses to answer rather than serve the email as the phone
        me(id).statusCode(500).body(not(containsString("customer-" + id)));

        // the value is under the primary key, so the job leaves it for someone to look at and carries on
        reencryptAll();
        assertEquals(email, fixture.rawCustomerRow(id).get("phone"));
    }
}
