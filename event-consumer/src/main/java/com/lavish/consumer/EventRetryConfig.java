package com.lavish.consumer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a service's consumers retry a failure they may outlive (a lost connection, a lock timeout) before the record
 * goes to the dead letters: {@code event-consumer.retry.*}.
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
