package com.lavish.subscriptions.service;

import com.lavish.consumer.EventOutcome;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.config.BillingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of billing attempts: sync-service's answer to a BILLING_ATTEMPT_CREATE (Shopify took it, refused it,
 * or could not be reached) and Shopify's outcome as a subscription_billing_attempts/* webhook, correlated by the
 * idempotency key. A success moves the next billing date on by one billing interval and ends dunning; a failure goes
 * to {@link Dunning}. No I/O: the changes go into the poll's {@link ContractChanges}.
 */
@ApplicationScoped
public class BillingOutcomes {

    private final Dunning dunning;
    private final BillingConfig config;

    public BillingOutcomes(Dunning dunning, BillingConfig config) {
        this.dunning = dunning;
        this.config = config;
    }

    /**
     * A subscription_billing_attempts/* webhook.
     *
     * @param ceId the delivery's ce_id: the key of an attempt reported without one
     */
    public EventOutcome report(
            ContractChanges changes,
            String shop,
            String ceId,
            SubscriptionChange.BillingAttemptReport report,
            Instant now) {
        BillingAttempt attempt =
                report.idempotencyKey() == null ? null : changes.attempt(shop, report.idempotencyKey());
        if (attempt == null) {
            changes.attemptReported(foreign(shop, ceId, report));
            return EventOutcome.IGNORED;
        }
        if (attempt.isSettled()) {
            return EventOutcome.STALE;
        }
        if (report.attemptId() != null) {
            attempt.shopifyAttemptId = report.attemptId();
        }
        SubscriptionContract contract = changes.contract(attempt.shopDomain, attempt.contractShopifyId);
        if ("success".equals(report.outcome())) {
            succeeded(changes, contract, attempt, report.orderId(), report.at());
        } else {
            String state = "challenged".equals(report.outcome()) ? BillingAttempt.CHALLENGED : BillingAttempt.FAILED;
            String code = report.errorCode() != null
                    ? report.errorCode()
                    : "challenged".equals(report.outcome()) ? "challenged" : null;
            dunning.failed(changes, contract, attempt, state, code, report.errorMessage(), report.at(), now);
        }
        return EventOutcome.APPLIED;
    }

    private static void succeeded(
            ContractChanges changes, SubscriptionContract contract, BillingAttempt attempt, Long orderId, Instant at) {
        attempt.state = BillingAttempt.SUCCEEDED;
        attempt.orderId = orderId;
        attempt.completedAt = at;
        changes.attemptChanged(attempt);
        if (contract == null || !attempt.idempotencyKey.equals(contract.billingInFlight)) {
            return;
        }
        DunningStep billed = DunningStep.of(contract, attempt.cycleDate, attempt.attemptNumber, DunningStep.BILLED, at);
        if (contract.failedAttempts > 0) {
            billed.message = "paid after " + contract.failedAttempts + " failed attempts";
        }
        changes.step(billed);
        changes.changed(contract);
        contract.billingInFlight = null;
        contract.failedAttempts = 0;
        contract.nextRetryAt = null;
        // the cycle billed is the one the next billing date names: move on from it, once
        if (contract.nextBillingDate != null
                && LocalDate.ofInstant(contract.nextBillingDate, ZoneOffset.UTC).equals(attempt.cycleDate)) {
            contract.nextBillingDate = BillingCalendar.after(
                    contract.nextBillingDate, contract.billingInterval, contract.billingIntervalCount);
        }
        changes.event(new ContractEvents.Asked(
                SubscriptionEventType.BILLING_SUCCEEDED,
                contract.shopDomain,
                contract.shopifyId,
                at,
                attempt.cycleDate,
                new SubscriptionEvent.Billing(
                        attempt.cycleDate == null ? null : attempt.cycleDate.toString(),
                        attempt.amount,
                        attempt.currencyCode,
                        orderId),
                null));
    }

    /** An attempt this service did not ask for (the merchant's, another app's): recorded, nothing scheduled. */
    private static BillingAttempt foreign(String shop, String ceId, SubscriptionChange.BillingAttemptReport report) {
        BillingAttempt attempt = new BillingAttempt();
        attempt.shopDomain = shop;
        attempt.contractShopifyId = report.contractId();
        attempt.attemptNumber = 0;
        attempt.idempotencyKey = report.idempotencyKey() != null ? report.idempotencyKey() : "shopify/" + ceId;
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
        return attempt;
    }

    /** sync-service's answer to a BILLING_ATTEMPT_CREATE. */
    public EventOutcome settle(ContractChanges changes, SyncResult result, Instant now) {
        BillingAttempt attempt = changes.attemptByCommand(result.commandId());
        if (attempt == null) {
            return EventOutcome.IGNORED;
        }
        if (attempt.isSettled() || !BillingAttempt.REQUESTED.equals(attempt.state)) {
            return EventOutcome.STALE;
        }
        SubscriptionContract contract = changes.contract(attempt.shopDomain, attempt.contractShopifyId);
        switch (result.outcome()) {
            case SUCCEEDED -> {
                attempt.state = BillingAttempt.SUBMITTED;
                attempt.shopifyAttemptId = result.shopifyId();
                changes.attemptChanged(attempt);
            }
            case REJECTED ->
                dunning.failed(
                        changes,
                        contract,
                        attempt,
                        BillingAttempt.REJECTED,
                        result.userErrors().stream()
                                .map(SyncResult.UserError::code)
                                .filter(Objects::nonNull)
                                .map(code -> code.toLowerCase(Locale.ROOT))
                                .findFirst()
                                .orElse("rejected"),
                        PendingActions.message(result),
                        now,
                        now);
            case FAILED -> {
                // nothing is known to have reached Shopify: the same attempt, same key, is sent again later
                attempt.state = BillingAttempt.UNSENT;
                attempt.errorMessage = PendingActions.message(result);
                changes.attemptChanged(attempt);
                if (contract != null && attempt.idempotencyKey.equals(contract.billingInFlight)) {
                    contract.billingInFlight = null;
                    contract.nextRetryAt = now.plus(config.resendAfter());
                    changes.changed(contract);
                }
            }
        }
        return EventOutcome.APPLIED;
    }
}
