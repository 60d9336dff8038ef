package com.lavish.orders.service;

import java.time.Instant;

/** What one event on shopify.orders asks of the projection. */
public sealed interface OrderChange {

    long orderId();

    /** orders/create, updated, paid, cancelled, fulfilled, partially_fulfilled: a whole new version. */
    record Upsert(OrderSnapshot snapshot) implements OrderChange {
        @Override
        public long orderId() {
            return snapshot.id();
        }
    }

    /** orders/delete: keep a tombstone that no later event revives. */
    record Delete(long orderId, Instant deletedAt) implements OrderChange {}

    /** fulfillments/create, fulfillments/update: one fulfillment of the order, new or newer. */
    record Fulfillment(FulfillmentSnapshot snapshot) implements OrderChange {
        @Override
        public long orderId() {
            return snapshot.orderId();
        }
    }

    /**
     * orders/edited: an order_edit, not an order. It names the lines added and removed with their deltas but no
     * prices, totals or updated_at, and Shopify follows every edit with orders/updated carrying the whole edited
     * order; so the edit is recorded and marks the order edited, and the lines change with that update.
     */
    record Edit(long orderId, long editId, Instant createdAt, Instant committedAt, String lineItemChanges)
            implements OrderChange {}
}
