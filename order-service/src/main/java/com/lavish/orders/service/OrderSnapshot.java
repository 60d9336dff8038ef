package com.lavish.orders.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One version of an order as an orders/* webhook carries it (Shopify's REST shape), read leniently: any field but
 * the id may be null.
 */
public record OrderSnapshot(long id, Long customerId, Long orderNumber, String name, String email, String phone,
                            String customerFirstName, String customerLastName, String note, String currency,
                            BigDecimal subtotalPrice, BigDecimal totalShippingPrice, BigDecimal totalTax,
                            BigDecimal totalDiscounts, BigDecimal totalPrice, String financialStatus,
                            String fulfillmentStatus, Instant cancelledAt, String cancelReason, Instant createdAt,
                            Instant processedAt, Instant updatedAt, Address shippingAddress, Address billingAddress,
                            List<Line> lines, List<FulfillmentSnapshot> fulfillments) {

    public record Address(String name, String company, String address1, String address2, String city,
                          String province, String provinceCode, String country, String countryCode, String zip,
                          String phone) {
    }

    public record Line(long id, Long productId, Long variantId, String title, String variantTitle, String sku,
                       int quantity, Integer currentQuantity, BigDecimal price, BigDecimal totalDiscount,
                       Long sellingPlanId, String sellingPlanName, String fulfillmentStatus) {
    }
}
