package com.lavish.bench;

import com.lavish.shopifyfake.SampleWebhooks;
import java.time.OffsetDateTime;

/**
 * Lavish variants of Shopify's order samples with the benchmark's own ids: the shape stays Shopify's, only the
 * order's id, number, name, customer, financial status and {@code updated_at} change.
 */
final class SampleOrders {

    private SampleOrders() {}

    /** An order payload for {@code topic} (orders/create, orders/updated) of one customer. */
    static byte[] order(
            String topic,
            long orderId,
            long orderNumber,
            long customerId,
            String financialStatus,
            OffsetDateTime updatedAt) {
        SampleWebhooks.Variant variant = SampleWebhooks.variant(topic)
                .lavish()
                .order(orderId, orderNumber)
                .customerId(customerId)
                .email("buyer" + customerId + "@example.com.au")
                .updatedAt(updatedAt);
        variant.tree().put("financial_status", financialStatus);
        return variant.bytes();
    }
}
