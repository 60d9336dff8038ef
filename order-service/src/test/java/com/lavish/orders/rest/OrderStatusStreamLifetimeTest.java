package com.lavish.orders.rest;

import static com.lavish.orders.support.OrderEventFixture.SHOP;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.orders.support.OrderEventFixture;
import com.lavish.shopifyfake.AppProxySigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A stream is checked once, when it opens, so it does not stay open past orders.events.max-lifetime. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@TestProfile(OrderStatusStreamLifetimeTest.ShortLivedStreams.class)
@Tag("security")
class OrderStatusStreamLifetimeTest {

    public static class ShortLivedStreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orders.events.max-lifetime", "3s");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aStreamEndsWhenItsLifetimeIsOverSoTheClientReconnectsAndIsCheckedAgain() throws Exception {
        String query = new AppProxySigner(OrderEventFixture.SECRET).query(SHOP, newId());
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/proxy/orders/events?" + query))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        OrderStatusStreamTest.Stream stream = new OrderStatusStreamTest.Stream(response.body());
        stream.awaitComment();
        stream.awaitEnd();
    }
}
