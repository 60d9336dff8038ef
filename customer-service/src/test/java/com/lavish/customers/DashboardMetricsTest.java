package com.lavish.customers;

import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.lavish.devstack.DashboardMetricsCheck;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * What the operations dashboard, the alerts and the autoscaler read from /q/metrics: response times by status, and
 * database time, as histograms; and every metric deploy/kubernetes/metrics/customer-service.csv assigns to this
 * service, once a request and a database query have happened (the dead-letter counter is there before the first dead
 * letter).
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DashboardMetricsTest extends DashboardMetricsCheck {

    @Override
    protected void exercise() {
        // a storefront read: one HTTP request, and a database query behind it (404: nobody by that id yet)
        given().urlEncodingEnabled(false)
                .get("/proxy/customers/me?" + signedQuery(newCustomerId()))
                .then()
                .statusCode(404);
    }

    @Test
    void responseTimesAndDatabaseTimesArePrometheusHistograms() {
        ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("status=\"404\""))
                .body(containsString("postgresql_processing_seconds_bucket{"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/customer-service.csv")
    void exportsEveryMetricTheDashboardAlertsAndAutoscalerReadFromIt(String metric) {
        assertExported(metric);
    }
}
