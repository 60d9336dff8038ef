package com.lavish.shopifyfake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/**
 * One webhook delivery as Shopify makes it: a topic and a body for a shop, with the ids and trigger time that a retry
 * repeats. Send the same instance again to mimic Shopify's retry (same webhook id, event id, trigger time and body).
 */
public record WebhookDelivery(
        String topic, String shopDomain, byte[] body, String webhookId, String eventId, Instant triggeredAt) {

    public WebhookDelivery {
        body = body.clone();
    }

    /** A first delivery: fresh webhook and event ids, triggered now (to the microsecond, as Shopify writes it). */
    public static WebhookDelivery of(String topic, String shopDomain, byte[] body) {
        return new WebhookDelivery(
                topic,
                shopDomain,
                body,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookDelivery d
                && topic.equals(d.topic)
                && shopDomain.equals(d.shopDomain)
                && Arrays.equals(body, d.body)
                && webhookId.equals(d.webhookId)
                && eventId.equals(d.eventId)
                && triggeredAt.equals(d.triggeredAt);
    }

    @Override
    public int hashCode() {
        return 31 * webhookId.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        // never the body: it holds a customer's personal data
        return "WebhookDelivery[topic=" + topic + ", shop=" + shopDomain + ", webhookId=" + webhookId + ", eventId="
                + eventId + ", triggeredAt=" + triggeredAt + ", body=" + body.length + " bytes]";
    }
}
