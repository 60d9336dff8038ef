package com.lavish.orders.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
