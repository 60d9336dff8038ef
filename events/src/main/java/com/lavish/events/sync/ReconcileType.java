package com.lavish.events.sync;

import com.lavish.events.Topics;
import java.util.Optional;

/**
 * Events that sync-service publishes from the Admin API, beside the webhooks, into the same topics: the
 * reconciliation of what Shopify changed since a cursor, and a contract completed on request. The value is the
 * GraphQL node as the Admin API answered it (camelCase fields, gids), so consumers map two shapes of one
 * resource into one domain record. The ce_id is {@code reconcile:<gid>:<updatedAt or revisionId>}: the same
 * version read twice is one event.
 */
public enum ReconcileType {
    CUSTOMERS("reconcile/customers", Topics.CUSTOMERS),
    ORDERS("reconcile/orders", Topics.ORDERS),
    PRODUCTS("reconcile/products", Topics.PRODUCTS),
    SUBSCRIPTION_CONTRACTS("reconcile/subscription_contracts", Topics.SUBSCRIPTIONS);

    private final String eventType;
    private final String topic;

    ReconcileType(String eventType, String topic) {
        this.eventType = eventType;
        this.topic = topic;
    }

    /** The ce_type of its events. */
    public String eventType() {
        return eventType;
    }

    public String topic() {
        return topic;
    }

    public static Optional<ReconcileType> ofEventType(String ceType) {
        for (ReconcileType type : values()) {
            if (type.eventType.equals(ceType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
