package com.lavish.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every Kafka topic of the suite, named once. One topic per Shopify resource family, so that each
 * consumer subscribes to just the family it owns; dead letters live beside their source topic.
 */
public final class Topics {

    public static final String CUSTOMERS = "shopify.customers";
    public static final String ORDERS = "shopify.orders";
    public static final String PRODUCTS = "shopify.products";
    public static final String SUBSCRIPTIONS = "shopify.subscriptions";
    public static final String COMPLIANCE = "shopify.compliance";
    /** Topics that no consumer knows yet: kept, so nothing Shopify sends is dropped, and counted. */
    public static final String UNROUTED = "shopify.unrouted";

    public static final String SYNC_COMMANDS = "sync.commands";
    public static final String SYNC_RESULTS = "sync.results";
    /** What happened to subscription contracts, as subscription-service tells it (notification-service reads it). */
    public static final String SUBSCRIPTION_EVENTS = "subscription.events";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** The topics that carry events (each of them also has a dead-letter topic). */
    public static final List<String> EVENT_TOPICS = List.of(
            CUSTOMERS,
            ORDERS,
            PRODUCTS,
            SUBSCRIPTIONS,
            COMPLIANCE,
            UNROUTED,
            SYNC_COMMANDS,
            SYNC_RESULTS,
            SUBSCRIPTION_EVENTS);

    private Topics() {}

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic the suite needs, dead-letter topics included: what the infrastructure creates up front. */
    public static List<String> allWithDeadLetters() {
        return EVENT_TOPICS.stream().flatMap(t -> Stream.of(t, deadLetterOf(t))).toList();
    }
}
