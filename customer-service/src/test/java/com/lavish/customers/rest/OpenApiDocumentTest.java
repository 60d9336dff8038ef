package com.lavish.customers.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OpenApiDocumentTest {

    private static ValidatableResponse document() {
        return ManagementPort.given()
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("json"));
    }

    @Test
    void listsTheUsableStorefrontPaths() {
        document()
                .body("paths", hasKey("/proxy/customers/me"))
                .body("paths", hasKey("/api/customers/me"))
                .body("paths", hasKey("/proxy/locations/countries"))
                .body("paths", hasKey("/api/locations/countries/{country}/states"))
                .body("paths", hasKey("/api/locations/countries/{country}/states/{state}/cities"))
                .body("paths", hasKey("/proxy/session"))
                .body("paths", not(hasKey("/{entry}/customers/me")))
                .body("paths.'/proxy/session'.post.responses.'200'", notNullValue());
    }

    @Test
    void theProfileHasAnExampleWithIdsAsStrings() {
        document()
                .body(
                        "paths.'/proxy/customers/me'.get.responses.'200'.content.'application/json'.examples.profile.value.id",
                        equalTo("706405506930370084"))
                .body(
                        "paths.'/api/customers/me'.get.responses.'200'.content.'application/json'.examples.profile.value"
                                + ".default_address.id",
                        equalTo("9007199254740993"));
    }

    @Test
    void everyStorefrontAnswerThatACacheMayKeepDocumentsItsCacheControl() {
        document()
                .body("paths.'/proxy/customers/me'.get.responses.'200'.headers", hasKey("Cache-Control"))
                .body("paths.'/api/customers/me'.get.responses.'200'.headers", hasKey("Cache-Control"))
                .body(
                        "paths.'/api/customers/me'.get.responses.'200'.headers.'Cache-Control'.description",
                        containsString("private, no-store"))
                .body("paths.'/proxy/locations/countries'.get.responses.'200'.headers", hasKey("Cache-Control"))
                .body(
                        "paths.'/proxy/locations/countries'.get.responses.'200'.headers.'Cache-Control'.description",
                        containsString("public, max-age="))
                .body("paths.'/proxy/locations/countries'.get.responses.'304'.headers", hasKey("Cache-Control"))
                .body("paths.'/proxy/locations/countries'.get.responses.'304'.headers", hasKey("ETag"))
                .body("paths.'/proxy/session'.post.responses.'200'.headers", hasKey("Cache-Control"))
                // an error is never cached, so it says none
                .body("paths.'/proxy/customers/me'.get.responses.'404'.headers", not(hasKey("Cache-Control")));
    }

    @Test
    void declaresProblemJsonErrors() {
        document()
                .body(
                        "paths.'/api/customers/me'.get.responses.'401'.content.'application/problem+json'.examples"
                                + ".unauthorized.value.status",
                        equalTo(401))
                .body("paths.'/proxy/customers/me'.get.responses.'429'.headers", hasKey("Retry-After"))
                .body("paths.'/proxy/locations/countries'.get.responses", hasKey("304"))
                .body(
                        "paths.'/api/locations/countries/{country}/states'.get.responses.'404'.content",
                        hasKey("application/problem+json"))
                .body("paths.'/proxy/session'.post.responses.'401'.content", hasKey("application/problem+json"))
                .body("components.securitySchemes", hasKey("appProxySignature"))
                .body("components.securitySchemes.sessionToken.scheme", equalTo("bearer"))
                .body("paths.'/proxy/customers/me'.get.security[0]", hasKey("appProxySignature"))
                .body("paths.'/api/customers/me'.get.security[0]", hasKey("sessionToken"));
    }
}
