package com.lavish.customers.rest;

import static com.lavish.customers.rest.StorefrontRateLimitTest.assertTooManyRequests;
import static com.lavish.customers.rest.StorefrontRateLimitTest.me;
import static com.lavish.customers.rest.StorefrontRateLimitTest.newAddress;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;

import com.lavish.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@TestProfile(SlidingWindowRateLimitTest.ShortSlidingWindow.class)
@Tag("security")
class SlidingWindowRateLimitTest {

    public static class ShortSlidingWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "storefront.rate-limit.algorithm",
                    "sliding-window",
                    "storefront.rate-limit.customer.requests",
                    "2",
                    "storefront.rate-limit.customer.window",
                    "2s",
                    "storefront.rate-limit.address.requests",
                    "100",
                    "storefront.rate-limit.address.window",
                    "60s");
        }
    }

    @Test
    void customerOverTheLimitWaitsUntilTheOldestRequestLeavesTheWindow() throws InterruptedException {
        long customer = newCustomerId();
        String address = newAddress();
        me(customer, address).statusCode(404);
        me(customer, address).statusCode(404);
        assertTooManyRequests(me(customer, address), 2);

        Thread.sleep(2_100);
        me(customer, address).statusCode(404);
    }
}
