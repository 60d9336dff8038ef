package com.lavish.subscriptions.service;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.ProjectionBatch;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.repository.ContractReads;
import com.lavish.subscriptions.repository.SellingPlanGroupRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * sync-service's answers to this service's commands (sync.results with origin subscription-service; the others are
 * counted as ignored) on event-consumer's pipeline: the result's ce_id is its command id, so a second delivery of one
 * answer changes nothing. A poll reads what its commands made (actions, attempts, groups, and their contracts
 * locked), settles them by the rules ({@link PendingActions}, {@link BillingOutcomes}, {@link SellingPlanGroupChanges})
 * and writes the result set-based; what dunning asks in turn is relayed once it commits. Counted in
 * {@code subscription.sync.results}.
 */
@ApplicationScoped
public class SyncResultProjection implements EventProjection<SyncResult> {

    private static final Logger LOG = Logger.getLogger(SyncResultProjection.class);
    private static final Set<SyncCommandType> ACTIONS = EnumSet.of(
            SyncCommandType.CONTRACT_PAUSE,
            SyncCommandType.CONTRACT_ACTIVATE,
            SyncCommandType.CONTRACT_CANCEL,
            SyncCommandType.BILLING_CYCLE_SKIP,
            SyncCommandType.BILLING_CYCLE_UNSKIP,
            SyncCommandType.CONTRACT_UPDATE);
    private static final Set<SyncCommandType> GROUPS = EnumSet.of(
            SyncCommandType.SELLING_PLAN_GROUP_CREATE,
            SyncCommandType.SELLING_PLAN_GROUP_ADD_PRODUCTS,
            SyncCommandType.SELLING_PLAN_GROUP_REMOVE_PRODUCTS);

    private final ContractReads contractReads;
    private final SellingPlanGroupRows groups;
    private final BillingOutcomes billing;
    private final SubscriptionPoll poll;

    public SyncResultProjection(
            ContractReads contractReads, SellingPlanGroupRows groups, BillingOutcomes billing, SubscriptionPoll poll) {
        this.contractReads = contractReads;
        this.groups = groups;
        this.billing = billing;
        this.poll = poll;
    }

    @Override
    public String metric() {
        return "subscription.sync.results";
    }

    /** A malformed value goes to the dead letters from here (MalformedEventException). */
    @Override
    public Optional<SyncResult> read(ShopifyEvent event) {
        SyncResult result = SyncMessages.readResult(event.payload());
        return SyncCommands.ORIGIN.equals(result.origin()) ? Optional.of(result) : Optional.empty();
    }

    @Override
    public Uni<Void> write(ProjectionBatch<SyncResult> batch) {
        List<String> actions = commands(batch, ACTIONS);
        List<String> attempts = commands(batch, Set.of(SyncCommandType.BILLING_ATTEMPT_CREATE));
        SqlConnection connection = batch.connection();
        return poll.write(
                batch,
                contractReads.forResults(connection, actions, attempts),
                groups.forResults(connection, commands(batch, GROUPS)),
                (contracts, catalogue, now) -> {
                    for (Delivery<SyncResult> delivery : batch.deliveries()) {
                        delivery.outcome(settle(delivery.change(), contracts, catalogue, now));
                    }
                });
    }

    /** The command ids of the poll's results of these types: each kind is looked up only where it can be. */
    private static List<String> commands(ProjectionBatch<SyncResult> batch, Set<SyncCommandType> types) {
        return batch.deliveries().stream()
                .map(Delivery::change)
                .filter(r -> types.contains(r.type()))
                .map(SyncResult::commandId)
                .distinct()
                .toList();
    }

    private EventOutcome settle(
            SyncResult result, ContractChanges contracts, SellingPlanGroupChanges catalogue, Instant now) {
        if (ACTIONS.contains(result.type())) {
            return PendingActions.settle(contracts, result, now);
        }
        if (GROUPS.contains(result.type())) {
            return catalogue.settle(result);
        }
        return switch (result.type()) {
            case BILLING_ATTEMPT_CREATE -> billing.settle(contracts, result, now);
            case CONTRACT_FETCH -> {
                // the whole contract arrives on shopify.subscriptions; a failure leaves what the webhook carried
                if (result.outcome() != SyncResult.SyncOutcome.SUCCEEDED) {
                    LOG.warnf(
                            "contract %s could not be read from Shopify (%s); it keeps what its webhook carried",
                            result.contractId(), result.outcome());
                }
                yield EventOutcome.APPLIED;
            }
            default -> EventOutcome.IGNORED;
        };
    }
}
