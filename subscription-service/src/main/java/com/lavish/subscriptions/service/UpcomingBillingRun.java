package com.lavish.subscriptions.service;

import static com.lavish.consumer.ColumnArrays.Kind.INTEGER;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;

import com.lavish.consumer.ColumnArrays;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.subscriptions.config.UpcomingBillingConfig;
import com.lavish.subscriptions.repository.SubscriptionEventRows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Tells subscription.events of the active contracts whose next billing date is coming up: UPCOMING_BILLING, once per
 * contract and billing date, {@code upcoming-billing.days-before} ahead (or the shop's own setting). Once however
 * many replicas or runs: a batch of contracts is taken {@code FOR UPDATE SKIP LOCKED}, those already told of their
 * date are passed over, and the outbox keeps one reminder per contract and date (a unique key, V3), so a run racing
 * another writes nothing twice. A skipped cycle is not reminded of.
 */
@ApplicationScoped
public class UpcomingBillingRun {

    private static final Logger LOG = Logger.getLogger(UpcomingBillingRun.class);
    /** Batches one run takes at most: a bound, should contracts keep coming up. */
    private static final int MAX_BATCHES = 1000;

    /**
     * $1 now, $2 the default days, $3 and $4 the shops' own, $5 the batch. The billing date is the UTC date of the next
     * billing, as the billing run counts cycles.
     */
    private static final String COMING_UP = """
            select c.shop_domain, c.shopify_id, (c.next_billing_date at time zone 'UTC')::date as cycle_date
            from subscription.subscription_contract c
            left join unnest($3::text[], $4::integer[]) as s(shop_domain, days) on s.shop_domain = c.shop_domain
            where c.status = 'active' and c.next_billing_date > $1
              and c.next_billing_date <= $1 + make_interval(days => coalesce(s.days, $2))
              and not exists (
                  select 1 from subscription.sync_command_outbox o
                  where o.shop_domain = c.shop_domain and o.type = 'UPCOMING_BILLING'
                    and o.idempotency_key = 'upcoming-billing/' || c.shopify_id || '/'
                        || (c.next_billing_date at time zone 'UTC')::date)
              and not exists (
                  select 1 from subscription.skipped_cycle k
                  where k.shop_domain = c.shop_domain and k.contract_shopify_id = c.shopify_id
                    and k.cycle_date = (c.next_billing_date at time zone 'UTC')::date)
            order by c.id
            limit $5
            for update of c skip locked""";

    private final Pool pool;
    private final SubscriptionEventRows events;
    private final SyncCommandRelay relay;
    private final UpcomingBillingConfig config;

    public UpcomingBillingRun(
            Pool pool, SubscriptionEventRows events, SyncCommandRelay relay, UpcomingBillingConfig config) {
        this.pool = pool;
        this.events = events;
        this.relay = relay;
        this.config = config;
    }

    @Scheduled(
            identity = "upcoming-billing-run",
            every = "${upcoming-billing.every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return remind(Instant.now())
                .onFailure()
                .invoke(failure ->
                        LOG.warnf("upcoming billing run failed (the next run picks up): %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Tells of the contracts coming up as of {@code now}, batch after batch, then relays the events.
     *
     * @return the contracts told of
     */
    public Uni<Integer> remind(Instant now) {
        return Batches.whileFull(() -> batch(now), config.batchSize(), MAX_BATCHES)
                .call(relay::relayQuietly);
    }

    private Uni<Integer> batch(Instant now) {
        ColumnArrays shops = new ColumnArrays(TEXT, INTEGER);
        config.shops().forEach((shop, own) -> shops.row().text(shop).integer(own.daysBefore()));
        Tuple parameters = Tuple.of(now.atOffset(ZoneOffset.UTC), config.daysBefore());
        return pool.withTransaction(connection -> connection
                .preparedQuery(COMING_UP)
                .execute(shops.appendTo(parameters).addInteger(config.batchSize()))
                .chain(rows -> {
                    List<ContractEvents.Asked> asked = new ArrayList<>();
                    for (Row row : rows) {
                        asked.add(new ContractEvents.Asked(
                                SubscriptionEventType.UPCOMING_BILLING,
                                row.getString("shop_domain"),
                                row.getLong("shopify_id"),
                                now,
                                row.getLocalDate("cycle_date"),
                                new SubscriptionEvent.Billing(
                                        row.getLocalDate("cycle_date").toString(), null, null, null),
                                null));
                    }
                    return events.write(connection, List.of(), asked).replaceWith(asked.size());
                }));
    }
}
