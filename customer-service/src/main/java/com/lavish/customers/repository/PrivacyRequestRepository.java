package com.lavish.customers.repository;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.customers.service.PrivacyRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The privacy_request log, and the shop-wide erasure of shop/redact; both in the caller's transaction. */
@ApplicationScoped
public class PrivacyRequestRepository {

    /**
     * Records the request in the current transaction, {@code completed_at} = now when {@code completed}.
     *
     * @return true the first time, false for a second delivery of the same ce_id (then the caller does nothing)
     */
    public Uni<Boolean> recordFirstDelivery(PrivacyRequest request, boolean completed) {
        // ON CONFLICT rather than a lookup: two consumers racing on one delivery cannot both see "first"
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into customer.privacy_request
                            (ce_id, shop_domain, type, shopify_customer_id, received_at, completed_at)
                        values (:ceId, :shop, :type, cast(:customerId as bigint), :receivedAt,
                                case when :completed then now() end)
                        on conflict (ce_id) do nothing""")
                .setParameter("ceId", request.event().id())
                .setParameter("shop", request.shopDomain())
                .setParameter("type", request.type())
                .setParameter("customerId", request.customerId())
                .setParameter("receivedAt", request.receivedAt())
                .setParameter("completed", completed)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Deletes every customer, address and applied event of the shop (privacy_request rows stay). */
    public Uni<Void> deleteShop(String shopDomain) {
        return delete("delete from customer.customer_address where shop_domain = :shop", shopDomain)
                .chain(() -> delete("delete from customer.customer where shop_domain = :shop", shopDomain))
                .chain(() -> delete("delete from customer.applied_event where shop_domain = :shop", shopDomain));
    }

    private static Uni<Void> delete(String sql, String shopDomain) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("shop", shopDomain)
                .executeUpdate())
                .replaceWithVoid();
    }
}
