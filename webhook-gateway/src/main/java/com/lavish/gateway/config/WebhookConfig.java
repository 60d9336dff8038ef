package com.lavish.gateway.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway takes webhooks in and hands them to Kafka. */
@ConfigMapping(prefix = "webhook")
public interface WebhookConfig {

    /**
     * The largest body accepted; larger ones get 413. Kept below Kafka's default message limit (1 MiB, on the
     * producer and the broker) so that every accepted body also fits into one record.
     */
    @WithDefault("1000K")
    MemorySize maxBodySize();

    Publish publish();

    Health health();

    interface Publish {

        /**
         * How long a webhook waits for Kafka's acknowledgement before it is answered 503. Shopify gives up after
         * 5 s; the default leaves room for reading the body and answering, so the answer comes within 3 s. The
         * producer's own delivery, request and blocking timeouts are derived from it.
         */
        @WithDefault("2500ms")
        Duration timeout();

        /** The {@code Retry-After} sent with a 503. Shopify retries on its own schedule; other callers use it. */
        @WithDefault("5s")
        Duration retryAfter();
    }

    interface Health {

        /** How long the readiness check waits for the Kafka cluster to answer. */
        @WithDefault("2s")
        Duration kafkaTimeout();
    }
}
