package com.lavish.events.sync;

/**
 * What a {@link SyncCommand} asks sync-service to do in Shopify. Each type names the command fields it reads;
 * the others are null.
 */
public enum SyncCommandType {
    /** {@code sellingPlanGroup} (its merchantCode carries the command's idempotency key), {@code productIds}. */
    SELLING_PLAN_GROUP_CREATE,
    /** {@code sellingPlanGroupId}, {@code sellingPlanGroup} (plans with an id are updated, without are created). */
    SELLING_PLAN_GROUP_UPDATE,
    /** {@code sellingPlanGroupId}. */
    SELLING_PLAN_GROUP_DELETE,
    /** {@code sellingPlanGroupId}, {@code productIds}. */
    SELLING_PLAN_GROUP_ADD_PRODUCTS,
    /** {@code sellingPlanGroupId}, {@code productIds}. */
    SELLING_PLAN_GROUP_REMOVE_PRODUCTS,
    /** {@code productId}, {@code sellingPlanGroupIds}. */
    PRODUCT_JOIN_SELLING_PLAN_GROUPS,
    /** {@code productId}, {@code sellingPlanGroupIds}. */
    PRODUCT_LEAVE_SELLING_PLAN_GROUPS,
    /** {@code contractId}. */
    CONTRACT_PAUSE,
    /** {@code contractId} (resume). */
    CONTRACT_ACTIVATE,
    /** {@code contractId}. */
    CONTRACT_CANCEL,
    /** {@code contractId}, {@code billingCycle}. */
    BILLING_CYCLE_SKIP,
    /** {@code contractId}, {@code billingCycle}. */
    BILLING_CYCLE_UNSKIP,
    /**
     * {@code contractId}, {@code contractEdit}: frequency, quantity or delivery address, through Shopify's draft
     * flow (subscriptionContractUpdate, draft update or line update, subscriptionDraftCommit).
     */
    CONTRACT_UPDATE,
    /** {@code contractId}, {@code billingCycle}; the command's idempotency key is Shopify's idempotencyKey. */
    BILLING_ATTEMPT_CREATE,
    /**
     * {@code contractId}: read the whole contract (lines, next billing date) from the Admin API, which the thin
     * {@code subscription_contracts/*} webhooks lack. The answer is published to {@code shopify.subscriptions}
     * as a {@link ReconcileType#SUBSCRIPTION_CONTRACTS} event, the same path reconciliation takes.
     */
    CONTRACT_FETCH,
    /**
     * {@code contractId}: Shopify emails the contract's customer a link to update the payment method the contract
     * bills (customerPaymentMethodSendUpdateEmail, on the contract's customerPaymentMethod). Asked once per dunning
     * run when an attempt failed because of the card; the idempotency key names the run.
     */
    PAYMENT_METHOD_UPDATE_EMAIL
}
