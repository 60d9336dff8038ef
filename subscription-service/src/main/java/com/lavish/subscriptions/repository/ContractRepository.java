package com.lavish.subscriptions.repository;

import com.lavish.subscriptions.SubscriptionContract;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ContractRepository implements PanacheRepository<SubscriptionContract> {

    /**
     * {@link #findCustomers}, locked for the caller's transaction: the writers of a contract (Shopify's events,
     * sync-service's results, the customer's actions, the billing run) take turns on its row, so none writes back a
     * row another has changed since it read it (a pending action confirmed by one and restored by the other).
     */
    public Uni<SubscriptionContract> lockCustomers(String shopDomain, long customerId, long shopifyId) {
        return lock(shopDomain, customerId, shopifyId).chain(() -> findCustomers(shopDomain, customerId, shopifyId));
    }

    /**
     * The row lock, by itself: Postgres refuses FOR UPDATE beside the outer join that fetches the lines, and a native
     * statement must come before the session's entities change. Only the customer's own row: a request naming
     * another customer's contract finds nothing and locks nothing (it cannot hold up that customer's changes).
     */
    private Uni<Void> lock(String shopDomain, long customerId, long shopifyId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        select 1 from {h-schema}subscription_contract
                        where shop_domain = :shop and shopify_id = :id and shopify_customer_id = :customer
                        for update""")
                        .setParameter("shop", shopDomain)
                        .setParameter("id", shopifyId)
                        .setParameter("customer", customerId)
                        .getResultList())
                .replaceWithVoid();
    }

    /** The customer's contract with its lines; null when the shop has no such contract of this customer. */
    public Uni<SubscriptionContract> findCustomers(String shopDomain, long customerId, long shopifyId) {
        return find(
                        "from SubscriptionContract c left join fetch c.lines where c.shopDomain = ?1 "
                                + "and c.shopifyCustomerId = ?2 and c.shopifyId = ?3",
                        shopDomain,
                        customerId,
                        shopifyId)
                .list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Every contract of the customer, newest first, with lines. */
    public Uni<List<SubscriptionContract>> allOfCustomer(String shopDomain, long customerId) {
        return find(
                        "select distinct c from SubscriptionContract c left join fetch c.lines where c.shopDomain = ?1 "
                                + "and c.shopifyCustomerId = ?2 order by c.createdAt desc, c.shopifyId desc",
                        shopDomain,
                        customerId)
                .list();
    }

    /**
     * Locks up to {@code limit} active contracts due at {@code now} that have no billing attempt in flight, no change
     * waiting for Shopify and no retry pending later, skipping rows another transaction holds: two runs, here or on
     * another replica, never take the same contract. The rows stay locked until the caller's transaction ends.
     */
    public Uni<List<SubscriptionContract>> lockDue(Instant now, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        select id from {h-schema}subscription_contract
                        where status = 'active' and next_billing_date <= :now and billing_in_flight is null
                            and pending_action_id is null and (next_retry_at is null or next_retry_at <= :now)
                        order by next_billing_date, id limit :limit
                        for update skip locked""", Long.class)
                        .setParameter("now", now)
                        .setParameter("limit", limit)
                        .getResultList())
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(List.<SubscriptionContract>of())
                        : find(
                                        "select distinct c from SubscriptionContract c left join fetch c.lines "
                                                + "where c.id in ?1 order by c.nextBillingDate, c.id",
                                        ids)
                                .list());
    }
}
