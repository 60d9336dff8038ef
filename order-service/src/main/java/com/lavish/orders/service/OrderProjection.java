package com.lavish.orders.service;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.ProjectionBatch;
import com.lavish.events.ShopifyEvent;
import com.lavish.orders.messaging.OrderWebhookReader;
import com.lavish.orders.repository.OrderWrites;
import com.lavish.orders.repository.StoredOrderReads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * shopify.orders into the order tables: what order-service declares to event-consumer's pipeline, which records each
 * delivery once and hands a poll's new ones here, on one connection in one transaction. Per poll, one round trip reads
 * the orders as stored, locked ({@link StoredOrderReads}); the rules apply each order's deliveries in offset order in
 * Java ({@link OrderFold}); one round trip writes the outcome set-based ({@link OrderWrites}). The status changes it
 * wrote are announced to every replica in one message once the transaction has committed, and never if it rolls
 * back: a stream must not show a change that was undone. Counted in {@code order.events}.
 */
@ApplicationScoped
public class OrderProjection implements EventProjection<OrderChange> {

    private final OrderWebhookReader reader;
    private final StoredOrderReads stored;
    private final OrderWrites writes;
    private final OrderStatusFeed statusFeed;

    public OrderProjection(
            OrderWebhookReader reader, StoredOrderReads stored, OrderWrites writes, OrderStatusFeed statusFeed) {
        this.reader = reader;
        this.stored = stored;
        this.writes = writes;
        this.statusFeed = statusFeed;
    }

    @Override
    public String metric() {
        return "order.events";
    }

    @Override
    public Optional<OrderChange> read(ShopifyEvent event) {
        return reader.read(event);
    }

    @Override
    public Uni<Void> write(ProjectionBatch<OrderChange> batch) {
        List<Delivery<OrderChange>> deliveries = batch.deliveries();
        return stored.lockAndRead(batch.connection(), OrderFold.orders(deliveries), OrderFold.buyers(deliveries))
                .chain(orders -> writes.write(batch.connection(), OrderFold.fold(deliveries, orders)))
                .invoke(changes -> {
                    if (!changes.isEmpty()) {
                        batch.afterCommit().then(() -> statusFeed.announce(changes));
                    }
                })
                .replaceWithVoid();
    }
}
