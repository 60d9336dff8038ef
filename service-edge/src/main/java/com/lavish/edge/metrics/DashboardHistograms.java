package com.lavish.edge.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Histogram buckets for the latencies the operations dashboard shows as percentiles: API response time
 * ({@code http_server_requests_seconds}, whose {@code status} tag also gives the error rate) and database time
 * ({@code postgresql_processing_seconds}, each statement of the reactive Postgres client). Prometheus computes the
 * percentiles from the buckets, across replicas, which per-replica summaries could not give.
 */
public class DashboardHistograms {

    private static final Set<String> LATENCIES = Set.of("http.server.requests", "postgresql.processing");

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!LATENCIES.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
