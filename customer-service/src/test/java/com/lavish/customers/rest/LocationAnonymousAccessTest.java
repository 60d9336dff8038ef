package com.lavish.customers.rest;

import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.lavish.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The locations are public: a shopper who has not signed in is served through the app proxy (Shopify still signs
 * the request) and directly without a token. Needs service-edge's filter to let a signed request without
 * {@code logged_in_customer_id} through on /proxy/ (per-customer paths then answer 401 themselves).
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class LocationAnonymousAccessTest {

    @Test
    void anonymousSignedAppProxyVisitorIsServedTheLocations() {
        given().urlEncodingEnabled(false)
                .when()
                .get("/proxy/locations/countries/AU/states/NSW/cities?" + signedQuery(null))
                .then()
                .statusCode(200)
                .body("cities", hasItem("Sydney"));
    }

    @Test
    void directCallWithoutTokenIsServedTheLocations() {
        given().get("/api/locations/countries").then().statusCode(200).body("countries[0].code", equalTo("AU"));
    }

    @Tag("security")
    @Test
    void unsignedAppProxyRequestIsStillRefused() {
        given().get("/proxy/locations/countries")
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
    }
}
