package com.lavish.customers;

import static com.lavish.customers.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import com.lavish.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What the operations dashboard reads from /q/metrics: response times by status, and database time, as histograms. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DashboardMetricsTest {

    @Test
    void responseTimesAndDatabaseTimesArePrometheusHistograms() {
        // a storefront read: one HTTP request, and a database query behind it (404: nobody by that id yet)
        given().urlEncodingEnabled(false).get("/proxy/customers/me?" + signedQuery(newCustomerId()))
                .then().statusCode(404);

        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("status=\"404\""))
                .body(containsString("postgresql_processing_seconds_bucket{"));
    }
}
