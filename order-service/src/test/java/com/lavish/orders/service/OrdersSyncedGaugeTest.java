package com.lavish.orders.service;

import static com.lavish.orders.support.OrderEventFixture.WAIT;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static org.awaitility.Awaitility.await;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.orders.support.OrderEventFixture;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrdersSyncedGaugeTest {

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    @Test
    void theGaugeCountsOrdersAppliedInTheLastDay() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            long orderId = newId();
            fixture.awaitApplied(fixture.send(
                    "orders/create",
                    orderId,
                    order(orderId, newId(), 1001, Instant.now().toString())));
            long applied = ((Number) fixture.rows("select count(*) as n from orders.customer_order where synced_at "
                                    + ">= now() - interval '24 hours' and deleted_at is null")
                            .get(0)
                            .get("n"))
                    .longValue();

            // refreshed every second in tests; other tests' orders may add to it, never take away
            await().atMost(WAIT)
                    .until(() -> metrics.get("orders.synced.last.24h").gauge().value() >= applied);
        }
    }
}
