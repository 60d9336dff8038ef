package com.lavish.subscriptions.service;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.ProjectionBatch;
import com.lavish.events.ShopifyEvent;
import com.lavish.subscriptions.messaging.SubscriptionWebhookReader;
import com.lavish.subscriptions.repository.ContractReads;
import com.lavish.subscriptions.repository.SellingPlanGroupRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * shopify.subscriptions into the subscription tables: what subscription-service declares to event-consumer's
 * pipeline, which records each delivery once and hands a poll's new ones here ({@link SubscriptionPoll}). A poll reads
 * the rows its events are about (contracts locked, attempts, groups, redacted customers) in one round trip, applies
 * its events in offset order by the rules ({@link ContractVersions}, {@link BillingOutcomes},
 * {@link SellingPlanGroupChanges}) and writes the result with one set-based statement per table; the commands it asks
 * for (contract fetches, dunning's pause or cancel) and the subscription events it causes are relayed once it
 * commits. Counted in {@code subscription.events} (the metric, not the topic).
 */
@ApplicationScoped
public class SubscriptionProjection implements EventProjection<SubscriptionChange> {

    private final SubscriptionWebhookReader reader;
    private final ContractReads contractReads;
    private final SellingPlanGroupRows groups;
    private final BillingOutcomes billing;
    private final SubscriptionPoll poll;

    public SubscriptionProjection(
            SubscriptionWebhookReader reader,
            ContractReads contractReads,
            SellingPlanGroupRows groups,
            BillingOutcomes billing,
            SubscriptionPoll poll) {
        this.reader = reader;
        this.contractReads = contractReads;
        this.groups = groups;
        this.billing = billing;
        this.poll = poll;
    }

    @Override
    public String metric() {
        return "subscription.events";
    }

    @Override
    public Optional<SubscriptionChange> read(ShopifyEvent event) {
        return reader.read(event);
    }

    @Override
    public Uni<Void> write(ProjectionBatch<SubscriptionChange> batch) {
        ContractReads.EventKeys contractKeys = new ContractReads.EventKeys();
        SellingPlanGroupRows.WebhookKeys groupKeys = new SellingPlanGroupRows.WebhookKeys();
        for (Delivery<SubscriptionChange> delivery : batch.deliveries()) {
            String shop = delivery.event().shopDomain();
            SubscriptionChange change = delivery.change();
            if (change instanceof SubscriptionChange.ContractVersion v) {
                contractKeys.contract(shop, v.contract().id(), v.contract().customerId());
            } else if (change instanceof SubscriptionChange.BillingAttemptReport r && r.idempotencyKey() != null) {
                contractKeys.attempt(shop, r.idempotencyKey());
            } else if (change instanceof SubscriptionChange.GroupVersion g) {
                groupKeys.group(shop, g.group().id(), g.group().merchantCode());
            } else if (change instanceof SubscriptionChange.GroupDeleted d) {
                groupKeys.group(shop, d.groupId(), null);
            }
        }
        SqlConnection connection = batch.connection();
        return poll.write(
                batch,
                contractReads.forEvents(connection, contractKeys),
                groups.forWebhooks(connection, groupKeys),
                (contracts, catalogue, now) -> apply(batch, contracts, catalogue, now));
    }

    /** The poll's events in offset order, as they were published: each sees what the ones before it changed. */
    private void apply(
            ProjectionBatch<SubscriptionChange> batch,
            ContractChanges contracts,
            SellingPlanGroupChanges catalogue,
            Instant now) {
        ContractVersions versions = new ContractVersions(contracts, now);
        for (Delivery<SubscriptionChange> delivery : batch.deliveries()) {
            String shop = delivery.event().shopDomain();
            SubscriptionChange change = delivery.change();
            if (change instanceof SubscriptionChange.ContractVersion v) {
                versions.apply(delivery, shop, v.contract());
            } else if (change instanceof SubscriptionChange.BillingAttemptReport r) {
                delivery.outcome(
                        billing.report(contracts, shop, delivery.event().id(), r, now));
            } else if (change instanceof SubscriptionChange.CycleSkip c) {
                delivery.outcome(skip(contracts, shop, c));
            } else if (change instanceof SubscriptionChange.GroupVersion g) {
                delivery.outcome(catalogue.apply(shop, g, now));
            } else {
                delivery.outcome(catalogue.delete(shop, (SubscriptionChange.GroupDeleted) change));
            }
        }
        versions.fetchWhole();
    }

    /** subscription_billing_cycles/skip|unskip: the cycle by the UTC date it bills on; without one, nothing. */
    private static EventOutcome skip(ContractChanges changes, String shop, SubscriptionChange.CycleSkip cycle) {
        if (cycle.cycleDate() == null) {
            return EventOutcome.IGNORED;
        }
        if (cycle.skipped()) {
            changes.skip(shop, cycle.contractId(), cycle.cycleDate(), cycle.cycleIndex(), cycle.at());
        } else {
            changes.unskip(shop, cycle.contractId(), cycle.cycleDate());
        }
        return EventOutcome.APPLIED;
    }
}
