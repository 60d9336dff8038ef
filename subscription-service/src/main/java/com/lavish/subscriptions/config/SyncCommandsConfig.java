package com.lavish.subscriptions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay to sync.commands: {@code sync-commands.relay.*}. */
@ConfigMapping(prefix = "sync-commands.relay")
public interface SyncCommandsConfig {

    /** How often the relay sends what is left in the outbox (after a crash, or a broker that was away). */
    @WithDefault("5s")
    String every();

    /** Commands one pass of the relay locks and sends at once: a poll's worth of contract fetches. */
    @WithDefault("500")
    int batchSize();
}
