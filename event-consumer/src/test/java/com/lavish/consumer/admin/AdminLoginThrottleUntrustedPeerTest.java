package com.lavish.consumer.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.lavish.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A client that is not a trusted proxy cannot choose the address its guesses are counted against: its own
 * {@code X-Forwarded-For} is ignored, so writing a new address into it each time does not get it fresh attempts.
 * (From a trusted proxy the header is believed: customer-service's AdminLoginThrottleTest.)
 */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka"))
@TestProfile(AdminLoginThrottleUntrustedPeerTest.OnlyAnotherProxyIsTrusted.class)
@Tag("security")
class AdminLoginThrottleUntrustedPeerTest {

    /** Three refusals per window, and a proxy that is not the tests' loopback connection. */
    public static class OnlyAnotherProxyIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "admin.login.max-failures",
                    "3",
                    "admin.login.window",
                    "5m",
                    "storefront.rate-limit.address.trusted-proxies",
                    "192.0.2.1/32");
        }
    }

    private static final String DEAD_LETTERS = "/admin/dead-letters/shopify.customers";

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotEscapeTheThrottle() {
        // three guesses, each under a new user name and a new address written by the guesser
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .preemptive()
                    .basic("guesser-" + UUID.randomUUID(), "guess")
                    .header("X-Forwarded-For", "198.51.100." + (10 + i))
                    .get(DEAD_LETTERS)
                    .then()
                    .statusCode(401);
        }
        // all three were counted against the connection's own address, which is now held back whatever it writes,
        // before any password is checked (even the right one)
        given().auth()
                .preemptive()
                .basic("operator", "test-only-operator-password")
                .header("X-Forwarded-For", "198.51.100.99")
                .get(DEAD_LETTERS)
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
    }
}
