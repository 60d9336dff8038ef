package com.lavish.customers.service;

import com.lavish.consumer.EventProjection;
import com.lavish.consumer.ProjectionBatch;
import com.lavish.customers.messaging.CustomerWebhookReader;
import com.lavish.customers.repository.CustomerWrites;
import com.lavish.events.ShopifyEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * shopify.customers into the customer tables: what customer-service declares to event-consumer's pipeline, which
 * records each delivery once and hands a poll's new ones here. A poll's changes are folded per customer
 * ({@link CustomerFold}: a newer updated_at wins, each consent channel, summary and tag by its own version, a tombstone
 * over everything) and written set-based ({@link CustomerWrites}). A delete erases the personal data and leaves a
 * tombstone that no later event revives: Shopify never reuses a customer id, so any event after the delete is late.
 * Counted in {@code customer.events}.
 */
@ApplicationScoped
public class CustomerProjection implements EventProjection<CustomerChange> {

    private final CustomerWebhookReader reader;
    private final CustomerWrites writes;

    public CustomerProjection(CustomerWebhookReader reader, CustomerWrites writes) {
        this.reader = reader;
        this.writes = writes;
    }

    @Override
    public String metric() {
        return "customer.events";
    }

    @Override
    public Optional<CustomerChange> read(ShopifyEvent event) {
        return reader.read(event);
    }

    @Override
    public Uni<Void> write(ProjectionBatch<CustomerChange> batch) {
        return writes.write(batch.connection(), CustomerFold.fold(batch.deliveries()));
    }
}
