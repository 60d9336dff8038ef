package com.lavish.orders;

import static com.lavish.orders.OrderPersonalDataEncryptionTest.assertHolds;
import static com.lavish.orders.OrderPersonalDataEncryptionTest.placeOrder;
import static com.lavish.orders.OrderPersonalDataEncryptionTest.setOrderColumn;
import static com.lavish.orders.support.OrderEventFixture.cipher;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.proxyGet;
import static com.lavish.orders.support.OrderEventFixture.rowKey;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.edge.personaldata.PersonalDataConfig;
import com.lavish.edge.personaldata.PersonalDataReencryption;
import com.lavish.orders.support.OrderTestSupport;
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
 * re-encryption job binds them to their orders.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@TestProfile(OrderUnboundValuesTest.UnboundValuesAllowed.class)
class OrderUnboundValuesTest extends OrderTestSupport {

    public static class UnboundValuesAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(PersonalDataConfig.UNBOUND_VALUES_ALLOWED, "true");
        }
    }

    @Inject
    PersonalDataReencryption reencryption;

    @Test
    void plaintextAndColumnBoundValuesAreReadAndThenBoundToTheirOrders() throws Throwable {
        long customer = newId();
        long id = placeOrder(fixture, customer, 9501);
        setOrderColumn(fixture, id, "email", "legacy-" + id + "@example.com");
        setOrderColumn(
                fixture,
                id,
                "shipping_address1",
                cipher().encrypt("1 Legacy Lane", EncryptedColumns.SHIPPING_ADDRESS1));
        setOrderColumn(fixture, id, "shipping_city", "Legacy City");

        proxyGet(customer, "orders/9501")
                .then()
                .statusCode(200)
                .body("shipping_address.address1", equalTo("1 Legacy Lane"))
                .body("shipping_address.city", equalTo("Legacy City"));

        assertTrue(VertxContextSupport.subscribeAndAwait(() -> reencryption.reencryptAll()) >= 1);

        Map<String, Object> stored = fixture.rawOrderRow(id);
        assertHolds(stored, "legacy-", "Legacy Lane", "Legacy City");
        for (String column : new String[] {"email", "shipping_address1", "shipping_city"}) {
            assertTrue(cipher().isCurrentRowBound((String) stored.get(column)), column + " = " + stored.get(column));
        }
        // bound now: read with this order's key
        assertEquals("legacy-" + id + "@example.com", fixture.orderRow(id).get("email"));
        assertEquals(
                "1 Legacy Lane",
                cipher().decrypt(
                                (String) stored.get("shipping_address1"),
                                EncryptedColumns.SHIPPING_ADDRESS1,
                                rowKey(stored)));
        proxyGet(customer, "orders/9501")
                .then()
                .statusCode(200)
                .body("shipping_address.address1", equalTo("1 Legacy Lane"))
                .body("shipping_address.city", equalTo("Legacy City"));
    }
}
