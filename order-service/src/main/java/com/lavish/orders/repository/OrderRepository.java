package com.lavish.orders.repository;

import com.lavish.orders.CustomerOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class OrderRepository implements PanacheRepository<CustomerOrder> {

    /** The order with its lines and fulfillments (tombstones included), or null. */
    public Uni<CustomerOrder> findWhole(String shopDomain, long shopifyId) {
        // two fetches, not one join: a join of two bags multiplies rows (and Hibernate refuses it)
        // list(), not firstResult(): a limit beside a collection fetch would be applied in memory
        return find(
                        "from CustomerOrder o left join fetch o.lines where o.shopDomain = ?1 and o.shopifyId = ?2",
                        shopDomain,
                        shopifyId)
                .list()
                .map(found -> found.isEmpty() ? null : found.get(0))
                .call(order -> order == null
                        ? Uni.createFrom().nullItem()
                        : find("from CustomerOrder o left join fetch o.fulfillments where o.id = ?1", order.id)
                                .list());
    }

    /** One customer's order by its number, whole; null when the shop has no such order of this customer. */
    public Uni<CustomerOrder> findCustomersOrder(String shopDomain, long customerId, long orderNumber) {
        return find(
                        "from CustomerOrder o where o.shopDomain = ?1 and o.shopifyCustomerId = ?2 "
                                + "and o.orderNumber = ?3 and o.deletedAt is null order by o.placedAt desc, o.shopifyId desc",
                        shopDomain,
                        customerId,
                        orderNumber)
                .firstResult()
                .chain(order -> order == null ? Uni.createFrom().nullItem() : findWhole(shopDomain, order.shopifyId));
    }

    /**
     * A page of one customer's orders, newest first by (placed_at, shopify_id), undated ones last, starting after the
     * given position (null: from the newest), as summaries: one query on the index of this very order
     * (customer_order_customer_list), with the item count stored on the order, no lines read.
     */
    public Uni<List<OrderSummaryRow>> pageOfCustomer(
            String shopDomain, long customerId, Instant afterPlacedAt, Long afterShopifyId, int size) {
        String after = afterShopifyId == null
                ? ""
                // past the dated orders: the undated ones, by id
                : afterPlacedAt == null
                        ? " and o.placedAt is null and o.shopifyId < :afterId"
                        : " and (o.placedAt < :afterPlacedAt or o.placedAt is null "
                                + "or (o.placedAt = :afterPlacedAt and o.shopifyId < :afterId))";
        String hql = "select new com.lavish.orders.repository.OrderSummaryRow(o.shopifyId, o.orderNumber, o.name, "
                + "o.createdAt, o.processedAt, o.placedAt, o.financialStatus, o.fulfillmentStatus, o.cancelledAt, "
                + "o.totalPrice, o.currency, o.itemCount) from CustomerOrder o "
                + "where o.shopDomain = :shop and o.shopifyCustomerId = :customer and o.deletedAt is null" + after
                + " order by o.placedAt desc nulls last, o.shopifyId desc";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, OrderSummaryRow.class)
                    .setParameter("shop", shopDomain)
                    .setParameter("customer", customerId)
                    .setMaxResults(size);
            if (afterShopifyId != null) {
                query.setParameter("afterId", afterShopifyId);
            }
            if (afterShopifyId != null && afterPlacedAt != null) {
                query.setParameter("afterPlacedAt", afterPlacedAt);
            }
            return query.getResultList();
        });
    }

    /** Orders (tombstones aside) with a version applied since {@code since}. */
    public Uni<Long> countSyncedSince(Instant since) {
        return count("syncedAt >= ?1 and deletedAt is null", since);
    }

    /**
     * Every order of the customer this service holds, tombstones included, oldest first, with lines and
     * fulfillments: a customers/data_request export owes all of them.
     */
    public Uni<List<CustomerOrder>> allOfCustomer(String shopDomain, long customerId) {
        return find(
                        "from CustomerOrder o where o.shopDomain = ?1 and o.shopifyCustomerId = ?2 "
                                + "order by o.placedAt nulls last, o.shopifyId",
                        shopDomain,
                        customerId)
                .list()
                // one fetch per collection, as findWhole does; the session fills the orders already loaded
                .call(orders -> orders.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : find("from CustomerOrder o left join fetch o.lines where o in ?1", orders)
                                .list())
                .call(orders -> orders.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : find("from CustomerOrder o left join fetch o.fulfillments where o in ?1", orders)
                                .list());
    }
}
