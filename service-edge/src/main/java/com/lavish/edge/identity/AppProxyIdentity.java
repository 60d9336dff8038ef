package com.lavish.edge.identity;

import java.util.OptionalLong;

/**
 * What a verified app-proxy signature vouches for.
 *
 * @param shop               the {@code {shop}.myshopify.com} domain
 * @param loggedInCustomerId the customer logged in on the storefront; empty for an anonymous visitor
 */
public record AppProxyIdentity(String shop, OptionalLong loggedInCustomerId) {}
