package com.lavish.gateway.service;

/** Why a webhook was not accepted: the {@code reason} tag of {@code webhooks.rejected}. */
public enum RejectionReason {

    /** 413 */
    TOO_LARGE("too_large"),
    /** 400: the client stopped sending in the middle of the body */
    UNREADABLE_BODY("unreadable_body"),
    /** 401 */
    MISSING_BODY("missing_body"),
    /** 401 */
    MISSING_HMAC("missing_hmac"),
    /** 401 */
    INVALID_HMAC("invalid_hmac"),
    /** 401 */
    UNKNOWN_SHOP("unknown_shop"),
    /** 400 */
    MISSING_HEADER("missing_header"),
    /** 400 */
    NOT_JSON("not_json"),
    /** 400: X-Shopify-Triggered-At older than Shopify retries, or ahead of the gateway's clock */
    TRIGGERED_AT_OUT_OF_WINDOW("triggered_at_out_of_window"),
    /** 400: a privacy topic or app/uninstalled whose signed body is another topic's payload */
    BODY_NOT_OF_TOPIC("body_not_of_topic"),
    /** 400: a privacy topic or app/uninstalled whose signed body names another shop than X-Shopify-Shop-Domain */
    SHOP_MISMATCH("shop_mismatch"),
    /** 503 */
    KAFKA_UNAVAILABLE("kafka_unavailable");

    private final String tag;

    RejectionReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
