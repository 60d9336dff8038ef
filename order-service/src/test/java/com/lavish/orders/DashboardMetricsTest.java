package com.lavish.orders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import com.lavish.devstack.DevStackTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric deploy/kubernetes/metrics/order-service.csv assigns to this service (what the operations dashboard,
 * the alerts and the autoscaler read) is at /q/metrics, once a storefront read and a dead letter have happened.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DashboardMetricsTest {

    private static boolean exercised;

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void exerciseWhatTheMetricsCount() {
        if (exercised) {
            return;
        }
        // a storefront read: an HTTP request and the database queries behind it
        OrderEventFixture.proxyGet(OrderEventFixture.newId(), "orders").then().statusCode(200);
        // a record that cannot be read goes to the dead letters at once
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            long order = OrderEventFixture.newId();
            fixture.send("orders/create", order, "not JSON".getBytes(StandardCharsets.UTF_8),
                    UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/metrics").asString()
                .contains("dead_letters_written_total{"));
        exercised = true;
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/order-service.csv")
    void exportsEveryMetricTheDashboardAlertsAndAutoscalerReadFromIt(String metric) {
        given().get("/q/metrics").then().statusCode(200).body(matchesPattern("(?s).*\\n" + metric + "[{ ].*"));
    }
}
