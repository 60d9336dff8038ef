package com.lavish.edge.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/**
 * The Shopify app the suite answers for: its client secrets (the key of webhook HMACs and app-proxy signatures)
 * and the shops it serves. In prod every value comes from the environment ({@code SHOPIFY_API_SECRET}, {@code SHOPIFY_API_SECRET_PREVIOUS}, {@code SHOPIFY_SHOPS});
 * there are no defaults, so a missing secret stops the start instead of accepting unsigned traffic.
 */
@ConfigMapping(prefix = "shopify")
public interface ShopifyAppConfig {

    /** The app's current client secret. */
    String apiSecret();

    /**
     * The client secret before the last rotation. Shopify may keep signing with it for up to an hour after a
     * rotation; unset (or empty) once the rotation is over.
     */
    Optional<String> apiSecretPrevious();

    /** The shop domains served ({@code x.myshopify.com}), comma-separated in the environment. */
    Set<String> shops();
}
