package com.lavish.shopifyfake.admin;

import com.lavish.shopifyfake.admin.SearchQuery.Field;
import com.lavish.shopifyfake.admin.SearchQuery.Kind;
import java.util.List;
import java.util.Map;

/** The fields each resource's {@code query} argument can filter on (Shopify's search syntax), and how to read them. */
final class SearchFields {

    private SearchFields() {}

    static final Map<String, Field<Product>> PRODUCT = Map.of(
            "default", SearchQuery.words(p -> List.of(p.get("title"), p.get("handle"), p.get("productType"))),
            "id", new Field<>(Kind.ID, Product::gid),
            "title", new Field<>(Kind.STRING, p -> p.get("title")),
            "handle", new Field<>(Kind.STRING, p -> p.get("handle")),
            "status", new Field<>(Kind.STRING, p -> p.get("status")),
            "product_type", new Field<>(Kind.STRING, p -> p.get("productType")),
            "sku",
                    new Field<>(
                            Kind.STRING,
                            p -> p.variants().stream()
                                    .map(v -> (Object) v.sku())
                                    .toList()),
            "created_at", new Field<>(Kind.TIME, p -> p.get("createdAt")),
            "updated_at", new Field<>(Kind.TIME, p -> p.get("updatedAt")));

    static final Map<String, Field<Customer>> CUSTOMER = Map.of(
            "default", SearchQuery.words(c -> List.of(c.get("email"), c.get("firstName"), c.get("lastName"))),
            "id", new Field<>(Kind.ID, Customer::gid),
            "email", new Field<>(Kind.STRING, c -> c.get("email")),
            "tag", new Field<>(Kind.STRING, c -> c.get("tags")),
            "created_at", new Field<>(Kind.TIME, c -> c.get("createdAt")),
            "updated_at", new Field<>(Kind.TIME, c -> c.get("updatedAt")));

    static final Map<String, Field<Order>> ORDER = Map.of(
            "default", SearchQuery.words(o -> List.of(o.get("name"), String.valueOf(o.get("email")))),
            "id", new Field<>(Kind.ID, Order::gid),
            "name", new Field<>(Kind.STRING, o -> o.get("name")),
            "email", new Field<>(Kind.STRING, o -> o.get("email")),
            "customer_id", new Field<>(Kind.ID, o -> String.valueOf(o.customerId())),
            "created_at", new Field<>(Kind.TIME, o -> o.get("createdAt")),
            "processed_at", new Field<>(Kind.TIME, o -> o.get("processedAt")),
            "updated_at", new Field<>(Kind.TIME, o -> o.get("updatedAt")));

    static final Map<String, Field<SubscriptionContract>> CONTRACT = Map.of(
            "id", new Field<>(Kind.ID, SubscriptionContract::gid),
            "status", new Field<>(Kind.STRING, SubscriptionContract::status),
            "customer_id", new Field<>(Kind.ID, c -> String.valueOf(c.customerId())),
            "created_at", new Field<>(Kind.TIME, c -> c.get("createdAt")),
            "updated_at", new Field<>(Kind.TIME, c -> c.get("updatedAt")),
            "last_billing_attempt_error_type", new Field<>(Kind.STRING, c -> c.get("lastBillingAttemptErrorType")));

    static final Map<String, Field<SellingPlanGroup>> GROUP = Map.of(
            "default",
                    SearchQuery.words(
                            g -> List.of(g.get("name"), g.get("merchantCode"), String.valueOf(g.get("description")))),
            "id", new Field<>(Kind.ID, SellingPlanGroup::gid),
            "name", new Field<>(Kind.STRING, SellingPlanGroup::name),
            "created_at", new Field<>(Kind.TIME, g -> g.get("createdAt")),
            "category",
                    new Field<>(
                            Kind.STRING,
                            g -> g.plans().stream().map(p -> p.get("category")).toList()),
            "app_id", new Field<>(Kind.STRING, g -> List.of("current", "all")));
}
