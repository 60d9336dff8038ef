package com.lavish.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a service's consumers apply their polls: {@code event-consumer.pipeline.*}. */
@ConfigMapping(prefix = "event-consumer.pipeline")
public interface EventPipelineConfig {

    /** The service's own schema, which holds its {@code applied_event} ledger. */
    String schema();

    /**
     * How long one poll's transaction may take before it is abandoned (its connection closed, so it rolls back) and
     * tried again: a database that stops answering without closing its connections is waited out like one that is down.
     */
    @WithDefault("30s")
    Duration transactionTimeout();

    /** The first wait after a failure that says a dependency is away; each next wait doubles, up to the maximum. */
    @WithDefault("200ms")
    Duration transientInitialBackoff();

    @WithDefault("5s")
    Duration transientMaxBackoff();
}
