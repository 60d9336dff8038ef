package com.lavish.customers.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.ShopifyEventHandler;
import com.lavish.customers.service.CustomerProjection;
import com.lavish.customers.service.ProjectionOutcome;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.customers into the customer tables; outcomes are counted in {@code customer.events}, and a record
 * that still fails after the retries goes to shopify.customers.dlq ({@link ShopifyEventHandler}).
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    private final ShopifyEventHandler handler;
    private final CustomerWebhookReader reader;
    private final CustomerProjection projection;

    public CustomerEventsConsumer(ShopifyEventHandler handler, CustomerWebhookReader reader,
                                  CustomerProjection projection) {
        this.handler = handler;
        this.reader = reader;
        this.projection = projection;
    }

    @Incoming("shopify-customers")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return handler.<ProjectionOutcome> handleBatch(records, "customer.events",
                event -> reader.read(event).map(change -> afterCommit -> projection.apply(event, change)));
    }
}
