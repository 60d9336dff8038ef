package com.lavish.notifications.service;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.ProjectionBatch;
import com.lavish.events.ShopifyEvent;
import com.lavish.notifications.messaging.RecipientWebhookReader;
import com.lavish.notifications.repository.RecipientWrites;
import com.lavish.notifications.repository.RecipientWrites.CustomerKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * shopify.customers into the recipients. Per customer and poll, an erasure (customers/delete) wins over everything;
 * otherwise the version with the latest updated_at is written, and only over an older stored one. Counted in
 * {@code notifications.customer.events}.
 */
@ApplicationScoped
public class RecipientProjection implements EventProjection<RecipientChange> {

    private final RecipientWebhookReader reader;
    private final RecipientWrites writes;

    public RecipientProjection(RecipientWebhookReader reader, RecipientWrites writes) {
        this.reader = reader;
        this.writes = writes;
    }

    @Override
    public String metric() {
        return "notifications.customer.events";
    }

    @Override
    public Optional<RecipientChange> read(ShopifyEvent event) {
        return reader.read(event);
    }

    @Override
    public Uni<Void> write(ProjectionBatch<RecipientChange> batch) {
        Map<CustomerKey, List<Delivery<RecipientChange>>> byCustomer = batch.groupBy(
                d -> new CustomerKey(d.event().shopDomain(), d.change().customerId()));
        Map<CustomerKey, Instant> erasures = new LinkedHashMap<>();
        Map<CustomerKey, Delivery<RecipientChange>> latest = new LinkedHashMap<>();
        byCustomer.forEach((customer, deliveries) -> {
            Optional<Delivery<RecipientChange>> erase = deliveries.stream()
                    .filter(d -> d.change() instanceof RecipientChange.Erase)
                    .findFirst();
            if (erase.isPresent()) {
                erasures.put(customer, ((RecipientChange.Erase) erase.get().change()).at());
                deliveries.stream().filter(d -> d != erase.get()).forEach(Delivery::stale);
                return;
            }
            Delivery<RecipientChange> newest = null;
            for (Delivery<RecipientChange> d : deliveries) {
                if (newest == null || updatedAt(d).isAfter(updatedAt(newest))) {
                    if (newest != null) {
                        newest.stale();
                    }
                    newest = d;
                } else {
                    d.stale();
                }
            }
            latest.put(customer, newest);
        });
        Map<CustomerKey, RecipientChange.Upsert> versions = new LinkedHashMap<>();
        latest.forEach((customer, d) -> versions.put(customer, (RecipientChange.Upsert) d.change()));
        return writes.erase(batch.connection(), erasures)
                .chain(() -> writes.upsert(batch.connection(), versions))
                .invoke(written -> latest.forEach((customer, d) -> {
                    if (!written.contains(customer)) {
                        d.stale();
                    }
                }))
                .replaceWithVoid();
    }

    private static Instant updatedAt(Delivery<RecipientChange> delivery) {
        return ((RecipientChange.Upsert) delivery.change()).updatedAt();
    }
}
