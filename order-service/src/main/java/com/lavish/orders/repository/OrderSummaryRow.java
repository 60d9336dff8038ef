package com.lavish.orders.repository;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the storefront's order list shows of one order, read as a projection: no personal data, so nothing to
 * decrypt, and the item count the writer keeps on the order rather than a sum over its lines.
 */
public record OrderSummaryRow(
        long shopifyId,
        Long orderNumber,
        String name,
        Instant createdAt,
        Instant processedAt,
        Instant placedAt,
        String financialStatus,
        String fulfillmentStatus,
        Instant cancelledAt,
        BigDecimal totalPrice,
        String currency,
        int itemCount) {}
