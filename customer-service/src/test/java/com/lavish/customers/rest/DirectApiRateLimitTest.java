package com.lavish.customers.rest;

import static com.lavish.customers.rest.StorefrontRateLimitTest.assertTooManyRequests;
import static com.lavish.customers.rest.StorefrontRateLimitTest.newAddress;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;

import com.lavish.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Redis limits count /api requests as they count /proxy ones (3 per customer, 5 per address per minute in this
 * profile). The customers need no record: a 404 is counted like any answer.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@TestProfile(StorefrontRateLimitTest.SmallFixedWindowLimits.class)
@Tag("security")
class DirectApiRateLimitTest {

    /** A session token, asked for from an address of its own so that only the customer's count is touched. */
    static String tokenFor(long customerId) {
        return given().urlEncodingEnabled(false)
                .header("X-Forwarded-For", newAddress())
                .contentType("application/json")
                .post("/proxy/session?" + signedQuery(customerId))
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    static ValidatableResponse apiMe(String token, String forwardedFor) {
        return given().header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", forwardedFor)
                .get("/api/customers/me")
                .then();
    }

    @Test
    void directApiRequestsCountAgainstTheCustomersLimit() {
        long customer = newCustomerId();
        String token = tokenFor(customer);
        // the session request was the customer's first of three
        apiMe(token, newAddress()).statusCode(404);
        apiMe(token, newAddress()).statusCode(404);
        assertTooManyRequests(apiMe(token, newAddress()), 60);
        apiMe(tokenFor(newCustomerId()), newAddress()).statusCode(404);
    }

    @Test
    void directApiRequestsCountAgainstTheAddressLimit() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(tokenFor(newCustomerId()));
        }
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            apiMe(tokens.get(i), address).statusCode(404);
        }
        assertTooManyRequests(apiMe(tokens.get(5), address), 60);
    }

    @Test
    void forgedTokensCountAgainstTheirAddressSoGuessingUsesUpItsLimit() {
        String token = tokenFor(newCustomerId());
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            apiMe("forged", address).statusCode(401);
        }
        apiMe("forged", address).statusCode(429);
        assertTooManyRequests(apiMe(token, address), 60);
        // the address is the one the gateway appended: what the client wrote before it is not believed
        assertTooManyRequests(apiMe(token, newAddress() + ", " + address), 60);
    }
}
