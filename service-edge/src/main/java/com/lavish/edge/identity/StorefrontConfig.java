package com.lavish.edge.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How storefront requests are admitted: the app-proxy paths, signature freshness and rate limits. */
@ConfigMapping(prefix = "storefront")
public interface StorefrontConfig {

    /** Build-time switch: only services that serve storefront paths get the app-proxy filter and Redis limits. */
    String ENABLED = "storefront.proxy.enabled";

    Proxy proxy();

    RateLimit rateLimit();

    interface Proxy {

        /** See {@link StorefrontConfig#ENABLED}; read at build time, listed here so it is documented and known. */
        @WithDefault("false")
        boolean enabled();

        /** Requests under this path must carry a fresh app-proxy signature of a signed-in customer. */
        @WithDefault("/proxy/")
        String pathPrefix();

        /** How far the signed timestamp may be from now (Shopify's own library allows 90 s). */
        @WithDefault("90s")
        Duration freshness();
    }

    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("sliding-window")
        Algorithm algorithm();

        Customer customer();

        Address address();

        /** How long to wait for Redis before letting the request through without a limit. */
        @WithDefault("250ms")
        Duration redisTimeout();

        @WithDefault("storefront:rate:")
        String keyPrefix();

        /** Requests per signed-in customer. */
        interface Customer {
            @WithDefault("120")
            int requests();

            @WithDefault("60s")
            Duration window();
        }

        /** Requests per client address, whoever is signed in (one browser cycling accounts, or none). */
        interface Address {
            @WithDefault("600")
            int requests();

            @WithDefault("60s")
            Duration window();
        }
    }

    enum Algorithm {
        /** One counter per window: cheap, but allows up to twice the limit across a window boundary. */
        FIXED_WINDOW,
        /** A log of the admitted requests of the last window: exact, at one sorted-set entry per request. */
        SLIDING_WINDOW
    }
}
