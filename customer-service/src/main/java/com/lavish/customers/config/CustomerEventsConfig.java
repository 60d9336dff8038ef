package com.lavish.customers.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the shopify.customers consumer retries a failure it may outlive (a lost connection, a lock timeout). */
@ConfigMapping(prefix = "customer-events")
public interface CustomerEventsConfig {

    Retry retry();

    interface Retry {

        /** Retries after the first attempt; then the record goes to the dead letters. */
        @WithDefault("3")
        int attempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("2s")
        Duration maxBackoff();
    }
}
