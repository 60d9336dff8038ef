package com.lavish.subscriptions.service;

import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.SubscriptionLine;
import com.lavish.subscriptions.config.BillingConfig;
import com.lavish.subscriptions.repository.BillingAttemptRepository;
import com.lavish.subscriptions.repository.ContractRepository;
import com.lavish.subscriptions.repository.SkippedCycles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The billing schedule Shopify leaves to apps (docs/shopify-reference.md §4.2): bills every active contract that is due,
 * exactly once per cycle and attempt. Each batch locks its contracts {@code FOR UPDATE SKIP LOCKED} and, in the same
 * transaction, marks each one's attempt in flight, writes the {@link BillingAttempt} (unique per contract, cycle and
 * attempt number) and its BILLING_ATTEMPT_CREATE command to the outbox, whose idempotency key
 * {@code billing/<contract>/<cycle date>/<attempt>} is Shopify's idempotencyKey too. So two runs at the same moment
 * (in one JVM or on two replicas), a rerun or a crash never ask twice: the second finds the row locked or the
 * attempt in flight. The next billing date moves only when the attempt succeeds; a skipped cycle is passed over.
 */
@ApplicationScoped
public class BillingRun {

    private static final Logger LOG = Logger.getLogger(BillingRun.class);
    /** Batches one run takes at most: a bound, should a contract keep coming due. */
    private static final int MAX_BATCHES = 1000;

    private final ContractRepository contracts;
    private final BillingAttemptRepository attempts;
    private final SkippedCycles skippedCycles;
    private final SyncCommands commands;
    private final SyncCommandRelay relay;
    private final BillingConfig config;
    private final SubscriptionMetrics metrics;

    public BillingRun(
            ContractRepository contracts,
            BillingAttemptRepository attempts,
            SkippedCycles skippedCycles,
            SyncCommands commands,
            SyncCommandRelay relay,
            BillingConfig config,
            SubscriptionMetrics metrics) {
        this.contracts = contracts;
        this.attempts = attempts;
        this.skippedCycles = skippedCycles;
        this.commands = commands;
        this.relay = relay;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(
            identity = "billing-run",
            every = "${billing.every:5m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return billDue(Instant.now())
                .onFailure()
                .invoke(failure -> LOG.warnf("billing run failed (the next run picks up): %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Bills what is due at {@code now}, batch after batch, then relays the commands.
     *
     * @return the contracts billed or passed over (a skipped cycle)
     */
    public Uni<Integer> billDue(Instant now) {
        return Batches.whileFull(() -> billBatch(now), config.batchSize(), MAX_BATCHES)
                .call(relay::relayQuietly);
    }

    private Uni<Integer> billBatch(Instant now) {
        return Panache.withTransaction(() -> contracts
                .lockDue(now, config.batchSize())
                .call(due -> Multi.createFrom()
                        .iterable(due)
                        .onItem()
                        .transformToUniAndConcatenate(contract -> bill(contract, now))
                        .collect()
                        .last())
                .map(List::size));
    }

    private Uni<Void> bill(SubscriptionContract contract, Instant now) {
        LocalDate cycle = LocalDate.ofInstant(contract.nextBillingDate, ZoneOffset.UTC);
        return skippedCycles
                .of(contract.shopDomain, List.of(contract.shopifyId), cycle)
                .chain(skipped -> {
                    if (skipped.stream().anyMatch(s -> s.cycleDate().equals(cycle))) {
                        contract.nextBillingDate = BillingCalendar.after(
                                contract.nextBillingDate, contract.billingInterval, contract.billingIntervalCount);
                        DunningStep step = DunningStep.of(contract, cycle, null, DunningStep.SKIPPED, now);
                        step.message = "cycle skipped; next billing " + contract.nextBillingDate;
                        return Panache.getSession().chain(session -> session.persist(step));
                    }
                    int number = contract.failedAttempts + 1;
                    String key = "billing/" + contract.shopifyId + "/" + cycle + "/" + number;
                    SyncCommand command = SyncCommands.cycle(
                            contract.shopDomain,
                            SyncCommandType.BILLING_ATTEMPT_CREATE,
                            contract.shopifyId,
                            key,
                            cycle);
                    return attempts.findByKey(contract.shopDomain, key).chain(existing -> {
                        if (existing != null && !BillingAttempt.UNSENT.equals(existing.state)) {
                            // asked before and not known to be lost: waiting for its outcome, never asked again
                            LOG.warnf(
                                    "billing attempt %s exists (%s); contract %d waits for its outcome",
                                    key, existing.state, contract.shopifyId);
                            contract.billingInFlight = key;
                            return Uni.createFrom().voidItem();
                        }
                        BillingAttempt attempt = existing != null ? existing : new BillingAttempt();
                        attempt.shopDomain = contract.shopDomain;
                        attempt.contractShopifyId = contract.shopifyId;
                        attempt.cycleDate = cycle;
                        attempt.attemptNumber = number;
                        attempt.idempotencyKey = key;
                        attempt.commandId = command.commandId();
                        attempt.state = BillingAttempt.REQUESTED;
                        attempt.amount = amount(contract);
                        attempt.currencyCode = contract.currencyCode;
                        attempt.requestedAt = now;
                        contract.billingInFlight = key;
                        metrics.attempt(BillingAttempt.REQUESTED);
                        Uni<?> saved = existing != null ? Uni.createFrom().voidItem() : attempts.persist(attempt);
                        return saved.chain(() -> commands.enqueue(command)).replaceWithVoid();
                    });
                });
    }

    /** What a cycle bills: each line's current price times its quantity. */
    private static BigDecimal amount(SubscriptionContract contract) {
        BigDecimal total = BigDecimal.ZERO;
        for (SubscriptionLine line : contract.lines) {
            if (line.currentPrice != null) {
                total = total.add(line.currentPrice.multiply(BigDecimal.valueOf(line.quantity)));
            }
        }
        return total;
    }
}
