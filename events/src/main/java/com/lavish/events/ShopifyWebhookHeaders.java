package com.lavish.events;

/**
 * The headers of a Shopify webhook delivery (docs/shopify-reference.md §1.1), as Shopify sends them and the gateway reads
 * them. Header names are case-insensitive: look them up so.
 */
public final class ShopifyWebhookHeaders {

    public static final String HMAC = "X-Shopify-Hmac-Sha256";
    public static final String TOPIC = "X-Shopify-Topic";
    public static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";
    public static final String API_VERSION = "X-Shopify-API-Version";
    public static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    public static final String EVENT_ID = "X-Shopify-Event-Id";
    public static final String TRIGGERED_AT = "X-Shopify-Triggered-At";

    private ShopifyWebhookHeaders() {}
}
