package com.lavish.events;

import java.util.List;
import java.util.Set;

/**
 * Which Kafka topic a Shopify webhook topic (the {@code X-Shopify-Topic} header) goes to, and which payload
 * field holds the id of the entity it is about. The id field decides the record key, so every event of one
 * entity lands on one partition and stays in order: billing attempts and cycles are keyed by their contract.
 */
public enum ShopifyTopicRoute {
    COMPLIANCE_CUSTOMER(
            Topics.COMPLIANCE,
            List.of("customer", "id"),
            Set.of(ComplianceTopics.CUSTOMERS_DATA_REQUEST, ComplianceTopics.CUSTOMERS_REDACT)),
    COMPLIANCE_SHOP(Topics.COMPLIANCE, List.of("shop_id"), Set.of(ComplianceTopics.SHOP_REDACT)),
    APP_UNINSTALLED(Topics.COMPLIANCE, List.of("id"), Set.of(ComplianceTopics.APP_UNINSTALLED)),
    // customers/merge is keyed by the customer kept, which later customers/update events are about
    CUSTOMER_MERGE(Topics.CUSTOMERS, List.of("admin_graphql_api_customer_kept_id"), Set.of("customers/merge")),
    // topics with GraphQL-style bodies name the customer by a gid, keyed by its number like every other
    CUSTOMER_GRAPHQL_SHAPED(
            Topics.CUSTOMERS, List.of("customerId"), Set.of("customers/purchasing_summary"), "customer.tags_"),
    CUSTOMER_EMAIL_CONSENT(Topics.CUSTOMERS, List.of("customer_id"), Set.of(), "customers_email_marketing_consent/"),
    CUSTOMERS(Topics.CUSTOMERS, List.of("id"), Set.of(), "customers/", "customers_marketing_consent/"),
    // an edit is about its order, and must stay in line with the order's other events
    ORDER_EDITS(Topics.ORDERS, List.of("order_edit", "order_id"), Set.of("orders/edited")),
    ORDERS(Topics.ORDERS, List.of("id"), Set.of(), "orders/"),
    FULFILLMENTS(
            Topics.ORDERS,
            List.of("order_id"),
            Set.of(),
            "fulfillments/",
            "fulfillment_events/",
            "refunds/",
            "order_transactions/"),
    PRODUCTS(Topics.PRODUCTS, List.of("id"), Set.of(), "products/"),
    BILLING(Topics.SUBSCRIPTIONS, List.of("subscription_contract_id"), Set.of(), "subscription_billing_attempts/"),
    BILLING_CYCLES(
            Topics.SUBSCRIPTIONS,
            List.of("subscription_contract_id"),
            Set.of(),
            "subscription_billing_cycles/",
            "subscription_billing_cycle_edits/"),
    SUBSCRIPTIONS(Topics.SUBSCRIPTIONS, List.of("id"), Set.of(), "subscription_contracts/", "selling_plan_groups/"),
    UNROUTED(Topics.UNROUTED, List.of("id"), Set.of());

    private final String kafkaTopic;
    private final List<String> idPath;
    private final Set<String> exactTopics;
    private final String[] topicPrefixes;

    ShopifyTopicRoute(String kafkaTopic, List<String> idPath, Set<String> exactTopics, String... topicPrefixes) {
        this.kafkaTopic = kafkaTopic;
        this.idPath = idPath;
        this.exactTopics = exactTopics;
        this.topicPrefixes = topicPrefixes;
    }

    /** The route of a Shopify topic; {@link #UNROUTED} for a topic no consumer knows yet. */
    public static ShopifyTopicRoute of(String shopifyTopic) {
        for (ShopifyTopicRoute route : values()) {
            if (route.matches(shopifyTopic)) {
                return route;
            }
        }
        return UNROUTED;
    }

    private boolean matches(String shopifyTopic) {
        if (exactTopics.contains(shopifyTopic)) {
            return true;
        }
        for (String prefix : topicPrefixes) {
            if (shopifyTopic.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public String kafkaTopic() {
        return kafkaTopic;
    }

    /** Field names from the payload's root to the entity id, for example {@code customer.id}. */
    public List<String> idPath() {
        return idPath;
    }
}
