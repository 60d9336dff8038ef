package com.lavish.subscriptions.service;

import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.config.DunningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * What follows a failed billing attempt ({@code dunning.*}): the failure takes the inventory path when its code is
 * one of {@code dunning.inventory-error-codes}, else the payment path; the contract is retried after each interval of
 * its path, and after the last retry failed too it is paused or cancelled, which is a contract action like the
 * customer's own ({@link PendingActions}). Each step is a {@link DunningStep} (shown to the customer, counted in
 * {@code subscription_dunning_steps_total{step,path}}). The next billing date does not move: only a success moves
 * it. No I/O: the steps, the action and its command go into the poll's {@link ContractChanges}.
 */
@ApplicationScoped
public class Dunning {

    public static final String PAYMENT = "payment";
    public static final String INVENTORY = "inventory";

    private static final Logger LOG = Logger.getLogger(Dunning.class);

    private final DunningConfig config;

    public Dunning(DunningConfig config) {
        this.config = config;
    }

    /**
     * Records the attempt's failure and takes the contract's next dunning step.
     *
     * @param state {@link BillingAttempt#FAILED}, {@link BillingAttempt#CHALLENGED} or {@link BillingAttempt#REJECTED}
     * @param at    when Shopify reported it
     * @param now   when the action that ends dunning is asked for
     */
    public void failed(
            ContractChanges changes,
            SubscriptionContract contract,
            BillingAttempt attempt,
            String state,
            String errorCode,
            String errorMessage,
            Instant at,
            Instant now) {
        attempt.state = state;
        attempt.errorCode = errorCode;
        attempt.errorMessage = errorMessage;
        attempt.completedAt = at;
        changes.attemptChanged(attempt);
        if (contract == null || !attempt.idempotencyKey.equals(contract.billingInFlight)) {
            // not the attempt the schedule waits for (an older one, or one asked elsewhere): recorded only
            return;
        }
        changes.changed(contract);
        contract.billingInFlight = null;
        contract.failedAttempts = attempt.attemptNumber;
        String path = path(errorCode);
        DunningConfig.Path schedule = INVENTORY.equals(path) ? config.inventory() : config.payment();
        List<Duration> retries = schedule.retryIntervals();
        DunningStep failure = step(contract, attempt, DunningStep.FAILED, path, at);
        failure.errorCode = errorCode;
        failure.message = errorMessage;
        changes.step(failure);
        if (contract.failedAttempts <= retries.size()) {
            // attempts the interval apart: counted from when the failed one was asked for
            Instant base = attempt.requestedAt != null ? attempt.requestedAt : at;
            contract.nextRetryAt = base.plus(retries.get(contract.failedAttempts - 1));
            DunningStep retry = step(contract, attempt, DunningStep.RETRY_SCHEDULED, path, at);
            retry.nextRetryAt = contract.nextRetryAt;
            retry.message = "retry " + contract.failedAttempts + " of " + retries.size();
            changes.step(retry);
            told(changes, contract, attempt, errorCode, at);
            return;
        }
        contract.nextRetryAt = null;
        told(changes, contract, attempt, errorCode, at);
        DunningConfig.FinalAction end = schedule.finalAction();
        DunningStep last = step(
                contract,
                attempt,
                end == DunningConfig.FinalAction.CANCEL ? DunningStep.CANCELLED : DunningStep.PAUSED,
                path,
                at);
        changes.step(last);
        if (changes.hasPendingChange(contract)) {
            LOG.warnf(
                    "dunning of contract %d ended while another change is pending; its %s is not sent",
                    contract.shopifyId, end.value());
            last.message = "dunning ended after " + contract.failedAttempts + " failed attempts; the " + end.value()
                    + " waits for the pending change";
            return;
        }
        last.message =
                "dunning ended after " + contract.failedAttempts + " failed attempts: " + end.value() + " requested";
        ContractActionType type =
                end == DunningConfig.FinalAction.CANCEL ? ContractActionType.CANCEL : ContractActionType.PAUSE;
        changes.start(
                contract,
                PendingActions.start(
                        contract,
                        type,
                        PendingActions.BY_DUNNING,
                        "dunning/" + contract.shopifyId + "/" + attempt.cycleDate + "/" + end.value(),
                        null,
                        null,
                        now));
        String outcome = end == DunningConfig.FinalAction.CANCEL ? "cancelled" : "paused";
        changes.event(new ContractEvents.Asked(
                SubscriptionEventType.DUNNING_EXHAUSTED,
                contract.shopDomain,
                contract.shopifyId,
                at,
                attempt.cycleDate,
                null,
                new SubscriptionEvent.Dunning(errorCode, attempt.attemptNumber, null, outcome)));
    }

    /**
     * BILLING_FAILED with the dunning step it took; and when the card is the problem, Shopify's own email asking the
     * customer to update it: once per dunning run (the cycle), whichever of its failures asks first, since the outbox
     * keeps one PAYMENT_METHOD_UPDATE_EMAIL per key.
     */
    private static void told(
            ContractChanges changes,
            SubscriptionContract contract,
            BillingAttempt attempt,
            String errorCode,
            Instant at) {
        SubscriptionEvent.Dunning step = new SubscriptionEvent.Dunning(
                errorCode,
                attempt.attemptNumber,
                contract.nextRetryAt == null ? null : contract.nextRetryAt.toString(),
                null);
        String cycle = attempt.cycleDate == null ? null : attempt.cycleDate.toString();
        changes.event(new ContractEvents.Asked(
                SubscriptionEventType.BILLING_FAILED,
                contract.shopDomain,
                contract.shopifyId,
                at,
                attempt.cycleDate,
                new SubscriptionEvent.Billing(cycle, attempt.amount, attempt.currencyCode, null),
                step));
        // the cycle names the run: an attempt without one (none this service asks) asks for no email
        if (step.paymentMethodProblem() && cycle != null) {
            changes.command(SyncCommands.contract(
                            contract.shopDomain,
                            SyncCommandType.PAYMENT_METHOD_UPDATE_EMAIL,
                            contract.shopifyId,
                            "payment-method-email/" + contract.shopifyId + "/" + cycle)
                    .withActor(SyncCommand.ACTOR_PARTNER));
        }
    }

    /** The path of a failure: inventory for the configured codes, payment for every other. */
    String path(String errorCode) {
        return errorCode != null && config.inventoryErrorCodes().contains(errorCode.toLowerCase(Locale.ROOT))
                ? INVENTORY
                : PAYMENT;
    }

    private static DunningStep step(
            SubscriptionContract contract, BillingAttempt attempt, String step, String path, Instant at) {
        DunningStep row = DunningStep.of(contract, attempt.cycleDate, attempt.attemptNumber, step, at);
        row.path = path;
        return row;
    }
}
