package com.lavish.subscriptions.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.AppliedEventLedger;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.config.BillingConfig;
import com.lavish.subscriptions.repository.BillingAttemptRepository;
import com.lavish.subscriptions.repository.ContractRepository;
import com.lavish.subscriptions.repository.SkippedCycles;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What became of billing attempts: sync-service's answer to a BILLING_ATTEMPT_CREATE (Shopify took it, refused it,
 * or could not be reached) and Shopify's outcome as a subscription_billing_attempts/* webhook, correlated by the
 * idempotency key. A success moves the next billing date on by one billing interval and ends dunning; a failure goes
 * to {@link Dunning}. Also the skipped cycles Shopify reports (subscription_billing_cycles/skip|unskip).
 */
@ApplicationScoped
public class BillingOutcomes {

    private final BillingAttemptRepository attempts;
    private final ContractRepository contracts;
    private final SkippedCycles skippedCycles;
    private final AppliedEventLedger appliedEvents;
    private final Dunning dunning;
    private final BillingConfig config;
    private final MeterRegistry metrics;

    public BillingOutcomes(BillingAttemptRepository attempts, ContractRepository contracts, SkippedCycles skippedCycles,
                           AppliedEventLedger appliedEvents, Dunning dunning, BillingConfig config,
                           MeterRegistry metrics) {
        this.attempts = attempts;
        this.contracts = contracts;
        this.skippedCycles = skippedCycles;
        this.appliedEvents = appliedEvents;
        this.dunning = dunning;
        this.config = config;
        this.metrics = metrics;
    }

