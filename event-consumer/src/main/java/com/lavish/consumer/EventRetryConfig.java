package com.lavish.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How often a record that fails by itself (its poll halved down to it) is tried again before it goes to the dead
 * letters: {@code event-consumer.retry.*}. A dependency that is away is no such failure: EventPipeline waits it out
 * ({@code event-consumer.pipeline.*}).
 */
@ConfigMapping(prefix = "event-consumer.retry")
public interface EventRetryConfig {

    /** Retries after the first attempt. */
    @WithDefault("3")
    int attempts();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("2s")
    Duration maxBackoff();
}
