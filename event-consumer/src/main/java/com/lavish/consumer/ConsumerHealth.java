package com.lavish.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the service's consumers are waiting for a dependency to come back (the database, Redis, the broker), which
 * {@link ConsumerReadiness} reports. Their records are not lost meanwhile: they wait on Kafka, offsets uncommitted.
 */
@ApplicationScoped
public class ConsumerHealth {

    /** Who waits (a consumer's metric name), since when, and for what. */
    private record Waiting(String consumer, Instant since, String reason) {}

    private final Map<Object, Waiting> waiting = new ConcurrentHashMap<>();

    /** A consumer (one poll's run, {@code who}) waits for a dependency; the reason names it, never a record. */
    public void waiting(Object who, String consumer, String reason) {
        waiting.putIfAbsent(who, new Waiting(consumer, Instant.now(), reason));
    }

    public void recovered(Object who) {
        waiting.remove(who);
    }

    public boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    /** UP, or DOWN with who waits since when and for what. */
    public HealthCheckResponse response() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("event consumers").status(waiting.isEmpty());
        waiting.values()
                .forEach(w -> response.withData(w.consumer(), "waiting since " + w.since() + ": " + w.reason()));
        return response.build();
    }
}
