package com.lavish.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** GET orders/events: the live status stream ({@code orders.events.*}). */
@ConfigMapping(prefix = "orders.events")
public interface OrderStatusStreamConfig {

    /** The Redis channel every replica publishes committed status changes to and listens on. */
    @WithDefault("lavish:orders:status-changes")
    String channel();

    /** How often an idle stream gets a comment line, so proxies and browsers keep it open. */
    @WithDefault("15s")
    Duration heartbeat();

    /**
     * On resumption, at most the newest this many missed changes are sent; a client that missed more reloads
     * GET orders for the whole picture.
     */
    @WithDefault("200")
    int replayLimit();

    /**
     * The longest a stream stays open; one that came with a session token ends when the token does, if sooner. The
     * client then reconnects with {@code Last-Event-ID} (and a fresh token), and so is checked again.
     */
    @WithDefault("10m")
    Duration maxLifetime();

    /** Streams one customer may hold open at once on a replica (tabs, windows); a 429 beyond. */
    @WithDefault("4")
    int maxStreamsPerCustomer();
}
