package com.lavish.sync.client;

import java.util.List;

/**
 * Every GraphQL document sync-service sends to the Admin API, each in
 * {@code src/main/resources/shopify/admin/operations/<name>.graphql}, with the fragments it spreads from
 * {@code selections/}. This enum is the one list of them, so a test validates every document against Shopify's
 * schema and nothing is sent that was not validated.
 *
 * <p>{@link #estimatedCost()} is what the throttle reserves before the first answer tells the document's real
 * {@code requestedQueryCost} (Shopify's rules: a mutation 10, an object 1, a connection 2 + its page size).
 */
public enum AdminOperation {
    SELLING_PLAN_GROUP_CREATE("SellingPlanGroupCreate", 62),
    SELLING_PLAN_GROUP_LOOKUP("SellingPlanGroupLookup", 52 * 50),
    SELLING_PLAN_GROUP_UPDATE("SellingPlanGroupUpdate", 62),
    SELLING_PLAN_GROUP_DELETE("SellingPlanGroupDelete", 10),
    SELLING_PLAN_GROUP_ADD_PRODUCTS("SellingPlanGroupAddProducts", 11),
    SELLING_PLAN_GROUP_REMOVE_PRODUCTS("SellingPlanGroupRemoveProducts", 10),
    PRODUCT_JOIN_SELLING_PLAN_GROUPS("ProductJoinSellingPlanGroups", 11),
    PRODUCT_LEAVE_SELLING_PLAN_GROUPS("ProductLeaveSellingPlanGroups", 11),
    SUBSCRIPTION_CONTRACT_PAUSE("SubscriptionContractPause", 11),
    SUBSCRIPTION_CONTRACT_ACTIVATE("SubscriptionContractActivate", 11),
    SUBSCRIPTION_CONTRACT_CANCEL("SubscriptionContractCancel", 11),
    SUBSCRIPTION_BILLING_CYCLE_SKIP("SubscriptionBillingCycleSkip", 11),
    SUBSCRIPTION_BILLING_CYCLE_UNSKIP("SubscriptionBillingCycleUnskip", 11),
    SUBSCRIPTION_CONTRACT_UPDATE("SubscriptionContractUpdate", 63),
    SUBSCRIPTION_DRAFT_UPDATE("SubscriptionDraftUpdate", 11),
    SUBSCRIPTION_DRAFT_LINE_UPDATE("SubscriptionDraftLineUpdate", 11),
    SUBSCRIPTION_DRAFT_COMMIT("SubscriptionDraftCommit", 11),
    SUBSCRIPTION_BILLING_ATTEMPT_CREATE("SubscriptionBillingAttemptCreate", 11),
    SUBSCRIPTION_CONTRACT_FETCH("SubscriptionContractFetch", 60),
    RECONCILE_CUSTOMERS("ReconcileCustomers", 8 * 52),
    RECONCILE_ORDERS("ReconcileOrders", 60 * 52),
    RECONCILE_PRODUCTS("ReconcileProducts", 128 * 52),
    RECONCILE_SUBSCRIPTION_CONTRACTS("ReconcileSubscriptionContracts", 60 * 52),
    BULK_OPERATION_RUN_QUERY("BulkOperationRunQuery", 10),
    BULK_OPERATION_STATUS("BulkOperationStatus", 1);

    private final String documentName;
    private final int estimatedCost;

    AdminOperation(String documentName, int estimatedCost) {
        this.documentName = documentName;
        this.estimatedCost = estimatedCost;
    }

    /** The operation's name in its document, and the file's name. */
    public String documentName() {
        return documentName;
    }

    public int estimatedCost() {
        return estimatedCost;
    }

    /** The whole document as sent: the operation and every fragment it spreads. */
    public String document() {
        return AdminDocuments.document(this);
    }

    /** The operations whose documents are sent as they are (the bulk query's text is sent inside one of them). */
    public static List<AdminOperation> all() {
        return List.of(values());
    }
}
