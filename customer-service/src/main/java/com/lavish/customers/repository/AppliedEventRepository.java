package com.lavish.customers.repository;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.customers.AppliedEvent;
import com.lavish.events.ShopifyEvent;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppliedEventRepository implements PanacheRepositoryBase<AppliedEvent, String> {

    /**
     * Records the delivery in the current transaction.
     *
     * @return true the first time, false when it was applied before (then the caller changes nothing)
     */
    public Uni<Boolean> recordFirstDelivery(ShopifyEvent event) {
        // ON CONFLICT rather than a lookup: two consumers racing on one delivery cannot both see "first"
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into customer.applied_event (event_id, shop_domain, event_type, shopify_event_id)
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
