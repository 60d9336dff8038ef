package com.lavish.subscriptions.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.edge.json.MoneyText;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The subscription business at a glance, for the admin and the dashboard: contracts active and paused, those in
 * dunning, churn over the last 30 days, and revenue per month. Revenue is what this service billed: the amounts of
 * succeeded billing attempts, by the month they succeeded in (UTC) and currency; the first order of a contract is
 * checkout's and is not in it.
 */
@ApplicationScoped
public class SubscriptionFigures {

    static final Duration CHURN_WINDOW = Duration.ofDays(30);
    static final int REVENUE_MONTHS = 12;

    /**
     * @param churnRate30d churned over (active + churned): the share of the last 30 days' subscribers who left
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "SubscriptionFigures")
    public record Figures(
            String shop,
            long active,
            long paused,
            long inDunning,
            @JsonProperty("churned_30d") long churned30d,
            @JsonProperty("churn_rate_30d") String churnRate30d,
            List<MonthRevenue> revenueByMonth) {}

    /** @param month yyyy-MM */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MonthRevenue(String month, String currencyCode, String amount, long billedAttempts) {}

    /** The figures of one shop, or of every shop when {@code shop} is null; in the caller's session. */
    public Uni<Figures> of(String shop, Instant now) {
        return counts(shop, now)
                .chain(counts -> revenue(shop, now, REVENUE_MONTHS).map(revenue -> {
                    long active = counts[0];
                    long churned = counts[3];
                    String rate = active + churned == 0
                            ? "0.0000"
                            : BigDecimal.valueOf(churned)
                                    .divide(BigDecimal.valueOf(active + churned), 4, RoundingMode.HALF_UP)
                                    .toPlainString();
                    return new Figures(shop, active, counts[1], counts[2], churned, rate, revenue);
                }));
    }

    /** Active, paused, in dunning, churned in the last 30 days. */
    Uni<long[]> counts(String shop, Instant now) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        select count(*) filter (where status = 'active'),
                               count(*) filter (where status = 'paused'),
                               count(*) filter (where status = 'active' and failed_attempts > 0),
                               count(*) filter (where ended_at >= :since)
                        from {h-schema}subscription_contract
                        where cast(:shop as varchar) is null or shop_domain = cast(:shop as varchar)""", Object[].class)
                        .setParameter("since", now.minus(CHURN_WINDOW))
                        .setParameter("shop", shop)
                        .getSingleResult())
                .map(row -> new long[] {number(row[0]), number(row[1]), number(row[2]), number(row[3])});
    }

    /** Billed revenue by month and currency, from the month {@code months - 1} before now's, oldest first. */
    Uni<List<MonthRevenue>> revenue(String shop, Instant now, int months) {
        Instant from = YearMonth.from(now.atZone(ZoneOffset.UTC))
                .minusMonths(months - 1L)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        select to_char(date_trunc('month', completed_at at time zone 'UTC'), 'YYYY-MM'), currency_code,
                               sum(amount), count(*)
                        from {h-schema}billing_attempt
                        where state = 'succeeded' and completed_at >= :from and amount is not null
                            and (cast(:shop as varchar) is null or shop_domain = cast(:shop as varchar))
                        group by 1, 2 order by 1, 2""", Object[].class)
                        .setParameter("from", from)
                        .setParameter("shop", shop)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new MonthRevenue(
                                (String) row[0], (String) row[1], MoneyText.of((BigDecimal) row[2]), number(row[3])))
                        .toList());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
