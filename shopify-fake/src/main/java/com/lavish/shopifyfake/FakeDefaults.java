package com.lavish.shopifyfake;

import java.util.Map;

/**
 * What the fake's main classes take from the environment as the services read it: {@code SHOPIFY_API_SECRET}, the
 * first of {@code SHOPIFY_SHOPS}, {@code SHOPIFY_API_VERSION}, {@code SHOPIFY_ADMIN_TOKEN}, each with the local
 * run's value when unset.
 */
final class FakeDefaults {

    /** The local run's secret when none is set: fake on purpose, so that nobody mistakes it for a real one. */
    static final String LOCAL_SECRET = "local-dev-secret-not-for-production";

    static final String LOCAL_SHOP = "lavish-library.myshopify.com";
    static final String DEFAULT_API_VERSION = "2026-07";
    /** The local run's Admin API access token when none is set: fake on purpose, like the secret. */
    static final String LOCAL_ADMIN_TOKEN = "shpat_local-fake-admin-token-not-for-production";
    /**
     * The Standard plan's restore rate, 100 points a second (docs/shopify-reference.md §3.2); Shopify publishes no
     * bucket size for it today (a client reads throttleStatus.maximumAvailable), so 2,000 points is the fake's choice.
     */
    static final double THROTTLE_MAXIMUM = 2000;

    static final double THROTTLE_RESTORE_RATE = 100;
    /** How long a billing attempt stays pending before it settles. */
    static final double BILLING_DELAY_MS = 200;

    private FakeDefaults() {}

    static String secret(Map<String, String> env) {
        return nonBlank(env.get("SHOPIFY_API_SECRET"), LOCAL_SECRET);
    }

    static String adminToken(Map<String, String> env) {
        return nonBlank(env.get("SHOPIFY_ADMIN_TOKEN"), LOCAL_ADMIN_TOKEN);
    }

    static String shop(Map<String, String> env) {
        String shops = env.get("SHOPIFY_SHOPS");
        if (shops != null) {
            for (String shop : shops.split(",")) {
                if (!shop.isBlank()) {
                    return shop.trim();
                }
            }
        }
        return LOCAL_SHOP;
    }

    static String apiVersion(Map<String, String> env) {
        return nonBlank(env.get("SHOPIFY_API_VERSION"), DEFAULT_API_VERSION);
    }

    /**
     * A Shopify customer id as a person writes it.
     *
     * @throws IllegalArgumentException unless it is a positive 64-bit id
     */
    static long customerId(String value) {
        long id;
        try {
            id = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a positive 64-bit id, was '" + value + "'");
        }
        if (id <= 0) {
            throw new IllegalArgumentException("must be a positive 64-bit id, was " + value);
        }
        return id;
    }

    /** One line for a person: the exception's class and message (or its cause's). */
    static String describe(Throwable e) {
        String message = e.getMessage() != null
                ? e.getMessage()
                : e.getCause() != null && e.getCause().getMessage() != null
                        ? e.getCause().getMessage()
                        : null;
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
