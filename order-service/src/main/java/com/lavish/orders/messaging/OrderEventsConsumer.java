package com.lavish.orders.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.ShopifyEventHandler;
import com.lavish.orders.service.OrderProjection;
import com.lavish.orders.service.ProjectionOutcome;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.orders (orders/* and fulfillments/*, keyed by order) into the order tables; outcomes are counted
 * in {@code order.events}, and a record that still fails after the retries goes to shopify.orders.dlq
 * ({@link ShopifyEventHandler}). Other topics on it (refunds/*, order_transactions/*, ...) are counted as ignored.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final ShopifyEventHandler handler;
    private final OrderWebhookReader reader;
    private final OrderProjection projection;

    public OrderEventsConsumer(ShopifyEventHandler handler, OrderWebhookReader reader, OrderProjection projection) {
        this.handler = handler;
        this.reader = reader;
        this.projection = projection;
    }

    @Incoming("shopify-orders")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return handler.<ProjectionOutcome> handleBatch(records, "order.events",
                event -> reader.read(event).map(change -> afterCommit -> projection.apply(event, change, afterCommit)));
    }
}
