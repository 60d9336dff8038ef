package com.lavish.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.shopifyfake.AppProxySigner;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An endpoint that says nothing of who may call it is refused, whoever calls
 * (quarkus.security.jaxrs.deny-unannotated-endpoints): a signed-in customer gets 403, an anonymous visitor 401. The
 * endpoint is this test's own, a storefront path with no security annotation.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@Tag("security")
class UnannotatedEndpointTest {

    /** The %test values of shopify.api-secret and one of shopify.shops. */
    private static final String SECRET = "test-only-fake-shopify-secret";
    private static final String SHOP = "lavish-test.myshopify.com";

    @Path("/proxy/unannotated-probe")
    public static class UnannotatedProbe {

        @GET
        public String probe() {
            return "served";
        }
    }

    @Test
    void aSignedInCustomerIsForbiddenAnEndpointWithoutASecurityAnnotation() {
        given().urlEncodingEnabled(false)
                .get("/proxy/unannotated-probe?" + new AppProxySigner(SECRET).query(SHOP, 706405506930370084L))
                .then().statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body(not(containsString("served")));
    }

    @Test
    void anAnonymousVisitorIsUnauthorizedThere() {
        given().urlEncodingEnabled(false)
                .get("/proxy/unannotated-probe?" + new AppProxySigner(SECRET).query(SHOP, null))
                .then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }
}
