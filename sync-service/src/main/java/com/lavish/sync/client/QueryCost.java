package com.lavish.sync.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shopify's {@code extensions.cost}: what the document was estimated to cost before it ran, what it did cost (null
 * when it did not run: THROTTLED), and the bucket after it.
 */
public record QueryCost(Integer requestedQueryCost, Integer actualQueryCost, ThrottleStatus throttleStatus) {

    static QueryCost read(JsonNode extensions) {
        JsonNode cost = extensions == null ? null : extensions.get("cost");
        if (cost == null || !cost.isObject()) {
            return null;
        }
        return new QueryCost(
                integer(cost.get("requestedQueryCost")),
                integer(cost.get("actualQueryCost")),
                ThrottleStatus.read(cost.get("throttleStatus")));
    }

    private static Integer integer(JsonNode value) {
        return value == null || !value.isNumber() ? null : (int) Math.ceil(value.asDouble());
    }
}
