package com.lavish.subscriptions.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.ShopifyEventHandler;
import com.lavish.subscriptions.service.EventOutcome;
import com.lavish.subscriptions.service.ProductProjection;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.products (products/* webhooks and reconcile/products nodes) into the product catalogue; outcomes
 * are counted in {@code subscription.product.events}, and what still fails goes to shopify.products.dlq.
 */
@ApplicationScoped
public class ProductEventsConsumer {

    private final ShopifyEventHandler handler;
    private final ProductWebhookReader reader;
    private final ProductProjection projection;

    public ProductEventsConsumer(ShopifyEventHandler handler, ProductWebhookReader reader,
                                 ProductProjection projection) {
        this.handler = handler;
        this.reader = reader;
        this.projection = projection;
    }

    @Incoming("shopify-products")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return handler.<EventOutcome> handleBatch(records, "subscription.product.events",
                event -> reader.read(event).map(change -> afterCommit -> projection.apply(event, change)));
    }
}
