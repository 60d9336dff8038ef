package com.lavish.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    TriggeredAt triggeredAt();

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

    /**
     * How far {@code X-Shopify-Triggered-At} may lie from the gateway's clock. The header is not signed (only the body
     * is, docs/shopify-reference.md §1.2), yet it becomes the event's ce_time, which consumers use as the version of
     * a body that carries none: without bounds a resent body could claim any time.
     */
    interface TriggeredAt {

        /**
         * The oldest trigger time accepted. Shopify may deliver up to a day late and then retries a failed delivery
         * 8 times over 4 hours, each retry with the original trigger time (docs/shopify-reference.md §1.3): the
         * default covers the last retry of the latest delivery, so no genuine event (a customers/redact above all)
         * is refused for its age.
         */
        @WithDefault("28h")
        Duration maxAge();

        /** How far ahead of the gateway's clock a trigger time may be: clocks drift, events come from no future. */
        @WithDefault("5m")
        Duration maxAhead();
    }

    interface Health {

        /** How long the readiness check waits for the Kafka cluster to answer. */
        @WithDefault("2s")
        Duration kafkaTimeout();
    }
}
