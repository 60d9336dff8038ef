package com.lavish.sync.service;

import java.util.Map;

import com.lavish.events.sync.ReconcileType;
import com.lavish.sync.client.AdminDocuments;
import com.lavish.sync.client.AdminOperation;

/**
 * What reconciliation reads for each {@link ReconcileType}: the paginated query, the root connection, the node
 * fragment (in {@code shopify/admin/selections/}, shared with the bulk query and CONTRACT_FETCH), and, for a bulk
 * operation's JSONL, which connection a child line (by its gid's type) belongs to.
 */
public enum ReconcileSelection {
    CUSTOMERS(ReconcileType.CUSTOMERS, AdminOperation.RECONCILE_CUSTOMERS, "customers", "ReconcileCustomer",
            Map.of()),
    ORDERS(ReconcileType.ORDERS, AdminOperation.RECONCILE_ORDERS, "orders", "ReconcileOrder",
            Map.of("LineItem", "lineItems")),
    PRODUCTS(ReconcileType.PRODUCTS, AdminOperation.RECONCILE_PRODUCTS, "products", "ReconcileProduct",
            Map.of("ProductVariant", "variants", "SellingPlanGroup", "sellingPlanGroups")),
    SUBSCRIPTION_CONTRACTS(ReconcileType.SUBSCRIPTION_CONTRACTS, AdminOperation.RECONCILE_SUBSCRIPTION_CONTRACTS,
            "subscriptionContracts", "ReconcileSubscriptionContract", Map.of("SubscriptionLine", "lines"));

    private final ReconcileType type;
    private final AdminOperation operation;
    private final String rootField;
    private final String fragment;
    private final Map<String, String> childConnections;

    ReconcileSelection(ReconcileType type, AdminOperation operation, String rootField, String fragment,
                       Map<String, String> childConnections) {
        this.type = type;
        this.operation = operation;
        this.rootField = rootField;
        this.fragment = fragment;
        this.childConnections = childConnections;
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
        String filter = query == null ? "" : "(query: \"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
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
