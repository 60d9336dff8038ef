package com.lavish.subscriptions.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The dashboard's subscription gauges, over every shop served: {@code subscriptions_active},
 * {@code subscriptions_paused}, {@code subscriptions_in_dunning}, {@code subscriptions_churned_30d} and
 * {@code subscriptions_revenue_month{currency}} (billed this month). Counted on a schedule
 * ({@code subscriptions.metrics.every}), since a scrape must not wait for the database.
 */
@ApplicationScoped
public class SubscriptionGauges {

    private static final Logger LOG = Logger.getLogger(SubscriptionGauges.class);

    private final SubscriptionFigures figures;
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong paused = new AtomicLong();
    private final AtomicLong inDunning = new AtomicLong();
    private final AtomicLong churned = new AtomicLong();
    private final MultiGauge revenue;

    public SubscriptionGauges(SubscriptionFigures figures, MeterRegistry metrics) {
        this.figures = figures;
        Gauge.builder("subscriptions.active", active, AtomicLong::get)
                .description("Active subscription contracts")
                .register(metrics);
        Gauge.builder("subscriptions.paused", paused, AtomicLong::get)
                .description("Paused subscription contracts")
                .register(metrics);
        Gauge.builder("subscriptions.in.dunning", inDunning, AtomicLong::get)
                .description("Active contracts whose current cycle failed to bill at least once")
                .register(metrics);
        Gauge.builder("subscriptions.churned.30d", churned, AtomicLong::get)
                .description("Contracts cancelled, expired or failed in the last 30 days")
                .register(metrics);
        this.revenue = MultiGauge.builder("subscriptions.revenue.month")
                .description("Billed this month (succeeded billing attempts), by currency")
                .register(metrics);
    }

    @Scheduled(
            identity = "subscription-gauges",
            every = "${subscriptions.metrics.every:60s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        Instant now = Instant.now();
        return Panache.withSession(() -> figures.counts(null, now)
                        .invoke(counts -> {
                            active.set(counts[0]);
                            paused.set(counts[1]);
                            inDunning.set(counts[2]);
                            churned.set(counts[3]);
                        })
                        .chain(() -> figures.revenue(null, now, 1)))
                .invoke(months -> {
                    String month = YearMonth.from(now.atZone(ZoneOffset.UTC)).toString();
                    revenue.register(
                            months.stream()
                                    .filter(m -> m.month().equals(month))
                                    .map(m -> MultiGauge.Row.of(
                                            Tags.of("currency", m.currencyCode()), Double.parseDouble(m.amount())))
                                    .toList(),
                            true);
                })
                .onFailure()
                .invoke(failure -> LOG.warnf("subscription gauges not refreshed: %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
