package com.lavish.subscriptions.service;

import com.lavish.consumer.ProjectionBatch;
import com.lavish.subscriptions.repository.ContractWrites;
import com.lavish.subscriptions.repository.SellingPlanGroupRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The shape of a poll that changes contracts and selling plan groups (shopify.subscriptions, sync.results): what it
 * reads arrives in one round trip, its rules apply in memory, what they made is written set-based in one more, and
 * once it commits its metrics are counted and the commands and events it wrote to the outbox relayed.
 */
@ApplicationScoped
public class SubscriptionPoll {

    /** A poll's rules, applied to what it read: pure, in the poll's offset order. */
    @FunctionalInterface
    public interface Rules {

        void apply(ContractChanges contracts, SellingPlanGroupChanges catalogue, Instant now);
    }

    private final ContractWrites contractWrites;
    private final SellingPlanGroupRows groups;
    private final SubscriptionMetrics metrics;
    private final SyncCommandRelay relay;

    public SubscriptionPoll(
            ContractWrites contractWrites,
            SellingPlanGroupRows groups,
            SubscriptionMetrics metrics,
            SyncCommandRelay relay) {
        this.contractWrites = contractWrites;
        this.groups = groups;
        this.metrics = metrics;
        this.relay = relay;
    }

    /**
     * @param contractsRead the poll's contract reads, sent on its connection
     * @param groupsRead    its group reads, sent after them without waiting
     */
    public Uni<Void> write(
            ProjectionBatch<?> batch,
            Uni<ContractChanges> contractsRead,
            Uni<SellingPlanGroupChanges> groupsRead,
            Rules rules) {
        Instant now = Instant.now();
        return Uni.combine().all().unis(contractsRead, groupsRead).asTuple().chain(read -> {
            ContractChanges contracts = read.getItem1();
            SellingPlanGroupChanges catalogue = read.getItem2();
            rules.apply(contracts, catalogue, now);
            batch.afterCommit().then(() -> {
                metrics.count(contracts);
                return !contracts.writesOutbox() ? Uni.createFrom().voidItem() : relay.relayQuietly();
            });
            return Uni.join()
                    .all(
                            contractWrites.write(batch.connection(), contracts),
                            groups.write(batch.connection(), catalogue))
                    .andFailFast()
                    .replaceWithVoid();
        });
    }
}
