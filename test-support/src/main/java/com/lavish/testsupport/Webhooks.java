package com.lavish.testsupport;

import com.lavish.events.ShopifyEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Shopify webhooks as webhook-gateway turns them into events: a ce_id of their own (unless the test gives one), the
 * time of receipt, the entity the record is keyed by, API version 2026-07 and the webhook id Shopify sends.
 */
public final class Webhooks {

    /** The API version the suite's webhooks are subscribed at. */
    public static final String API_VERSION = "2026-07";

    private Webhooks() {}

    /** A Shopify id (an order's, a contract's) no other test uses: the tests of a JVM share one database and broker. */
    public static long newEntityId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000_000L);
    }

    /** A delivery of this shop received now, keyed by the entity (null: keyed by the shop). */
    public static ShopifyEvent event(String type, String shop, Long entityId, byte[] body) {
        return event(UUID.randomUUID().toString(), type, shop, Instant.now().toString(), entityId, body);
    }

    public static ShopifyEvent event(String type, String shop, Long entityId, String body) {
        return event(type, shop, entityId, utf8(body));
    }

    /** A delivery with the ce_id and ce_time the test chose: a redelivery, or one that arrives late. */
    public static ShopifyEvent event(String ceId, String type, String shop, String ceTime, Long entityId, byte[] body) {
        return new ShopifyEvent(
                ceId,
                type,
                shop,
                ceTime,
                entityId == null ? null : entityId.toString(),
                API_VERSION,
                UUID.randomUUID().toString(),
                body);
    }

    /** A body as the webhook carries it: UTF-8 JSON. */
    public static byte[] utf8(Object json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
