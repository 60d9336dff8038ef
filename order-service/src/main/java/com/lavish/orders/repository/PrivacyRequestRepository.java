package com.lavish.orders.repository;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.orders.service.PrivacyRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The privacy_request log and the erasures it records; all in the caller's transaction. */
@ApplicationScoped
public class PrivacyRequestRepository {

    /**
     * Records the request, {@code completed_at} = now when {@code completed}.
     *
     * @return true the first time, false for a second delivery of the same ce_id (then the caller does nothing)
     */
    public Uni<Boolean> recordFirstDelivery(PrivacyRequest request, boolean completed) {
        // ON CONFLICT rather than a lookup: two consumers racing on one delivery cannot both see "first"
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into orders.privacy_request
                            (ce_id, shop_domain, type, shopify_customer_id, received_at, completed_at)
                        values (:ceId, :shop, :type, cast(:customerId as bigint), :receivedAt,
                                case when :completed then now() end)
                        on conflict (ce_id) do nothing""")
                .setParameter("ceId", request.ceId())
                .setParameter("shop", request.shopDomain())
                .setParameter("type", request.type())
                .setParameter("customerId", request.customerId())
                .setParameter("receivedAt", request.receivedAt())
                .setParameter("completed", completed)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** When the shop's customer asked to be redacted (the first request), or null when they have not. */
    public Uni<Instant> customerRedactedAt(String shopDomain, long customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select min(received_at) from orders.privacy_request
                        where shop_domain = :shop and shopify_customer_id = :customerId and type = 'customers/redact'""",
                        Object.class)
                .setParameter("shop", shopDomain)
                .setParameter("customerId", customerId)
                .getSingleResultOrNull())
                .map(PrivacyRequestRepository::instant);
    }

    /** Strips the customer's personal data from every order of theirs in the shop. */
    public Uni<Integer> redactCustomer(String shopDomain, long customerId, Instant redactedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update orders.customer_order set redacted_at = :redactedAt,
                            email = null, phone = null, customer_first_name = null, customer_last_name = null,
                            note = null, shipping_name = null, shipping_company = null, shipping_address1 = null,
                            shipping_address2 = null, shipping_city = null, shipping_province = null,
                            shipping_province_code = null, shipping_country = null, shipping_country_code = null,
                            shipping_zip = null, shipping_phone = null, billing_name = null, billing_address1 = null,
                            billing_address2 = null, billing_city = null, billing_province = null,
                            billing_country_code = null, billing_zip = null, billing_phone = null
                        where shop_domain = :shop and shopify_customer_id = :customerId""")
                .setParameter("redactedAt", redactedAt)
                .setParameter("shop", shopDomain)
                .setParameter("customerId", customerId)
                .executeUpdate());
    }

    /** Deletes every order row of the shop, and its applied events (privacy_request rows stay). */
    public Uni<Void> deleteShop(String shopDomain) {
        // lines and fulfillments go with their orders (on delete cascade)
        return delete("delete from orders.customer_order where shop_domain = :shop", shopDomain)
                .chain(() -> delete("delete from orders.order_edit where shop_domain = :shop", shopDomain))
                .chain(() -> delete("delete from orders.order_status_change where shop_domain = :shop", shopDomain))
                .chain(() -> delete("delete from orders.applied_event where shop_domain = :shop", shopDomain));
    }

    private static Uni<Void> delete(String sql, String shopDomain) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("shop", shopDomain)
                .executeUpdate())
                .replaceWithVoid();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
