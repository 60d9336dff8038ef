package com.lavish.subscriptions.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.config.DunningConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What follows a failed billing attempt ({@code dunning.*}): the failure takes the inventory path when its code is
 * one of {@code dunning.inventory-error-codes}, else the payment path; the contract is retried after each interval of
 * its path, and after the last retry failed too it is paused or cancelled, which is a command to sync-service like
 * the customer's own. Each step is a {@link DunningStep} (shown to the customer) and counted in
 * {@code subscription_dunning_steps_total{step,path}}. The next billing date does not move: only a success moves it.
 */
@ApplicationScoped
public class Dunning {

    public static final String PAYMENT = "payment";
    public static final String INVENTORY = "inventory";

    private static final Logger LOG = Logger.getLogger(Dunning.class);

    private final DunningConfig config;
    private final ContractActions actions;
    private final MeterRegistry metrics;

    public Dunning(DunningConfig config, ContractActions actions, MeterRegistry metrics) {
        this.config = config;
        this.actions = actions;
        this.metrics = metrics;
    }

    /**
     * Records the attempt's failure and takes the contract's next dunning step, in the caller's transaction.
     *
     * @param state  {@link BillingAttempt#FAILED}, {@link BillingAttempt#CHALLENGED} or {@link BillingAttempt#REJECTED}
     * @param at     when Shopify reported it
     */
    public Uni<Void> failed(SubscriptionContract contract, BillingAttempt attempt, String state, String errorCode,
                            String errorMessage, Instant at) {
        attempt.state = state;
        attempt.errorCode = errorCode;
        attempt.errorMessage = errorMessage;
        attempt.completedAt = at;
        metrics.counter("subscription.billing.attempts", "outcome", state).increment();
        if (contract == null || !attempt.idempotencyKey.equals(contract.billingInFlight)) {
            // not the attempt the schedule waits for (an older one, or one asked elsewhere): recorded only
            return Uni.createFrom().voidItem();
        }
        contract.billingInFlight = null;
        contract.failedAttempts = attempt.attemptNumber;
        String path = errorCode != null && config.inventoryErrorCodes().contains(errorCode.toLowerCase(Locale.ROOT))
                ? INVENTORY : PAYMENT;
        DunningConfig.Path schedule = INVENTORY.equals(path) ? config.inventory() : config.payment();
        List<Duration> retries = schedule.retryIntervals();
        DunningStep failure = step(contract, attempt, DunningStep.FAILED, path, at);
        failure.errorCode = errorCode;
        failure.message = errorMessage;
        if (contract.failedAttempts <= retries.size()) {
            // attempts the interval apart: counted from when the failed one was asked for
            Instant base = attempt.requestedAt != null ? attempt.requestedAt : at;
            contract.nextRetryAt = base.plus(retries.get(contract.failedAttempts - 1));
            DunningStep retry = step(contract, attempt, DunningStep.RETRY_SCHEDULED, path, at);
            retry.nextRetryAt = contract.nextRetryAt;
            retry.message = "retry " + contract.failedAttempts + " of " + retries.size();
            return persist(failure, retry);
        }
        contract.nextRetryAt = null;
        DunningConfig.FinalAction end = schedule.finalAction();
        DunningStep last = step(contract, attempt, end == DunningConfig.FinalAction.CANCEL ? DunningStep.CANCELLED
                : DunningStep.PAUSED, path, at);
        if (contract.pendingActionId != null) {
            LOG.warnf("dunning of contract %d ended while another change is pending; its %s is not sent",
                    contract.shopifyId, end.value());
            last.message = "dunning ended after " + contract.failedAttempts + " failed attempts; the " + end.value()
                    + " waits for the pending change";
            return persist(failure, last);
        }
        last.message = "dunning ended after " + contract.failedAttempts + " failed attempts: " + end.value()
                + " requested";
        ContractActionType type = end == DunningConfig.FinalAction.CANCEL ? ContractActionType.CANCEL
                : ContractActionType.PAUSE;
        return persist(failure, last).chain(() -> actions.start(contract, type, ContractActions.BY_DUNNING,
                "dunning/" + contract.shopifyId + "/" + attempt.cycleDate + "/" + end.value(), null, null))
                .replaceWithVoid();
    }

    private DunningStep step(SubscriptionContract contract, BillingAttempt attempt, String step, String path,
                             Instant at) {
        DunningStep row = DunningStep.of(contract, attempt.cycleDate, attempt.attemptNumber, step, at);
        row.path = path;
        metrics.counter("subscription.dunning.steps", "step", step, "path", path).increment();
        return row;
    }

    private static Uni<Void> persist(DunningStep... steps) {
        return Panache.getSession().chain(session -> session.persistAll((Object[]) steps));
    }
}
