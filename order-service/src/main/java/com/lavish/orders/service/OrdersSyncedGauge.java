package com.lavish.orders.service;

import com.lavish.orders.repository.OrderRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code orders_synced_last_24h}: how many orders this service applied a version of in the last 24 hours, for the
 * dashboard. Counted on a schedule, since a scrape must not wait for the database; the gauge shows the last count.
 */
@ApplicationScoped
public class OrdersSyncedGauge {

    private static final Logger LOG = Logger.getLogger(OrdersSyncedGauge.class);
    private static final Duration WINDOW = Duration.ofHours(24);

    private final OrderRepository orders;
    private final AtomicLong synced = new AtomicLong();

    public OrdersSyncedGauge(OrderRepository orders, MeterRegistry metrics) {
        this.orders = orders;
        Gauge.builder("orders.synced.last.24h", synced, AtomicLong::get)
                .description(
                        "Orders with a version applied in the last 24 hours (counted every orders.synced-gauge.every)")
                .register(metrics);
    }

    @Scheduled(
            identity = "orders-synced-gauge",
            every = "${orders.synced-gauge.every:60s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> orders.countSyncedSince(Instant.now().minus(WINDOW)))
                .invoke(synced::set)
                .onFailure()
                .invoke(failure -> LOG.warnf("orders synced in the last 24 h not counted: %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
