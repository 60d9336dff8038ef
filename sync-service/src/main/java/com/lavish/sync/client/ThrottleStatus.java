package com.lavish.sync.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shopify's {@code extensions.cost.throttleStatus}: the shop's bucket as Shopify saw it after this request.
 */
public record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {

    /** Reads {@code throttleStatus}; null when the answer carried none. */
    static ThrottleStatus read(JsonNode throttleStatus) {
        if (throttleStatus == null
                || !throttleStatus.hasNonNull("maximumAvailable")
                || !throttleStatus.hasNonNull("currentlyAvailable")
                || !throttleStatus.hasNonNull("restoreRate")) {
            return null;
        }
        return new ThrottleStatus(
                throttleStatus.get("maximumAvailable").asDouble(),
                throttleStatus.get("currentlyAvailable").asDouble(),
                throttleStatus.get("restoreRate").asDouble());
    }
}
