package com.lavish.subscriptions.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What one shopify.subscriptions event asks of this service, read from the body by the webhook reader. */
public sealed interface SubscriptionChange {

    /** A version of a contract (webhook or Admin API node). */
    record ContractVersion(ContractSnapshot contract) implements SubscriptionChange {}

    /**
     * subscription_billing_attempts/success|failure|challenged, correlated by the idempotency key.
     *
     * @param outcome success, failure or challenged (the topic's last part)
     */
    record BillingAttemptReport(
            long contractId,
            String idempotencyKey,
            Long attemptId,
            Long orderId,
            String outcome,
            String errorCode,
            String errorMessage,
            Instant at)
            implements SubscriptionChange {}

    /** subscription_billing_cycles/skip|unskip: the cycle by its index and the UTC date it bills on. */
    record CycleSkip(long contractId, Integer cycleIndex, LocalDate cycleDate, boolean skipped, Instant at)
            implements SubscriptionChange {}

    /** selling_plan_groups/create|update. */
    record GroupVersion(GroupSnapshot group, Instant at) implements SubscriptionChange {}

    record GroupDeleted(long groupId, Instant at) implements SubscriptionChange {}

    /**
     * A selling plan group as a webhook gives it.
     *
     * @param productIds the products it applies to; null when the body does not say
     */
    record GroupSnapshot(
            long id,
            String name,
            String merchantCode,
            String description,
            List<String> options,
            List<PlanSnapshot> plans,
            List<Long> productIds) {}

    /** A plan as a webhook gives it: no id, so it is matched by name within its group. */
    record PlanSnapshot(
            String name,
            String option,
            Integer position,
            String billingInterval,
            Integer billingIntervalCount,
            Integer minCycles,
            Integer maxCycles,
            String deliveryInterval,
            Integer deliveryIntervalCount,
            String adjustmentType,
            BigDecimal adjustmentValue) {}
}
