package com.lavish.subscriptions.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The answers every storefront path shares come from service-edge's one source (StorefrontProblemAnswers,
 * StorefrontCacheControl), found in this service's document without a line of its own.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SubscriptionApiDocumentTest {

    private static final String LIST = "paths.'/{entry}/subscriptions'.get.responses";
    private static final String ACTION = "paths.'/{entry}/subscriptions/{id}/{action}'.post.responses";

    @Test
    void everySuccessfulStorefrontAnswerDocumentsItsCacheControl() {
        ManagementPort.given()
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("json"))
                .body(LIST + ".'200'.headers", hasKey("Cache-Control"))
                .body(LIST + ".'200'.headers.'Cache-Control'.description", containsString("private, no-store"))
                .body(ACTION + ".'202'.headers", hasKey("Cache-Control"))
                .body(
                        LIST + ".'401'.content.'application/problem+json'.examples.unauthorized.value.status",
                        equalTo(401))
                // an error is never cached, so it says none
                .body(LIST + ".'429'.headers", not(hasKey("Cache-Control")));
    }
}
