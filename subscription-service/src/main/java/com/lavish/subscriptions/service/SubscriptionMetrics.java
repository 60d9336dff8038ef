package com.lavish.subscriptions.service;

import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.DunningStep;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The counters of what billing, dunning and the contract actions did: {@code subscription.billing.attempts{outcome}},
 * {@code subscription.dunning.steps{step,path}}, {@code subscription.actions.requested{action,by}},
 * {@code subscription.actions.settled{action,state}} and {@code subscription.contract.fetches}. A poll's are counted
 * from its {@link ContractChanges} once it has committed, so a poll tried again is counted once.
 */
@ApplicationScoped
public class SubscriptionMetrics {

    private final MeterRegistry metrics;

    public SubscriptionMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    public void count(ContractChanges changes) {
        for (BillingAttempt attempt : changes.changedAttempts()) {
            // the attempts whose outcome the poll learnt; submitted and unsent ones wait for theirs
            if (attempt.isSettled()) {
                attempt(attempt.state);
            }
        }
        for (DunningStep step : changes.steps()) {
            if (step.path != null) {
                metrics.counter("subscription.dunning.steps", "step", step.step, "path", step.path)
                        .increment();
            }
        }
        for (PendingActions.Started started : changes.startedActions()) {
            actionRequested(started.action());
            actionSettled(started.action());
        }
        changes.settledActions().forEach(this::actionSettled);
        long fetches = changes.commands().stream()
                .filter(c -> c.type() == SyncCommandType.CONTRACT_FETCH)
                .count();
        if (fetches > 0) {
            metrics.counter("subscription.contract.fetches").increment(fetches);
        }
    }

    public void attempt(String outcome) {
        metrics.counter("subscription.billing.attempts", "outcome", outcome).increment();
    }

    public void actionRequested(ContractAction action) {
        metrics.counter("subscription.actions.requested", "action", action.action, "by", action.requestedBy)
                .increment();
    }

    private void actionSettled(ContractAction action) {
        if (!action.isPending()) {
            metrics.counter("subscription.actions.settled", "action", action.action, "state", action.state)
                    .increment();
        }
    }
}