    /** A subscription_billing_attempts/* webhook; runs in the caller's transaction, or opens its own. */
    public Uni<EventOutcome> apply(ShopifyEvent event, SubscriptionChange.BillingAttemptReport report) {
        return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event).chain(first -> !first
                ? Uni.createFrom().item(EventOutcome.DUPLICATE)
                : (report.idempotencyKey() == null ? Uni.createFrom().<BillingAttempt>nullItem()
                        : attempts.findByKey(event.shopDomain(), report.idempotencyKey()))
                        .chain(attempt -> attempt == null ? foreign(event, report) : report(attempt, report))));
    }

    private Uni<EventOutcome> report(BillingAttempt attempt, SubscriptionChange.BillingAttemptReport report) {
        if (attempt.isSettled()) {
            return Uni.createFrom().item(EventOutcome.STALE);
        }
        if (report.attemptId() != null) {
            attempt.shopifyAttemptId = report.attemptId();
        }
        return contracts.findWhole(attempt.shopDomain, attempt.contractShopifyId).chain(contract -> {
            if ("success".equals(report.outcome())) {
                return succeeded(contract, attempt, report.orderId(), report.at());
            }
            String state = "challenged".equals(report.outcome()) ? BillingAttempt.CHALLENGED : BillingAttempt.FAILED;
            String code = report.errorCode() != null ? report.errorCode()
                    : "challenged".equals(report.outcome()) ? "challenged" : null;
            return dunning.failed(contract, attempt, state, code, report.errorMessage(), report.at());
        }).replaceWith(EventOutcome.APPLIED);
    }

    private Uni<Void> succeeded(SubscriptionContract contract, BillingAttempt attempt, Long orderId, Instant at) {
        attempt.state = BillingAttempt.SUCCEEDED;
        attempt.orderId = orderId;
        attempt.completedAt = at;
        metrics.counter("subscription.billing.attempts", "outcome", BillingAttempt.SUCCEEDED).increment();
        if (contract == null || !attempt.idempotencyKey.equals(contract.billingInFlight)) {
            return Uni.createFrom().voidItem();
        }
        DunningStep billed = DunningStep.of(contract, attempt.cycleDate, attempt.attemptNumber, DunningStep.BILLED, at);
        if (contract.failedAttempts > 0) {
            billed.message = "paid after " + contract.failedAttempts + " failed attempts";
        }
        contract.billingInFlight = null;
        contract.failedAttempts = 0;
        contract.nextRetryAt = null;
        // the cycle billed is the one the next billing date names: move on from it, once
        if (contract.nextBillingDate != null
                && LocalDate.ofInstant(contract.nextBillingDate, ZoneOffset.UTC).equals(attempt.cycleDate)) {
            contract.nextBillingDate = BillingCalendar.after(contract.nextBillingDate, contract.billingInterval,
                    contract.billingIntervalCount);
        }
        return Panache.getSession().chain(session -> session.persist(billed));
    }

    /** An attempt this service did not ask for (the merchant's, another app's): recorded, nothing scheduled. */
    private Uni<EventOutcome> foreign(ShopifyEvent event, SubscriptionChange.BillingAttemptReport report) {
        BillingAttempt attempt = new BillingAttempt();
        attempt.shopDomain = event.shopDomain();
        attempt.contractShopifyId = report.contractId();
        attempt.attemptNumber = 0;
        attempt.idempotencyKey = report.idempotencyKey() != null ? report.idempotencyKey() : "shopify/" + event.id();
        attempt.state = switch (report.outcome()) {
            case "success" -> BillingAttempt.SUCCEEDED;
            case "challenged" -> BillingAttempt.CHALLENGED;
            default -> BillingAttempt.FAILED;
        };
        attempt.shopifyAttemptId = report.attemptId();
        attempt.orderId = report.orderId();
        attempt.errorCode = report.errorCode();
        attempt.errorMessage = report.errorMessage();
        attempt.requestedAt = report.at();
        attempt.completedAt = report.at();
        return attempts.persist(attempt).replaceWith(EventOutcome.UNKNOWN);
    }

    /** sync-service's answer to a BILLING_ATTEMPT_CREATE, in the caller's transaction. */
    public Uni<EventOutcome> settle(SyncResult result) {
        return attempts.findByCommandId(result.commandId()).chain(attempt -> {
            if (attempt == null) {
                return Uni.createFrom().item(EventOutcome.UNKNOWN);
            }
            if (attempt.isSettled() || !BillingAttempt.REQUESTED.equals(attempt.state)) {
                return Uni.createFrom().item(EventOutcome.STALE);
            }
            return switch (result.outcome()) {
                case SUCCEEDED -> {
                    attempt.state = BillingAttempt.SUBMITTED;
                    attempt.shopifyAttemptId = result.shopifyId();
                    yield Uni.createFrom().item(EventOutcome.APPLIED);
                }
                case REJECTED -> contracts.findWhole(attempt.shopDomain, attempt.contractShopifyId)
                        .chain(contract -> dunning.failed(contract, attempt, BillingAttempt.REJECTED,
                                result.userErrors().stream().map(SyncResult.UserError::code)
                                        .filter(code -> code != null).map(code -> code.toLowerCase(Locale.ROOT))
                                        .findFirst().orElse("rejected"),
                                ContractActions.message(result), Instant.now()))
                        .replaceWith(EventOutcome.APPLIED);
                case FAILED -> contracts.findWhole(attempt.shopDomain, attempt.contractShopifyId).map(contract -> {
                    // nothing is known to have reached Shopify: the same attempt, same key, is sent again later
                    attempt.state = BillingAttempt.UNSENT;
                    attempt.errorMessage = ContractActions.message(result);
                    if (contract != null && attempt.idempotencyKey.equals(contract.billingInFlight)) {
                        contract.billingInFlight = null;
                        contract.nextRetryAt = Instant.now().plus(config.resendAfter());
                    }
                    return EventOutcome.APPLIED;
                });
            };
        });
    }

    /** subscription_billing_cycles/skip|unskip; runs in the caller's transaction, or opens its own. */
    public Uni<EventOutcome> applyCycle(ShopifyEvent event, SubscriptionChange.CycleSkip cycle) {
        if (cycle.cycleDate() == null) {
            return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event)
                    .replaceWith(EventOutcome.UNKNOWN));
        }
        return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event).chain(first -> !first
                ? Uni.createFrom().item(EventOutcome.DUPLICATE)
                : (cycle.skipped()
                        ? skippedCycles.skip(event.shopDomain(), cycle.contractId(), cycle.cycleDate(),
                                cycle.cycleIndex(), cycle.at())
                        : skippedCycles.unskip(event.shopDomain(), cycle.contractId(), cycle.cycleDate()))
                        .replaceWith(EventOutcome.APPLIED)));
    }
}
