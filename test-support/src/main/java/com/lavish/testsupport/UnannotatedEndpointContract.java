package com.lavish.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * An endpoint that says nothing of who may call it is refused, whoever calls
 * (quarkus.security.jaxrs.deny-unannotated-endpoints): a signed-in customer gets 403, an anonymous visitor 401.
 * A service's test extends this as a {@code @QuarkusTest} and declares, as a nested class of its own, a storefront
 * resource at {@link #PROBE} with no security annotation that answers {@link #SERVED}: a resource kept here would be
 * served by every application that has this module on its test classpath.
 */
public abstract class UnannotatedEndpointContract {

    public static final String PROBE = "/proxy/unannotated-probe";
    public static final String SERVED = "served";

    @Test
    public void aSignedInCustomerIsForbiddenAnEndpointWithoutASecurityAnnotation() {
        given().urlEncodingEnabled(false)
                .get(PROBE + "?" + TestShop.signedQuery(706405506930370084L))
                .then()
                .statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body(not(containsString(SERVED)));
    }

    @Test
    public void anAnonymousVisitorIsUnauthorizedThere() {
        given().urlEncodingEnabled(false)
                .get(PROBE + "?" + TestShop.signedQuery(null))
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
    }
}
