package com.lavish.customers.rest;

import static com.lavish.customers.support.AdminCredentials.ADMIN;
import static com.lavish.customers.support.AdminCredentials.ADMIN_PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A page on another site cannot make the admin's browser change anything: the browser would add the admin's cached
 * Basic credentials, so the request's shape and origin decide. A replay of a dead letter that is not there answers 404
 * when it reaches the resource; a forged one never gets that far.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class AdminCrossSiteTest {

    private static final String REPLAY = "/admin/dead-letters/" + Topics.CUSTOMERS + ".dlq/0/999999999/replay";

    /** As the browser sends it: with the admin's credentials, whatever page made it send it. */
    private static RequestSpecification asAdminsBrowser() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    @Tag("security")
    @Test
    void aFormPostedFromAnotherSiteIsRefusedBeforeItActs() {
        asAdminsBrowser()
                .contentType("application/x-www-form-urlencoded")
                .body("x=1")
                .post(REPLAY)
                .then()
                .statusCode(415)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("application/json"));
        // fetch() in no-cors mode with no body sends no Content-Type at all
        asAdminsBrowser().post(REPLAY).then().statusCode(415);
    }

    @Tag("security")
    @Test
    void jsonFromAnotherSitesPageIsRefused() {
        asAdminsBrowser()
                .contentType("application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .post(REPLAY)
                .then()
                .statusCode(403)
                .contentType(containsString("application/problem+json"));
        asAdminsBrowser()
                .contentType("application/json")
                .header("Sec-Fetch-Site", "same-site")
                .post(REPLAY)
                .then()
                .statusCode(403);
        asAdminsBrowser()
                .contentType("application/json")
                .header("Origin", "https://attacker.example")
                .post(REPLAY)
                .then()
                .statusCode(403);
    }

    @Test
    void theAdminsOwnPageAndToolsGetThrough() {
        asAdminsBrowser()
                .contentType("application/json")
                .header("Sec-Fetch-Site", "same-origin")
                .post(REPLAY)
                .then()
                .statusCode(404);
        asAdminsBrowser()
                .header("X-Requested-By", "lavish-admin")
                .post(REPLAY)
                .then()
                .statusCode(404);
        asAdminsBrowser().contentType("application/json").post(REPLAY).then().statusCode(404);
    }
}
