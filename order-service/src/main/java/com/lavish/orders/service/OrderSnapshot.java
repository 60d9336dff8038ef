package com.lavish.orders.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One version of an order as an orders/* webhook carries it (Shopify's REST shape), read leniently: any field but
 * the id may be null.
 */
public record OrderSnapshot(
        long id,
        Long customerId,
        Long orderNumber,
        String name,
        String email,
        String phone,
        String customerFirstName,
        String customerLastName,
        String note,
        String currency,
        BigDecimal subtotalPrice,
        BigDecimal totalShippingPrice,
        BigDecimal totalTax,
        BigDecimal totalDiscounts,
        BigDecimal totalPrice,
        String financialStatus,
        String fulfillmentStatus,
        Instant cancelledAt,
        String cancelReason,
        Instant createdAt,
        Instant processedAt,
        Instant updatedAt,
        Address shippingAddress,
        Address billingAddress,
        List<Line> lines,
        List<FulfillmentSnapshot> fulfillments) {

    /** When the order was placed, for the storefront's newest-first list: processed_at, else created_at. */
    public Instant placedAt() {
        return processedAt != null ? processedAt : createdAt;
    }

    /**
     * This version without what names, reaches or locates a person (what customers/redact and a tombstone take away,
     * province and country included); figures, lines, statuses and times stay.
     */
    public OrderSnapshot withoutPersonalData() {
        return new OrderSnapshot(
                id,
                customerId,
                orderNumber,
                name,
                null,
                null,
                null,
                null,
                null,
                currency,
                subtotalPrice,
                totalShippingPrice,
                totalTax,
                totalDiscounts,
                totalPrice,
                financialStatus,
                fulfillmentStatus,
                cancelledAt,
                cancelReason,
                createdAt,
                processedAt,
                updatedAt,
                null,
                null,
                lines,
                fulfillments);
    }

    public record Address(
            String name,
            String company,
            String address1,
            String address2,
            String city,
            String province,
            String provinceCode,
            String country,
            String countryCode,
            String zip,
            String phone) {}

    public record Line(
            long id,
            Long productId,
            Long variantId,
            String title,
            String variantTitle,
            String sku,
            int quantity,
            Integer currentQuantity,
            BigDecimal price,
            BigDecimal totalDiscount,
            Long sellingPlanId,
            String sellingPlanName,
            String fulfillmentStatus) {}
}
