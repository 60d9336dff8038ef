package com.lavish.edge.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How storefront requests are admitted: the app-proxy paths, signature freshness, the session tokens of the direct
 * API, its CORS origins and the rate limits.
 */
@ConfigMapping(prefix = "storefront")
public interface StorefrontConfig {

    /** Build-time switch: only services that serve storefront paths get the app-proxy filter and Redis limits. */
    String ENABLED = "storefront.proxy.enabled";

    /** Build-time switch: the one service that answers {@code POST /proxy/session} behind the gateway. */
    String SESSION_ISSUER_ENABLED = "storefront.session.issuer.enabled";

    Proxy proxy();

    Api api();

    Session session();

    /**
     * The HS256 key of session tokens ({@code STOREFRONT_TOKEN_SECRET}), at least 32 bytes, the same in every
     * storefront service. No default: a storefront service refuses to start without it.
     */
    Optional<String> tokenSecret();

    Cors cors();

    RateLimit rateLimit();

    interface Api {

        /** Requests under this path act for the customer of a session token ({@code Authorization: Bearer}). */
        @WithDefault("/api/")
        String pathPrefix();
    }

    interface Session {

        Issuer issuer();

        /** How long a session token is good for; the theme asks for a new one through the app proxy. */
        @WithDefault("10m")
        Duration lifetime();

        /** The {@code iss} claim written and required. */
        @WithDefault("lavish-storefront")
        String tokenIssuer();

        /** The {@code aud} claim written and required. */
        @WithDefault("lavish-storefront-api")
        String audience();

        /** Leeway for clocks between the issuing and the verifying service when checking {@code exp}. */
        @WithDefault("10s")
        Duration clockSkew();

        interface Issuer {
            /** See {@link StorefrontConfig#SESSION_ISSUER_ENABLED}; read at build time, listed so it is known. */
            @WithDefault("false")
            boolean enabled();
        }
    }

    /** Browsers on these origins may call the direct API ({@code STOREFRONT_CORS_ORIGINS}, comma-separated). */
    interface Cors {

        /** Exact origins, such as {@code https://lavishlibrary.com.au}; none means no browser origin is allowed. */
        Optional<List<String>> origins();

        /** How long a browser may keep a preflight answer. */
        @WithDefault("10m")
        Duration maxAge();
    }

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

        /**
         * Requests per client address, whoever is signed in (one browser cycling accounts, or none), failed
         * signatures and tokens included.
         */
        interface Address {
            @WithDefault("600")
            int requests();

            @WithDefault("60s")
            Duration window();

            /**
             * The peers whose {@code X-Forwarded-For} is believed, as addresses or CIDR blocks: the API gateway in
             * front of the service, which appends the address it saw. From anyone else the header is ignored and
             * the connection's own address is the client's.
             */
            @WithDefault("127.0.0.1/32,::1/128")
            List<String> trustedProxies();
        }
    }

    enum Algorithm {
        /** One counter per window: cheap, but allows up to twice the limit across a window boundary. */
        FIXED_WINDOW,
        /** A log of the admitted requests of the last window: exact, at one sorted-set entry per request. */
        SLIDING_WINDOW
    }
}
