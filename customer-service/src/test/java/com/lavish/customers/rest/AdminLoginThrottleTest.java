package com.lavish.customers.rest;

import static com.lavish.customers.support.AdminCredentials.ADMIN;
import static com.lavish.customers.support.AdminCredentials.ADMIN_PASSWORD;
import static com.lavish.customers.support.AdminCredentials.AUDITOR;
import static com.lavish.customers.support.AdminCredentials.AUDITOR_PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Guessing the admin password is throttled per user and per address, before any password is checked. */
@Tag("security")
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@TestProfile(AdminLoginThrottleTest.ThreeFailures.class)
class AdminLoginThrottleTest {

    public static class ThreeFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("admin.login.max-failures", "3", "admin.login.window", "5m");
        }
    }

    private static final String DEAD_LETTERS = "/admin/dead-letters/" + Topics.CUSTOMERS;

    private static ValidatableResponse login(String user, String password, String address) {
        return given().auth()
                .preemptive()
                .basic(user, password)
                .header("X-Forwarded-For", address)
                .get(DEAD_LETTERS)
                .then();
    }

    private static String newAddress() {
        return "203.0.113." + (1 + Math.abs(UUID.randomUUID().hashCode() % 250));
    }

    @Test
    void aUserWithThreeRefusedPasswordsIsHeldBackEvenWithTheRightOneAndOthersAreNot() {
        for (int i = 0; i < 3; i++) {
            login(ADMIN, "guess-" + i, "198.51.100." + (10 + i)).statusCode(401);
        }
        login(ADMIN, ADMIN_PASSWORD, "198.51.100.20")
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(429));
        // another user is judged on their own
        login(AUDITOR, AUDITOR_PASSWORD, "198.51.100.21").statusCode(403);
    }

    @Test
    void anAddressThatKeepsGuessingIsHeldBackWhateverUserItNames() {
        String address = "192.0.2.77";
        for (int i = 0; i < 3; i++) {
            login("nobody-" + UUID.randomUUID(), "guess", address).statusCode(401);
        }
        login("nobody-" + UUID.randomUUID(), "guess", address).statusCode(429);
        login(AUDITOR, AUDITOR_PASSWORD, newAddress()).statusCode(403);
    }
}
