package com.lavish.orders.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The answers every storefront path shares come from service-edge's one source (StorefrontProblemAnswers,
 * StorefrontCacheControl), found in this service's document without a line of its own: 401 and 429 on each order
 * path, 400 where it takes input, each problem+json, an order path's own, more telling 400 kept, and Cache-Control on
 * each 200.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrderApiDocumentTest {

    private static final String LIST = "paths.'/{entry}/orders'.get.responses";
    private static final String ONE = "paths.'/{entry}/orders/{number}'.get.responses";

    @Test
    void everyOrderPathDocumentsTheSharedProblemAnswers() {
        ManagementPort.given()
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("json"))
                .body(
                        LIST + ".'401'.content.'application/problem+json'.examples.unauthorized.value.status",
                        equalTo(401))
                .body(LIST + ".'401'.headers", hasKey("WWW-Authenticate"))
                .body(LIST + ".'429'.headers", hasKey("Retry-After"))
                .body(ONE + ".'429'.content", hasKey("application/problem+json"))
                .body("paths.'/{entry}/orders/events'.get.responses", hasKey("401"))
                // Cache-Control comes from service-edge's one source (StorefrontCacheControl), the Link the list's own
                .body(LIST + ".'200'.headers", hasKey("Cache-Control"))
                .body(LIST + ".'200'.headers", hasKey("Link"))
                .body(ONE + ".'200'.headers", hasKey("Cache-Control"))
                // the list's own 400 names the limit it refuses
                .body(
                        LIST + ".'400'.content.'application/problem+json'.examples.badLimit.value.field",
                        equalTo("limit"));
    }
}
