package com.lavish.customers;

import static com.lavish.customers.PersonalDataEncryptionTest.assertHolds;
import static com.lavish.customers.PersonalDataEncryptionTest.createCustomer;
import static com.lavish.customers.PersonalDataEncryptionTest.me;
import static com.lavish.customers.support.CustomerEventFixture.SHOP;
import static com.lavish.customers.support.CustomerEventFixture.rowKey;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.customers.support.CustomerTestSupport;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.edge.personaldata.PersonalDataConfig;
import com.lavish.edge.personaldata.PersonalDataReencryption;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The migration to row-bound values (ADR 0005): while {@value PersonalDataConfig#UNBOUND_VALUES_ALLOWED} is true,
 * plaintext stored before encryption and {@code enc1:} values stored before row binding are read, and the
 * re-encryption job binds them to their rows.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@TestProfile(UnboundValuesTest.UnboundValuesAllowed.class)
class UnboundValuesTest extends CustomerTestSupport {

    public static class UnboundValuesAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(PersonalDataConfig.UNBOUND_VALUES_ALLOWED, "true");
        }
    }

    @Inject
    PersonalDataReencryption reencryption;

    @Test
    void plaintextAndColumnBoundValuesAreReadAndThenBoundToTheirRows() throws Throwable {
        long id = createCustomer("Fay");
        fixture.update(
                "update customer.customer set email = ?, phone = ? where shop_domain = ? and shopify_id = ?",
                "legacy-" + id + "@example.com",
                fixture.cipher().encrypt("+61 3 9999 0000", EncryptedColumns.CUSTOMER_PHONE),
                SHOP,
                id);
        fixture.update(
                "update customer.customer_address set address1 = ? where shop_domain = ? and shopify_address_id = ?",
                "1 Legacy Lane",
                SHOP,
                id + 1);

        me(id).statusCode(200)
                .body("email", equalTo("legacy-" + id + "@example.com"))
                .body("phone", equalTo("+61 3 9999 0000"))
                .body("addresses[0].address1", equalTo("1 Legacy Lane"));

        assertTrue(VertxContextSupport.subscribeAndAwait(() -> reencryption.reencryptAll()) >= 2);

        Map<String, Object> customer = fixture.rawCustomerRow(id);
        Map<String, Object> address = fixture.rawAddressRow(id, id + 1);
        assertHolds(customer, EncryptedColumns.CUSTOMER, "legacy-", "9999");
        assertHolds(address, EncryptedColumns.CUSTOMER_ADDRESS, "Legacy Lane");
        assertTrue(fixture.cipher().isCurrentRowBound((String) customer.get("phone")));
        // bound now: a cipher that refuses unbound values reads them, with this row's key only
        assertEquals(
                "1 Legacy Lane",
                fixture.cipher()
                        .decrypt(
                                (String) address.get("address1"),
                                EncryptedColumns.ADDRESS_ADDRESS1,
                                rowKey(address, EncryptedColumns.CUSTOMER_ADDRESS)));
        me(id).statusCode(200)
                .body("email", equalTo("legacy-" + id + "@example.com"))
                .body("phone", equalTo("+61 3 9999 0000"))
                .body("addresses[0].address1", equalTo("1 Legacy Lane"));
    }
}
