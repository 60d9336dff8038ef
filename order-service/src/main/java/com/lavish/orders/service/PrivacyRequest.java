package com.lavish.orders.service;

import java.time.Instant;

/**
 * One privacy request read from shopify.compliance.
 *
 * @param ceId       the delivery (X-Shopify-Webhook-Id)
 * @param customerId Shopify's customer id for customers/*; null for shop-wide requests
 * @param receivedAt ce_time
 */
public record PrivacyRequest(String ceId, String type, String shopDomain, Long customerId, Instant receivedAt) {

    public static final String CUSTOMERS_REDACT = "customers/redact";
    public static final String SHOP_REDACT = "shop/redact";
    public static final String CUSTOMERS_DATA_REQUEST = "customers/data_request";
}
