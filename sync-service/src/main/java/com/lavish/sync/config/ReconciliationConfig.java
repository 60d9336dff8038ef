package com.lavish.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The reconciliation of what Shopify changed since a cursor: {@code sync.reconciliation.*}. */
@ConfigMapping(prefix = "sync.reconciliation")
public interface ReconciliationConfig {

    /** How often the scheduled pass runs ({@code off} disables it; the admin trigger still works). */
    @WithDefault("15m")
    String every();

    /** Nodes asked for per page. */
    @WithDefault("50")
    int pageSize();

    /**
     * How far before the cursor a pass starts again: Shopify's search index lags a little behind its writes, and
     * what is read twice is one event to the consumers (same ce_id).
     */
    @WithDefault("2m")
    Duration overlap();

    /** A shop's first load, with no cursor yet, runs as a bulk operation ({@code false}: paginated queries). */
    @WithDefault("true")
    boolean bulkFirstLoad();

    /** How often a bulk operation's status is asked for. */
    @WithDefault("2s")
    Duration bulkPollInterval();

    /** How long a bulk operation may run before the pass gives up on it (the next pass tries again). */
    @WithDefault("30m")
    Duration bulkTimeout();
}
