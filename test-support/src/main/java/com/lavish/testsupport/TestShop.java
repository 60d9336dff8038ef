package com.lavish.testsupport;

import com.lavish.shopifyfake.AppProxySigner;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shop every service's %test profile serves, with its fake app secret, and the app-proxy queries Shopify's proxy
 * would send for it, signed now.
 */
public final class TestShop {

    /** One of the %test values of shopify.shops. */
    public static final String SHOP = "lavish-test.myshopify.com";
    /** The %test value of shopify.api-secret. */
    public static final String SECRET = "test-only-fake-shopify-secret";

    private TestShop() {}

    /** The query string Shopify's proxy sends for this customer (null: an anonymous visitor). */
    public static String signedQuery(Long customerId) {
        return new AppProxySigner(SECRET).query(SHOP, customerId);
    }

    /** The same with the storefront's own parameters, signed with the rest. */
    public static String signedQuery(Long customerId, Map<String, List<String>> parameters) {
        return new AppProxySigner(SECRET).query(SHOP, customerId, Instant.now(), parameters);
    }
}
