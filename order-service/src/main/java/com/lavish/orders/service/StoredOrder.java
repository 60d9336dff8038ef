package com.lavish.orders.service;

import java.time.Instant;
import java.util.Map;

/**
 * What the projection's rules need of an order as stored when a poll starts: its version, the statuses a customer
 * sees (to tell which ones an event changes), whether it is a placeholder or a tombstone, and its fulfillments by
 * Shopify id (each with its own version and tracking). No personal data: the rules never need it.
 */
public record StoredOrder(
        Long customerId,
        Long orderNumber,
        String financialStatus,
        String fulfillmentStatus,
        Instant cancelledAt,
        Instant updatedAt,
        Instant lastEditedAt,
        Instant deletedAt,
        Map<Long, FulfillmentSnapshot> fulfillments) {}
