package com.lavish.subscriptions.repository;

import com.lavish.subscriptions.SellingPlan;
import com.lavish.subscriptions.SellingPlanGroup;
import com.lavish.subscriptions.SellingPlanGroupProduct;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class SellingPlanGroupRepository implements PanacheRepository<SellingPlanGroup> {

    /** The group with its plans and products, found by a condition on {@code g}; null when none matches. */
    private Uni<SellingPlanGroup> findWhole(String condition, Object... parameters) {
        // one fetch per collection: a join of two bags multiplies rows (and Hibernate refuses it)
        return find("from SellingPlanGroup g left join fetch g.plans where " + condition, parameters)
                .list()
                .map(found -> found.isEmpty() ? null : found.get(0))
                .call(group -> group == null
                        ? Uni.createFrom().nullItem()
                        : find("from SellingPlanGroup g left join fetch g.products where g.id = ?1", group.id)
                                .list());
    }

    public Uni<SellingPlanGroup> findWhole(long id) {
        return findWhole("g.id = ?1", id);
    }

    /**
     * {@link #findWhole(long)}, the group's row locked for the caller's transaction first: every writer of a group or
     * of its products (the admin here, the consumers' polls) takes its row, so none writes back what another changed.
     */
    public Uni<SellingPlanGroup> lockWhole(long id) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "select 1 from {h-schema}selling_plan_group where id = :id for update")
                        .setParameter("id", id)
                        .getResultList())
                .chain(() -> findWhole(id));
    }

    public Uni<SellingPlanGroup> findByIdempotencyKey(String shopDomain, String idempotencyKey) {
        return findWhole("g.shopDomain = ?1 and g.idempotencyKey = ?2", shopDomain, idempotencyKey);
    }

    /** The shop's groups (all shops' when null), newest first, with their plans. */
    public Uni<List<SellingPlanGroup>> listWithPlans(String shopDomain) {
        return (shopDomain == null
                        ? find("select distinct g from SellingPlanGroup g left join fetch g.plans order by g.id desc")
                        : find(
                                "select distinct g from SellingPlanGroup g left join fetch g.plans where g.shopDomain = ?1 "
                                        + "order by g.id desc",
                                shopDomain))
                .list();
    }

    /** The products of the groups, by group. */
    public Uni<List<SellingPlanGroupProduct>> productsOf(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "from SellingPlanGroupProduct p join fetch p.group where p.group.id in :ids order by p.productId",
                                SellingPlanGroupProduct.class)
                        .setParameter("ids", groupIds)
                        .getResultList());
    }

    /** The shop's plans with these Shopify ids, each with its group and the group's plans. */
    public Uni<List<SellingPlan>> plansByShopifyIds(String shopDomain, Collection<Long> shopifyIds) {
        if (shopifyIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select distinct p from SellingPlan p join fetch p.group g left join fetch g.plans "
                                        + "where p.shopDomain = :shop and p.shopifyId in :ids",
                                SellingPlan.class)
                        .setParameter("shop", shopDomain)
                        .setParameter("ids", shopifyIds)
                        .getResultList());
    }
}
