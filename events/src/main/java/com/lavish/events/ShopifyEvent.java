package com.lavish.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One Shopify event as it travels on Kafka: CloudEvents attributes in the headers, the raw body as the value.
 * The producer builds it with {@link #toHeaders()}; consumers read it back with {@link #fromRecord}.
 *
 * @param id         the webhook id (ce_id), the consumers' dedup key
 * @param type       the Shopify topic (ce_type)
 * @param shopDomain the shop (ce_source)
 * @param time       when Shopify triggered the event, RFC 3339 (ce_time)
 * @param subject    the entity id the key names (ce_subject), may be null
 * @param apiVersion the Admin API version of the payload, may be null
 * @param eventId    X-Shopify-Event-Id, may be null
 * @param payload    the raw body, byte for byte
 */
public record ShopifyEvent(
        String id,
        String type,
        String shopDomain,
        String time,
        String subject,
        String apiVersion,
        String eventId,
        byte[] payload) {

    public ShopifyEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(shopDomain, "shopDomain");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
    }

    /** The record key: the shop and the entity, or the shop and the delivery when the payload names no entity. */
    public RecordKey recordKey() {
        return new RecordKey(shopDomain, subject != null ? subject : id);
    }

    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SOURCE, shopDomain);
        add(headers, CloudEventHeaders.TIME, time);
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        add(headers, CloudEventHeaders.SUBJECT, subject);
        add(headers, CloudEventHeaders.SHOPIFY_API_VERSION, apiVersion);
        add(headers, CloudEventHeaders.SHOPIFY_EVENT_ID, eventId);
        return headers;
    }

    /**
     * Reads an event from a consumed record.
     *
     * @throws MalformedEventException when a required attribute is missing, so the consumer can dead-letter it
     */
    public static ShopifyEvent fromRecord(Headers headers, byte[] value) {
        if (value == null) {
            throw new MalformedEventException("record has no value");
        }
        return new ShopifyEvent(
                required(headers, CloudEventHeaders.ID),
                required(headers, CloudEventHeaders.TYPE),
                required(headers, CloudEventHeaders.SOURCE),
                required(headers, CloudEventHeaders.TIME),
                optional(headers, CloudEventHeaders.SUBJECT).orElse(null),
                optional(headers, CloudEventHeaders.SHOPIFY_API_VERSION).orElse(null),
                optional(headers, CloudEventHeaders.SHOPIFY_EVENT_ID).orElse(null),
                value);
    }

    public static Optional<String> optional(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        return optional(headers, name)
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> new MalformedEventException("record lacks the CloudEvents header " + name));
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        // Never the payload: it can hold personal data.
        return "ShopifyEvent[id=" + id + ", type=" + type + ", shop=" + shopDomain + ", subject=" + subject + "]";
    }
}
