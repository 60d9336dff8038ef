package com.lavish.orders.service;

import java.time.Instant;

/** One version of a fulfillment, from fulfillments/* or an order's {@code fulfillments} list. */
public record FulfillmentSnapshot(
        long id,
        long orderId,
        String name,
        String status,
        String shipmentStatus,
        String trackingCompany,
        String trackingNumber,
        String trackingUrl,
        Instant createdAt,
        Instant updatedAt) {}
