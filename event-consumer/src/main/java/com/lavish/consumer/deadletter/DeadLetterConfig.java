package com.lavish.consumer.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which dead letters the admin may list and replay in this service, and how: {@code event-consumer.dead-letters.*}. */
@ConfigMapping(prefix = "event-consumer.dead-letters")
public interface DeadLetterConfig {

    /**
     * The topics this service consumes (for example {@code shopify.customers}); their dead letters are in
     * {@code <topic>.dlq}. Any other topic is a 404: a service lists only the dead letters it wrote.
     */
    Optional<List<String>> topics();

    /** Dead letters in one page when the request names no limit. */
    @WithDefault("50")
    int defaultLimit();

    /** The most dead letters one page may hold. */
    @WithDefault("500")
    int maxLimit();

    /** How long one read of the dead-letter topic, or the broker's ack of a replay, may take. */
    @WithDefault("10s")
    Duration timeout();
}
