package com.lavish.consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.events.ShopifyEvent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The deliveries a service has applied, in the {@code applied_event} table of its own schema (each service's
 * migration creates it): recorded in the transaction of the change, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class AppliedEventLedger {

    /**
     * Records the delivery in the current transaction.
     *
     * @return true the first time, false when it was applied before (then the caller changes nothing)
     */
    public Uni<Boolean> recordFirstDelivery(ShopifyEvent event) {
        // ON CONFLICT rather than a lookup: two consumers racing on one delivery cannot both see "first";
        // {h-schema} is the service's hibernate-orm default schema
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into {h-schema}applied_event (event_id, shop_domain, event_type, shopify_event_id)
                        values (:eventId, :shop, :type, :shopifyEventId)
                        on conflict (event_id) do nothing""")
                .setParameter("eventId", event.id())
                .setParameter("shop", event.shopDomain())
                .setParameter("type", event.type())
                .setParameter("shopifyEventId", event.eventId())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
