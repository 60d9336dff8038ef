package com.lavish.orders.rest;

import com.lavish.edge.problem.ProblemException;
import com.lavish.orders.repository.OrderSummaryRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of orders ends: the last order's (placed_at, Shopify id), written as opaque base64url text so
 * callers pass it back without reading it. Newest first means the next page holds what sorts after it.
 */
record OrderCursor(Instant placedAt, long shopifyId) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static OrderCursor after(OrderSummaryRow last) {
        return new OrderCursor(last.placedAt(), last.shopifyId());
    }

    String encode() {
        String plain = "v1:" + (placedAt == null ? "-" : placedAt.getEpochSecond() + "." + placedAt.getNano()) + ":"
                + shopifyId;
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 naming {@code cursor} when it is not one this service wrote */
    static OrderCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3 || !"v1".equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            Instant placedAt = null;
            if (!"-".equals(parts[1])) {
                String[] time = parts[1].split("\\.");
                placedAt = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
            }
            return new OrderCursor(placedAt, Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(
                    "cursor",
                    "cursor is not a cursor from this API; pass the \"next\" value of the previous page as it is");
        }
    }
}
