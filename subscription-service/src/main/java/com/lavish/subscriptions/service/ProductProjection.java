package com.lavish.subscriptions.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.AppliedEventLedger;
import com.lavish.consumer.ChildRows;
import com.lavish.events.ShopifyEvent;
import com.lavish.subscriptions.Product;
import com.lavish.subscriptions.ProductVariant;
import com.lavish.subscriptions.SellingPlanGroupProduct;
import com.lavish.subscriptions.repository.ProductRepository;
import com.lavish.subscriptions.repository.SellingPlanGroupRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies shopify.products events to the product catalogue, idempotently (applied_event) and never older over newer
 * (updated_at compared as instants). An Admin API node also says which selling plan groups apply to the product:
 * the product side of group M:N product, brought in line for the groups Shopify knows.
 */
@ApplicationScoped
public class ProductProjection {

    private final ProductRepository products;
    private final SellingPlanGroupRepository groups;
    private final AppliedEventLedger appliedEvents;

    public ProductProjection(ProductRepository products, SellingPlanGroupRepository groups,
                             AppliedEventLedger appliedEvents) {
        this.products = products;
        this.groups = groups;
        this.appliedEvents = appliedEvents;
    }

    public Uni<EventOutcome> apply(ShopifyEvent event, ProductChange change) {
        return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(EventOutcome.DUPLICATE);
            }
            return change instanceof ProductChange.Version version ? upsert(event.shopDomain(), version)
                    : delete(event.shopDomain(), (ProductChange.Deleted) change);
        }));
    }

    private Uni<EventOutcome> upsert(String shop, ProductChange.Version version) {
        return products.findWhole(shop, version.id()).chain(stored -> {
            if (stored != null && (stored.deletedAt != null
                    || stored.updatedAt != null && !version.updatedAt().isAfter(stored.updatedAt))) {
                return Uni.createFrom().item(EventOutcome.STALE);
            }
            Product product = stored != null ? stored : Product.of(shop, version.id());
            product.title = version.title();
            product.handle = version.handle();
            product.status = version.status();
            product.updatedAt = version.updatedAt();
            ChildRows.reconcile(product.variants, v -> v.shopifyId, version.variants(), ProductChange.Variant::id,
                    snapshot -> {
                        ProductVariant variant = new ProductVariant();
                        variant.product = product;
                        variant.shopDomain = shop;
                        variant.shopifyId = snapshot.id();
                        return variant;
                    }, (snapshot, variant) -> {
                        variant.title = snapshot.title();
                        variant.sku = snapshot.sku();
                        variant.price = snapshot.price();
                    });
            Uni<?> saved = stored != null ? Uni.createFrom().voidItem() : products.persist(product);
            return saved.chain(() -> version.sellingPlanGroupIds() == null ? Uni.createFrom().voidItem()
                    : memberships(shop, version.id(), version.sellingPlanGroupIds()))
                    .replaceWith(EventOutcome.APPLIED);
        });
    }

    /** The live groups that apply to the product, as the node lists them; a change still in flight is left alone. */
    private Uni<Void> memberships(String shop, long productId, List<Long> groupIds) {
        return groups.membershipsOfProduct(shop, productId).chain(rows -> {
            Set<Long> listed = new HashSet<>(groupIds);
            Set<Long> present = new HashSet<>();
            Uni<Void> removals = Uni.createFrom().voidItem();
            for (SellingPlanGroupProduct row : rows) {
                Long groupId = row.group.shopifyId;
                if (groupId == null || !SellingPlanGroupProduct.LIVE.equals(row.state)) {
                    continue;
                }
                present.add(groupId);
                if (!listed.contains(groupId)) {
                    removals = removals.chain(() -> Panache.getSession().chain(session -> session.remove(row)));
                }
            }
            List<Long> missing = groupIds.stream().filter(id -> !present.contains(id)).toList();
            return removals.chain(() -> groups.liveByShopifyIds(shop, missing)).chain(found -> {
                Set<Long> held = new HashSet<>();
                rows.forEach(row -> held.add(row.group.id));
                List<SellingPlanGroupProduct> added = found.stream().filter(g -> !held.contains(g.id))
                        .map(g -> SellingPlanGroupProduct.of(g, productId, SellingPlanGroupProduct.LIVE)).toList();
                return added.isEmpty() ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(session -> session.persistAll(added.toArray()));
            });
        });
    }

    private Uni<EventOutcome> delete(String shop, ProductChange.Deleted deleted) {
        return products.findWhole(shop, deleted.id()).chain(stored -> {
            Product product = stored != null ? stored : Product.of(shop, deleted.id());
            product.deletedAt = deleted.at();
            product.variants.clear();
            Uni<?> saved = stored != null ? Uni.createFrom().voidItem() : products.persist(product);
            return saved.chain(() -> groups.membershipsOfProduct(shop, deleted.id()))
                    .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem()
                            : Panache.getSession().chain(session -> session.removeAll(rows.toArray())))
                    .replaceWith(EventOutcome.APPLIED);
        });
    }
}
