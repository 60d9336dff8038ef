package com.lavish.customers;

import static com.lavish.customers.CustomerEventFixture.SHOP;
import static com.lavish.customers.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import com.lavish.devstack.DevStackTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the operations dashboard, the alerts and the autoscaler read from /q/metrics: response times by status, and
 * database time, as histograms; and every metric deploy/kubernetes/metrics/customer-service.csv assigns to this
 * service, once a request, a database query and a dead letter have happened.
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
        // a storefront read: one HTTP request, and a database query behind it (404: nobody by that id yet)
        given().urlEncodingEnabled(false).get("/proxy/customers/me?" + signedQuery(newCustomerId()))
                .then().statusCode(404);
        // a record that cannot be read goes to the dead letters at once
        try (CustomerEventFixture fixture = new CustomerEventFixture(database)) {
            fixture.publish(SHOP + "/" + newCustomerId(), "not JSON".getBytes(StandardCharsets.UTF_8),
                    new RecordHeaders());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/metrics").asString()
                .contains("dead_letters_written_total{"));
        exercised = true;
    }

    @Test
    void responseTimesAndDatabaseTimesArePrometheusHistograms() {
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("status=\"404\""))
                .body(containsString("postgresql_processing_seconds_bucket{"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/customer-service.csv")
    void exportsEveryMetricTheDashboardAlertsAndAutoscalerReadFromIt(String metric) {
        given().get("/q/metrics").then().statusCode(200).body(matchesPattern("(?s).*\\n" + metric + "[{ ].*"));
    }
}
