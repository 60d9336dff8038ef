package com.lavish.gateway;

import static com.lavish.gateway.support.TestWebhooks.post;
import static com.lavish.gateway.support.TestWebhooks.utf8;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.gateway.support.Metrics;
import com.lavish.gateway.support.TestWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
@Order(3)
class ObservabilityTest {

    @Test
    void metricsCountReceivedRejectedPublishedAndUnroutedWebhooks() {
        String received = "webhooks_received_total{family=\"orders\"}";
        String invalidHmac = "webhooks_rejected_total{reason=\"invalid_hmac\"}";
        String unknownShop = "webhooks_rejected_total{reason=\"unknown_shop\"}";
        String tooLarge = "webhooks_rejected_total{reason=\"too_large\"}";
        String published = "webhooks_published_total{topic=\"shopify.orders\"}";
        String unrouted = "webhooks_unrouted_total{shopify_topic=\"carts/update\"}";
        String latencyCount = "webhooks_publish_latency_seconds_count{outcome=\"acked\",topic=\"shopify.orders\"}";
        Map<String, Double> before = Metrics.scrape();

        byte[] order = utf8("{\"id\":7001}");
        post(TestWebhooks.headers("orders/create", order), order).then().statusCode(200);
        Map<String, String> forged = TestWebhooks.headers("orders/create", order);
        forged.put(ShopifyWebhookHeaders.HMAC, WebhookSigner.hmac("forged", order));
        post(forged, order).then().statusCode(401);
        post(
                        TestWebhooks.headers(
                                "orders/create", "elsewhere.myshopify.com", order, TestWebhooks.currentSecret()),
                        order)
                .then()
                .statusCode(401);
        byte[] cart = utf8("{\"id\":\"cart-token-1\",\"line_items\":[]}");
        post(TestWebhooks.headers("carts/update", cart), cart).then().statusCode(200);
        byte[] huge = new byte[1000 * 1024 + 1];
        post(TestWebhooks.headers("orders/create", huge), huge).then().statusCode(413);

        Map<String, Double> after = Metrics.scrape();
        for (String series : List.of(received, invalidHmac, unknownShop, tooLarge, published, unrouted, latencyCount)) {
            assertTrue(after.containsKey(series), series + " is not exposed");
            assertTrue(after.get(series) - before.getOrDefault(series, 0.0) >= 1.0, series + " did not count");
        }
        assertTrue(
                after.keySet().stream().anyMatch(s -> s.startsWith("webhooks_publish_latency_seconds_bucket{")),
                "the publish latency has histogram buckets");
        assertTrue(
                after.keySet().stream()
                        .anyMatch(s ->
                                s.startsWith("webhooks_publish_latency_seconds{") && s.contains("quantile=\"0.99\"")),
                "the publish latency has percentiles");
        assertEquals(
                0.0,
                after.getOrDefault("webhooks_rejected_total{reason=\"kafka_unavailable\"}", -1.0)
                        - before.getOrDefault("webhooks_rejected_total{reason=\"kafka_unavailable\"}", -1.0));
    }

    @Test
    void readinessIsUpWithKafka() {
        ManagementPort.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.brokers", greaterThanOrEqualTo(1));
    }
}
