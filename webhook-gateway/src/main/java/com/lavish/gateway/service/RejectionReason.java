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
