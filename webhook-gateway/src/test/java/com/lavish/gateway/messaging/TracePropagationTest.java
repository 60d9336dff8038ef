package com.lavish.gateway.messaging;

import static com.lavish.gateway.support.TestWebhooks.post;
import static com.lavish.gateway.support.TestWebhooks.utf8;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.events.Topics;
import com.lavish.gateway.support.KafkaTopicReader;
import com.lavish.gateway.support.TestWebhooks;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * With tracing on (as in Kubernetes), a webhook's trace continues in its Kafka record: the record carries a W3C
 * traceparent of the same trace, which the consumers' Kafka connector picks up.
 */
@QuarkusTest
@TestProfile(TracePropagationTest.TracingOn.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
@Order(5)
class TracePropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no collector here: spans are made and propagated, and exported nowhere
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @Test
    void theWebhooksTraceContextTravelsInTheRecordHeaders() {
        byte[] order = utf8("{\"id\":7003}");
        Map<String, String> headers = TestWebhooks.headers("orders/create", order);
        headers.put("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        post(headers, order).then().statusCode(200);

        ConsumerRecord<String, byte[]> record =
                KafkaTopicReader.recordOf(Topics.ORDERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID));
        Header traceparent = record.headers().lastHeader("traceparent");
        assertNotNull(traceparent, "the record carries the trace context");
        String value = new String(traceparent.value(), StandardCharsets.UTF_8);
        assertTrue(value.startsWith("00-" + TRACE_ID + "-"), "the webhook's trace continues: " + value);
    }
}
