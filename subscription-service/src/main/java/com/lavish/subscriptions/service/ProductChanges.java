package com.lavish.subscriptions.service;

import com.lavish.consumer.ChildRows;
import com.lavish.consumer.Delivery;
import com.lavish.subscriptions.Product;
import com.lavish.subscriptions.ProductVariant;
import com.lavish.subscriptions.SellingPlanGroup;
import com.lavish.subscriptions.SellingPlanGroupProduct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One poll's products as it read them (locked until it commits), with the selling plan groups they belong to, and
 * the rules shopify.products events change them by, in offset order: a version is applied only if its updated_at is
 * later than the product's (a deleted product takes none); an Admin API node also says which groups apply to the
 * product, the product side of group M:N product, brought in line for the live groups Shopify knows. A version a
 * later one of the poll replaces is stale (a webhook by any later version; a node, whose group list stays, by a later
 * node or the delete). No I/O.
 */
public final class ProductChanges {

    private final Map<List<Object>, Product> products = new HashMap<>();
    private final Map<List<Object>, List<SellingPlanGroupProduct>> memberships = new HashMap<>();
    private final Map<SellingPlanGroupProduct, Boolean> membershipsAsRead = new IdentityHashMap<>();
    private final Map<List<Object>, SellingPlanGroup> groups = new HashMap<>();
    private final Map<Product, Delivery<?>> lastWebhook = new IdentityHashMap<>();
    private final Map<Product, Delivery<?>> lastNode = new IdentityHashMap<>();
    private final Set<Product> touched = Collections.newSetFromMap(new LinkedHashMap<>());

    // ---- as read ----

    public void loaded(Product product) {
        products.put(key(product.shopDomain, product.shopifyId), product);
    }

    /** A group a membership of the poll's products names, or one the poll's nodes list. */
    public void loaded(SellingPlanGroup group) {
        groups.put(List.of(group.id), group);
        if (group.shopifyId != null) {
            groups.put(key(group.shopDomain, group.shopifyId), group);
        }
    }

    public SellingPlanGroup group(long id) {
        return groups.get(List.of(id));
    }

    public void loaded(SellingPlanGroupProduct membership) {
        memberships
                .computeIfAbsent(key(membership.shopDomain, membership.productId), k -> new ArrayList<>())
                .add(membership);
        membershipsAsRead.put(membership, true);
    }

    // ---- the rules ----

    public void apply(Delivery<?> delivery, String shop, ProductChange change) {
        if (change instanceof ProductChange.Version version) {
            upsert(delivery, shop, version);
        } else {
            delete(delivery, shop, (ProductChange.Deleted) change);
        }
    }

    private void upsert(Delivery<?> delivery, String shop, ProductChange.Version version) {
        Product stored = products.get(key(shop, version.id()));
        if (stored != null
                && (stored.deletedAt != null
                        || stored.updatedAt != null && !version.updatedAt().isAfter(stored.updatedAt))) {
            delivery.stale();
            return;
        }
        Product product = stored != null ? stored : create(shop, version.id());
        product.title = version.title();
        product.handle = version.handle();
        product.status = version.status();
        product.updatedAt = version.updatedAt();
        ChildRows.reconcile(
                product.variants,
                v -> v.shopifyId,
                version.variants(),
                ProductChange.Variant::id,
                snapshot -> {
                    ProductVariant variant = new ProductVariant();
                    variant.product = product;
                    variant.shopDomain = shop;
                    variant.shopifyId = snapshot.id();
                    return variant;
                },
                (snapshot, variant) -> {
                    variant.title = snapshot.title();
                    variant.sku = snapshot.sku();
                    variant.price = snapshot.price();
                });
        touched.add(product);
        replaced(lastWebhook.remove(product));
        if (version.sellingPlanGroupIds() == null) {
            lastWebhook.put(product, delivery);
        } else {
            memberships(shop, version.id(), version.sellingPlanGroupIds());
            replaced(lastNode.put(product, delivery));
        }
    }

    /** The live groups that apply to the product, as the node lists them; a change still in flight is left alone. */
    private void memberships(String shop, long productId, List<Long> groupIds) {
        List<SellingPlanGroupProduct> rows = memberships.computeIfAbsent(key(shop, productId), k -> new ArrayList<>());
        Set<Long> listed = new HashSet<>(groupIds);
        Set<Long> present = new HashSet<>();
        Set<Long> held = new HashSet<>();
        for (SellingPlanGroupProduct row : List.copyOf(rows)) {
            held.add(row.group.id);
            Long groupId = row.group.shopifyId;
            if (groupId == null || !SellingPlanGroupProduct.LIVE.equals(row.state)) {
                continue;
            }
            present.add(groupId);
            if (!listed.contains(groupId)) {
                rows.remove(row);
            }
        }
        for (Long id : groupIds) {
            SellingPlanGroup group = present.contains(id) ? null : groups.get(key(shop, id));
            if (group != null && group.isLive() && held.add(group.id)) {
                rows.add(SellingPlanGroupProduct.of(group, productId, SellingPlanGroupProduct.LIVE));
            }
        }
    }

    private void delete(Delivery<?> delivery, String shop, ProductChange.Deleted deleted) {
        Product product = products.get(key(shop, deleted.id()));
        if (product == null) {
            product = create(shop, deleted.id());
        }
        product.deletedAt = deleted.at();
        product.variants.clear();
        List<SellingPlanGroupProduct> rows = memberships.get(key(shop, deleted.id()));
        if (rows != null) {
            rows.clear();
        }
        touched.add(product);
        replaced(lastWebhook.remove(product));
        replaced(lastNode.remove(product));
    }

    private static void replaced(Delivery<?> earlier) {
        if (earlier != null) {
            earlier.stale();
        }
    }

    private Product create(String shop, long shopifyId) {
        Product product = Product.of(shop, shopifyId);
        products.put(key(shop, shopifyId), product);
        return product;
    }

    private static List<Object> key(String shop, long id) {
        return List.of(shop, id);
    }

    // ---- what the writer writes ----

    /** The products the poll changed or created, each with its variants as they are now. */
    public Collection<Product> touched() {
        return touched;
    }

    /** The memberships read that the poll removed. */
    public List<SellingPlanGroupProduct> membershipsRemoved() {
        Set<SellingPlanGroupProduct> now = Collections.newSetFromMap(new IdentityHashMap<>());
        memberships.values().forEach(now::addAll);
        return membershipsAsRead.keySet().stream()
                .filter(row -> !now.contains(row))
                .toList();
    }

    /** The memberships the poll added. */
    public List<SellingPlanGroupProduct> membershipsAdded() {
        return memberships.values().stream()
                .flatMap(List::stream)
                .filter(row -> !membershipsAsRead.containsKey(row))
                .toList();
    }
}
