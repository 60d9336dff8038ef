package com.lavish.events;

/**
 * The webhook topics Shopify sends about privacy and the app's removal (docs/shopify-reference.md §1.6), named once:
 * the gateway routes and checks them, the consumers act on them.
 */
public final class ComplianceTopics {

    public static final String CUSTOMERS_DATA_REQUEST = "customers/data_request";
    public static final String CUSTOMERS_REDACT = "customers/redact";
    public static final String SHOP_REDACT = "shop/redact";
    public static final String APP_UNINSTALLED = "app/uninstalled";

    private ComplianceTopics() {}
}
