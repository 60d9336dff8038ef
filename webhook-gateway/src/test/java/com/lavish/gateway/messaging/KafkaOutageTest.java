package com.lavish.gateway.messaging;

import static com.lavish.gateway.support.TestWebhooks.post;
import static com.lavish.gateway.support.TestWebhooks.utf8;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.KafkaBroker;
import com.lavish.devstack.ManagementPort;
import com.lavish.devstack.SharedDevStack;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.events.Topics;
import com.lavish.gateway.support.KafkaTopicReader;
import com.lavish.gateway.support.TestWebhooks;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Kills the shared broker: ordered after every other class of the same resources. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
@Order(Integer.MAX_VALUE)
class KafkaOutageTest {

    private static final Logger LOG = Logger.getLogger(KafkaOutageTest.class);

    @Test
    void webhookDuringKafkaOutageGets503InTimeAndIsStoredWhenShopifyRetries() throws InterruptedException {
        byte[] body = utf8("{\"id\":8801,\"financial_status\":\"paid\"}");
        Map<String, String> delivery = TestWebhooks.headers("orders/paid", body);
        String webhookId = delivery.get(ShopifyWebhookHeaders.WEBHOOK_ID);
        KafkaBroker broker = SharedDevStack.get().embeddedKafka().orElseThrow();
        // a gateway in service: connected, and knowing the topic's partitions
        byte[] earlier = utf8("{\"id\":8800}");
        post(TestWebhooks.headers("orders/paid", earlier), earlier).then().statusCode(200);

        broker.kill();
        try {
            long start = System.nanoTime();
            Response answer = post(delivery, body);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            answer.then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("status", equalTo(503));
            // the contract's bound (Shopify waits 5 s), not a benchmark
            assertTrue(elapsedMs < 3_500, "answered after " + elapsedMs + " ms");
            ManagementPort.given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"));
        } finally {
            broker.start();
        }

        // Shopify retries the same delivery (same id, same body, same signature) until it gets a 2xx
        int status = 0;
        int attempt = 0;
        for (; attempt < 10 && status != 200; attempt++) {
            if (attempt > 0) {
                Thread.sleep(1_000);
            }
            status = post(delivery, body).statusCode();
        }
        assertEquals(200, status, "the producer did not recover after the broker came back");
        LOG.infof("the retried delivery was stored at attempt %d after the broker restarted", attempt);

        List<ConsumerRecord<String, byte[]>> stored =
                KafkaTopicReader.recordsOf(Topics.ORDERS, webhookId, Duration.ofSeconds(15));
        assertFalse(stored.isEmpty(), "the retried delivery is not on " + Topics.ORDERS);
        stored.forEach(record -> assertArrayEquals(body, record.value()));
        ManagementPort.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
