package com.lavish.shopifyfake;

import com.lavish.events.ShopifyWebhookHeaders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signs a webhook delivery as Shopify does: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the raw
 * body bytes, keyed with the app's client secret, beside the topic, shop, API version, webhook id, event id and
 * trigger time headers (docs/shopify-reference.md §1.1–1.2).
 */
public final class WebhookSigner {

    private final String secret;
    private final String apiVersion;

    public WebhookSigner(String secret, String apiVersion) {
        this.secret = secret;
        this.apiVersion = apiVersion;
    }

    /** The base64 HMAC-SHA256 of the raw body, the value of {@code X-Shopify-Hmac-Sha256}. */
    public static String hmac(String secret, byte[] body) {
        return ShopifyHmac.base64(secret, body);
    }

    /** Headers of a fresh delivery: a new webhook id and event id, triggered now. */
    public Map<String, String> headers(String topic, String shopDomain, byte[] body) {
        return headers(
                topic,
                shopDomain,
                body,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                Instant.now());
    }

    /** Headers of one delivery; a retry by Shopify repeats the webhook id, event id, trigger time and body. */
    public Map<String, String> headers(
            String topic, String shopDomain, byte[] body, String webhookId, String eventId, Instant triggeredAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(ShopifyWebhookHeaders.TOPIC, topic);
        headers.put(ShopifyWebhookHeaders.HMAC, hmac(secret, body));
        headers.put(ShopifyWebhookHeaders.SHOP_DOMAIN, shopDomain);
        headers.put(ShopifyWebhookHeaders.API_VERSION, apiVersion);
        headers.put(ShopifyWebhookHeaders.WEBHOOK_ID, webhookId);
        headers.put(ShopifyWebhookHeaders.EVENT_ID, eventId);
        headers.put(ShopifyWebhookHeaders.TRIGGERED_AT, triggeredAt.toString());
        return headers;
    }
}
