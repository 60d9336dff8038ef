package com.lavish.customers.rest;

import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Per-customer and per-address limits in Redis, with the fixed-window algorithm and small limits. The customers
 * need no record: a 404 is counted like any answer, and rate limiting comes before the lookup.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@TestProfile(StorefrontRateLimitTest.SmallFixedWindowLimits.class)
@Tag("security")
class StorefrontRateLimitTest {

    public static class SmallFixedWindowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "storefront.rate-limit.algorithm",
                    "fixed-window",
                    "storefront.rate-limit.customer.requests",
                    "3",
                    "storefront.rate-limit.customer.window",
                    "60s",
                    "storefront.rate-limit.address.requests",
                    "5",
                    "storefront.rate-limit.address.window",
                    "60s");
        }
    }

    static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(256);
    }

    static ValidatableResponse me(long customerId, String forwardedFor) {
        return given().urlEncodingEnabled(false)
                .header("X-Forwarded-For", forwardedFor + ", 10.0.0.1")
                .get("/proxy/customers/me?" + signedQuery(customerId))
                .then();
    }

    static void assertTooManyRequests(ValidatableResponse response, long windowSeconds) {
        response.statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(response.extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= windowSeconds, "Retry-After " + retryAfter);
    }

    @Test
    void customerOverTheLimitGetsTooManyRequestsWithRetryAfter() {
        long customer = newCustomerId();
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            me(customer, address).statusCode(404);
        }
        assertTooManyRequests(me(customer, address), 60);
        // the limit is the customer's: another customer from the same address goes on
        me(newCustomerId(), address).statusCode(404);
    }

    @Test
    void addressOverTheLimitGetsTooManyRequestsWhoeverIsSignedIn() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            me(newCustomerId(), address).statusCode(404);
        }
        assertTooManyRequests(me(newCustomerId(), address), 60);
        // the limit is the address's: the shopper's as Shopify appended it, not the proxy's after it
        me(newCustomerId(), newAddress()).statusCode(404);
    }

    @Test
    void refusedReadShowsNothingOfTheAnswerItsCheckRanBeside() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            countries(address).statusCode(200).header("ETag", containsString("-"));
        }
        // the first refusal settles a check that ran beside the answer; the next waits for its verdict first
        for (int i = 0; i < 2; i++) {
            ValidatableResponse refused = countries(address);
            assertTooManyRequests(refused, 60);
            refused.header("ETag", nullValue())
                    .header("Cache-Control", nullValue())
                    .body("countries", nullValue());
        }
    }

    static ValidatableResponse countries(String forwardedFor) {
        return given().urlEncodingEnabled(false)
                .header("X-Forwarded-For", forwardedFor)
                .get("/proxy/locations/countries?" + signedQuery(null))
                .then();
    }

    @Test
    void failedSignaturesCountAgainstTheCallerSoGuessingUsesUpItsOwnLimitAndNoOneElses() {
        String victim = newAddress();
        String caller = newAddress();
        for (int i = 0; i < 5; i++) {
            // without Shopify's signature the entry before the gateway's is only the caller's word
            given().header("X-Forwarded-For", victim + ", " + caller)
                    .get("/proxy/customers/me")
                    .then()
                    .statusCode(401);
        }
        // over the limit, a guess is not even told whether it was wrong
        given().header("X-Forwarded-For", victim + ", " + caller)
                .get("/proxy/customers/me")
                .then()
                .statusCode(429);
        // the shopper whose address was written there is not held back
        me(newCustomerId(), victim).statusCode(404);
    }

    @Test
    void addressesWrittenLeftOfShopifysEntryDoNotEscapeTheLimit() {
        String shopper = newAddress();
        for (int i = 0; i < 5; i++) {
            // a new made-up address each time, then the shopper's address as Shopify's proxy appends it
            me(newCustomerId(), newAddress() + ", " + shopper).statusCode(404);
        }
        assertTooManyRequests(me(newCustomerId(), newAddress() + ", " + shopper), 60);
    }
}
