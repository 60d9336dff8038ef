package com.lavish.edge.identity;

/**
 * The signed-in storefront customer a request acts for, taken only from a verified app-proxy signature.
 *
 * @param shop       the shop domain, one of the shops this suite serves
 * @param customerId Shopify's customer id, exact 64-bit
 */
public record StorefrontCustomer(String shop, long customerId) {}
