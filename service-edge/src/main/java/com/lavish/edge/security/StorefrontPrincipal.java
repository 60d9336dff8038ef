package com.lavish.edge.security;

import com.lavish.edge.identity.StorefrontCustomer;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * The principal of a storefront request's {@code SecurityIdentity}: the signed-in customer a verified app-proxy
 * signature or session token names, and when that credential stops being good.
 *
 * @param customer  the shop and Shopify's customer id
 * @param expiresAt a session token's {@code exp}; null for an app-proxy signature, which is checked once, at the request
 */
public record StorefrontPrincipal(StorefrontCustomer customer, Instant expiresAt) implements Principal {

    /** {@code <customer id>@<shop>}: ids only, so a log line that names the principal holds no personal data. */
    @Override
    public String getName() {
        return customer.customerId() + "@" + customer.shop();
    }

    public Optional<Instant> credentialExpiresAt() {
        return Optional.ofNullable(expiresAt);
    }
}
