package com.lavish.sync.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.consumer.RecordProducer;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.ReconcileType;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.config.ShopifyAdminConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a node the Admin API answered into its shopify.* topic, beside the webhooks, as a CloudEvent of its
 * {@link ReconcileType}: ce_id {@code reconcile:<gid>:<revisionId or updatedAt>} (one version read twice is one
 * event), ce_type {@code reconcile/<resource>}, ce_source the shop, ce_time the node's updatedAt, ce_subject and
 * the record key's id the numeric id, the configured API version; the value is the node's JSON as Shopify answered
 * it (camelCase, gids, nested connections as {@code {"nodes": [...]}}).
 */
@ApplicationScoped
public class ReconcileEventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Records in flight at once while a page or a bulk file is published. */
    private static final int PUBLISH_CONCURRENCY = 16;

    private final RecordProducer records;
    private final ShopifyAdminConfig shopify;
    private final MeterRegistry metrics;

    public ReconcileEventPublisher(RecordProducer records, ShopifyAdminConfig shopify, MeterRegistry metrics) {
        this.records = records;
        this.shopify = shopify;
        this.metrics = metrics;
    }

    /** The event of a node; fails with IllegalArgumentException for a node without an id. */
    public ShopifyEvent event(String shop, ReconcileType type, JsonNode node) {
        String gid = node.path("id").asText(null);
        Long id = ShopifyGid.numericId(gid);
        if (id == null) {
            throw new IllegalArgumentException("a " + type.eventType() + " node without a numeric gid: " + gid);
        }
        // contracts are ordered by revisionId (design.md); the rest by updatedAt
        String version = type == ReconcileType.SUBSCRIPTION_CONTRACTS && node.hasNonNull("revisionId")
                ? node.get("revisionId").asText()
                : node.path("updatedAt").asText("");
        String time = node.hasNonNull("updatedAt")
                ? node.get("updatedAt").asText()
                : Instant.now().toString();
        return new ShopifyEvent(
                "reconcile:" + gid + ":" + version,
                type.eventType(),
                shop,
                time,
                Long.toString(id),
                shopify.apiVersion(),
                null,
                bytes(node));
    }

    public Uni<Void> publish(String shop, ReconcileType type, JsonNode node) {
        ShopifyEvent event = event(shop, type, node);
        return records.send(new ProducerRecord<>(
                        type.topic(),
                        null,
                        event.recordKey().toString().getBytes(StandardCharsets.UTF_8),
                        event.payload(),
                        event.toHeaders()))
                .invoke(() -> metrics.counter("sync.reconcile.published", "type", type.eventType())
                        .increment())
                .replaceWithVoid();
    }

    /** Publishes nodes side by side; answers how many, and keeps the newest updatedAt seen in {@code newest}. */
    public Uni<Long> publishAll(
            String shop, ReconcileType type, List<JsonNode> nodes, AtomicReference<Instant> newest) {
        if (nodes.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return Multi.createFrom()
                .iterable(nodes)
                // each publication emits its node: a Uni<Void>'s null item would vanish from the Multi, uncounted
                .onItem()
                .transformToUni(node -> publish(shop, type, node)
                        .invoke(() -> {
                            Instant updated = instant(node.path("updatedAt").asText(null));
                            if (updated != null) {
                                newest.accumulateAndGet(updated, (a, b) -> a == null || b.isAfter(a) ? b : a);
                            }
                        })
                        .replaceWith(node))
                .merge(PUBLISH_CONCURRENCY)
                .collect()
                .with(Collectors.counting());
    }

    /** An RFC 3339 time as Shopify writes it, or null. */
    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a node", e);
        }
    }
}
