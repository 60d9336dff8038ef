package com.lavish.sync.service;

import com.lavish.events.sync.ReconcileType;
import com.lavish.sync.client.AdminDocuments;
import com.lavish.sync.client.AdminOperation;
import java.util.Map;

/**
 * What reconciliation reads for each {@link ReconcileType}: the paginated query, the root connection, the node
 * fragment (in {@code shopify/admin/selections/}, shared with the bulk query and CONTRACT_FETCH), and, for a bulk
 * operation's JSONL, which connection a child line (by its gid's type) belongs to.
 */
public enum ReconcileSelection {
    // node costs by Shopify's rules (object 1, connection 2 + first x item): a customer 6 (five objects and
    // itself), an order 314 (its 50 lines at 6 each make 302), a product 125 (100 variants, 20 groups), a contract
    // 110 (50 lines at 2 each)
    CUSTOMERS(
            ReconcileType.CUSTOMERS, AdminOperation.RECONCILE_CUSTOMERS, "customers", "ReconcileCustomer", 6, Map.of()),
    ORDERS(
            ReconcileType.ORDERS,
            AdminOperation.RECONCILE_ORDERS,
            "orders",
            "ReconcileOrder",
            314,
            Map.of("LineItem", "lineItems")),
    PRODUCTS(
            ReconcileType.PRODUCTS,
            AdminOperation.RECONCILE_PRODUCTS,
            "products",
            "ReconcileProduct",
            125,
            Map.of("ProductVariant", "variants", "SellingPlanGroup", "sellingPlanGroups")),
    SUBSCRIPTION_CONTRACTS(
            ReconcileType.SUBSCRIPTION_CONTRACTS,
            AdminOperation.RECONCILE_SUBSCRIPTION_CONTRACTS,
            "subscriptionContracts",
            "ReconcileSubscriptionContract",
            110,
            Map.of("SubscriptionLine", "lines"));

    /** Shopify's limit on one query's requested cost (reference §3.2). */
    public static final int MAX_QUERY_COST = 1000;

    private final ReconcileType type;
    private final AdminOperation operation;
    private final String rootField;
    private final String fragment;
    private final int nodeCost;
    private final Map<String, String> childConnections;

    ReconcileSelection(
            ReconcileType type,
            AdminOperation operation,
            String rootField,
            String fragment,
            int nodeCost,
            Map<String, String> childConnections) {
        this.type = type;
        this.operation = operation;
        this.rootField = rootField;
        this.fragment = fragment;
        this.nodeCost = nodeCost;
        this.childConnections = childConnections;
    }

    /**
     * Nodes per page: at most {@code configured}, and few enough that the page's requested cost stays within
     * Shopify's single-query limit (an order page holds 3).
     */
    public int pageSize(int configured) {
        return Math.max(1, Math.min(configured, (MAX_QUERY_COST - 2) / nodeCost));
    }

    public ReconcileType type() {
        return type;
    }

    public AdminOperation operation() {
        return operation;
    }

    public String rootField() {
        return rootField;
    }

    /** The connection field of the parent node that a child of this gid type belongs to, or null. */
    public String childConnection(String gidType) {
        return childConnections.get(gidType);
    }

    /**
     * The bulk operation's query: every node of the root connection (as {@code edges { node }}, which bulk queries
     * take), changed since {@code query} when there is one, with the same fragment as the paginated query.
     */
    public String bulkQuery(String query) {
        String filter =
                query == null ? "" : "(query: \"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
        return "query Bulk" + name() + " {\n  " + rootField + filter + " {\n    edges {\n      node {\n        ..."
                + fragment + "\n      }\n    }\n  }\n}\n" + AdminDocuments.fragments(fragment);
    }

    public static ReconcileSelection of(ReconcileType type) {
        for (ReconcileSelection selection : values()) {
            if (selection.type == type) {
                return selection;
            }
        }
        throw new IllegalArgumentException("no selection for " + type);
    }
}
