package com.lavish.orders.messaging;

import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.orders.support.OrderEventFixture;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

/**
 * With tracing on (as in Kubernetes), an order event's work continues the trace of the webhook that brought it: the
 * consumer's span of the poll is a child of the record's traceparent when the poll holds that record alone, and links
 * to it when the poll holds more; the database statements of the work are the span's children.
 */
@QuarkusTest
@TestProfile(OrderEventTracingTest.TracingOn.class)
@QuarkusTestResource(DevStackTestResource.class)
class OrderEventTracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // spans go to InMemorySpans' exporter, in small batches soon after they end
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    @Inject
    AgroalDataSource database;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anOrderEventsDatabaseStatementsJoinTheWebhooksTrace() {
        String traceId = randomHex(16);
        String webhookSpanId = randomHex(8);
        long id = newId();
        ShopifyEvent event = OrderEventFixture.orderEvent(
                "orders/create",
                id,
                order(id, newId(), 1001, "2026-07-01T10:00:00+10:00").toString().getBytes(StandardCharsets.UTF_8),
                UUID.randomUUID().toString());
        // as webhook-gateway publishes it with tracing on: the webhook request's span as the record's parent
        Headers headers = event.toHeaders();
        headers.add("traceparent", ("00-" + traceId + "-" + webhookSpanId + "-01").getBytes(StandardCharsets.UTF_8));
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            fixture.awaitApplied(fixture.send(Topics.ORDERS, event, headers));
            assertFalse(fixture.orderRow(id).isEmpty());
        }

        // a poll of one record continues its trace; a larger poll (other tests' records may share it) links to it
        SpanData process = await("the poll's span, in or linked to the webhook's trace")
                .atMost(OrderEventFixture.WAIT)
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getName().equals("process " + Topics.ORDERS))
                                .filter(s -> continues(s, traceId, webhookSpanId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals(
                event.id(),
                webhookParent(process, traceId, webhookSpanId)
                        ? process.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))
                        : link(process, traceId).getAttributes().get(AttributeKey.stringKey("messaging.message.id")));

        await("the work's database statements, children of its span")
                .atMost(OrderEventFixture.WAIT)
                .until(() -> spans.getFinishedSpanItems().stream()
                        .anyMatch(s -> s.getKind() == SpanKind.CLIENT
                                && s.getTraceId().equals(process.getTraceId())
                                && s.getParentSpanId().equals(process.getSpanId())));
    }

    private static boolean continues(SpanData span, String traceId, String webhookSpanId) {
        LinkData link = link(span, traceId);
        return webhookParent(span, traceId, webhookSpanId)
                || link != null && link.getSpanContext().getSpanId().equals(webhookSpanId);
    }

    /** The span is a child of the webhook's span, in its trace. */
    private static boolean webhookParent(SpanData span, String traceId, String webhookSpanId) {
        return span.getTraceId().equals(traceId) && span.getParentSpanId().equals(webhookSpanId);
    }

    /** The span's link into the webhook's trace, or null. */
    private static LinkData link(SpanData span, String traceId) {
        return span.getLinks().stream()
                .filter(l -> l.getSpanContext().getTraceId().equals(traceId))
                .findFirst()
                .orElse(null);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
