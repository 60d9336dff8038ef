package com.lavish.gateway.service;

/**
 * The headers of a Shopify webhook delivery (shopify-reference.md §1.1). Vert.x looks headers up without regard to
 * case, as Shopify asks receivers to.
 */
public final class WebhookHeaders {

    public static final String HMAC = "X-Shopify-Hmac-Sha256";
    public static final String TOPIC = "X-Shopify-Topic";
    public static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";
    public static final String API_VERSION = "X-Shopify-API-Version";
    public static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    public static final String EVENT_ID = "X-Shopify-Event-Id";
    public static final String TRIGGERED_AT = "X-Shopify-Triggered-At";

    private WebhookHeaders() {
    }
}
