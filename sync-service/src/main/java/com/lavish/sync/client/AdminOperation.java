package com.lavish.sync.client;

import java.util.List;

/**
 * Every GraphQL document sync-service sends to the Admin API, each in
 * {@code src/main/resources/shopify/admin/operations/<name>.graphql}, with the fragments it spreads from
 * {@code selections/}. This enum is the one list of them, so a test validates every document against Shopify's
 * schema and nothing is sent that was not validated.
 *
 * <p>{@link #estimatedCost()} is what the throttle reserves before the first answer tells the document's real
 * {@code requestedQueryCost} (Shopify's rules: a mutation 10 whatever it selects; in a query an object 1, a connection
 * 2 + its page size times an item).
 */
public enum AdminOperation {
    SELLING_PLAN_GROUP_CREATE("SellingPlanGroupCreate", 10),
    SELLING_PLAN_GROUP_LOOKUP("SellingPlanGroupLookup", 2 + 10 * 53),
    SELLING_PLAN_GROUP_UPDATE("SellingPlanGroupUpdate", 10),
    SELLING_PLAN_GROUP_DELETE("SellingPlanGroupDelete", 10),
    SELLING_PLAN_GROUP_ADD_PRODUCTS("SellingPlanGroupAddProducts", 10),
    SELLING_PLAN_GROUP_REMOVE_PRODUCTS("SellingPlanGroupRemoveProducts", 10),
    PRODUCT_JOIN_SELLING_PLAN_GROUPS("ProductJoinSellingPlanGroups", 10),
    PRODUCT_LEAVE_SELLING_PLAN_GROUPS("ProductLeaveSellingPlanGroups", 10),
    SUBSCRIPTION_CONTRACT_PAUSE("SubscriptionContractPause", 10),
    SUBSCRIPTION_CONTRACT_ACTIVATE("SubscriptionContractActivate", 10),
    SUBSCRIPTION_CONTRACT_CANCEL("SubscriptionContractCancel", 10),
    SUBSCRIPTION_BILLING_CYCLE_SKIP("SubscriptionBillingCycleSkip", 10),
    SUBSCRIPTION_BILLING_CYCLE_UNSKIP("SubscriptionBillingCycleUnskip", 10),
    SUBSCRIPTION_CONTRACT_UPDATE("SubscriptionContractUpdate", 10),
    SUBSCRIPTION_DRAFT_UPDATE("SubscriptionDraftUpdate", 10),
    SUBSCRIPTION_DRAFT_LINE_UPDATE("SubscriptionDraftLineUpdate", 10),
    SUBSCRIPTION_DRAFT_COMMIT("SubscriptionDraftCommit", 10),
    SUBSCRIPTION_BILLING_ATTEMPT_CREATE("SubscriptionBillingAttemptCreate", 10),
    SUBSCRIPTION_CONTRACT_FETCH("SubscriptionContractFetch", 110),
    SUBSCRIPTION_CONTRACT_PAYMENT_METHOD("SubscriptionContractPaymentMethod", 2),
    CUSTOMER_PAYMENT_METHOD_SEND_UPDATE_EMAIL("CustomerPaymentMethodSendUpdateEmail", 10),
    // a page as ReconcileSelection sizes it, within Shopify's single-query limit of 1,000
    RECONCILE_CUSTOMERS("ReconcileCustomers", 302),
    RECONCILE_ORDERS("ReconcileOrders", 944),
    RECONCILE_PRODUCTS("ReconcileProducts", 877),
    RECONCILE_SUBSCRIPTION_CONTRACTS("ReconcileSubscriptionContracts", 992),
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
