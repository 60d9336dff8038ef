package com.lavish.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the service's consumers: DOWN while any of them waits for a dependency to come back (the database,
 * Redis, the broker), so that an operator, and Kubernetes, see a replica that is paused rather than one that
 * quietly falls behind. Its records are not lost meanwhile: they wait on Kafka, their offsets uncommitted.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    /** Who waits (a consumer's metric name), since when, and for what. */
    private record Waiting(String consumer, Instant since, String reason) {
    }

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

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").status(waiting.isEmpty());
        waiting.values().forEach(w -> response.withData(w.consumer(), "waiting since " + w.since() + ": " + w.reason()));
        return response.build();
    }
}
