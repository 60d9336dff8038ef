package com.lavish.customers.service;

import java.time.Instant;

import com.lavish.events.ShopifyEvent;

/**
 * One privacy request read from shopify.compliance.
 *
 * @param event      the delivery (ce_id, shop, type)
 * @param customerId Shopify's customer id for customers/redact and customers/data_request; null otherwise
 * @param receivedAt ce_time
 */
public record PrivacyRequest(ShopifyEvent event, Long customerId, Instant receivedAt) {

    public static final String CUSTOMERS_REDACT = "customers/redact";
    public static final String SHOP_REDACT = "shop/redact";
    public static final String CUSTOMERS_DATA_REQUEST = "customers/data_request";
    public static final String APP_UNINSTALLED = "app/uninstalled";

    public String type() {
        return event.type();
    }

    public String shopDomain() {
        return event.shopDomain();
    }
}
