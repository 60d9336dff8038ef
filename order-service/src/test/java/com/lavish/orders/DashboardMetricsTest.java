package com.lavish.orders;

import com.lavish.devstack.DashboardMetricsCheck;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.orders.support.OrderEventFixture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every metric deploy/kubernetes/metrics/order-service.csv assigns to this service (what the operations dashboard,
 * the alerts and the autoscaler read) is at /q/metrics once a storefront read has happened; the dead-letter counter
 * is there before the first dead letter.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DashboardMetricsTest extends DashboardMetricsCheck {

    @Override
    protected void exercise() {
        // a storefront read: an HTTP request and the database queries behind it
        OrderEventFixture.proxyGet(OrderEventFixture.newId(), "orders").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/order-service.csv")
    void exportsEveryMetricTheDashboardAlertsAndAutoscalerReadFromIt(String metric) {
        assertExported(metric);
    }
}
