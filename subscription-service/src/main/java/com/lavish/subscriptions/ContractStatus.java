package com.lavish.subscriptions;

import java.util.Locale;

/**
 * A contract's status, whether Shopify wrote it as a webhook does ({@code active}) or as the Admin API does
 * ({@code ACTIVE}); stored and answered lower-case. {@code stale} is a status Shopify's own app knows.
 */
public enum ContractStatus {
    ACTIVE,
    PAUSED,
    CANCELLED,
    EXPIRED,
    FAILED,
    STALE;

    /** The status named by either spelling; null for none or one this service does not know. */
    public static ContractStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The contract will not bill again: it counts as churned. */
    public boolean isEnded() {
        return this == CANCELLED || this == EXPIRED || this == FAILED;
    }
}
