package com.lavish.events;

/**
 * CloudEvents 1.0 attributes as Kafka headers (binary content mode: the record value is the raw Shopify
 * body, byte for byte, and the attributes travel as {@code ce_} headers).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    /** X-Shopify-Webhook-Id: one delivery, the key consumers deduplicate on. */
    public static final String ID = "ce_id";
    /** The Shopify topic, for example {@code orders/create}, or a {@code reconcile/...} type. */
    public static final String TYPE = "ce_type";
    /** The shop domain, for example {@code lavish-library.myshopify.com}. */
    public static final String SOURCE = "ce_source";
    /** X-Shopify-Triggered-At, or when the gateway received the webhook if Shopify sent none. */
    public static final String TIME = "ce_time";
    /** The entity id the record key names. */
    public static final String SUBJECT = "ce_subject";
    /** Extension: X-Shopify-API-Version, the version Shopify serialised the payload with. */
    public static final String SHOPIFY_API_VERSION = "ce_shopifyapiversion";
    /** Extension: X-Shopify-Event-Id, the same on every delivery of one underlying event. */
    public static final String SHOPIFY_EVENT_ID = "ce_shopifyeventid";

    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
