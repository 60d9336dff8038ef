package com.lavish.subscriptions.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.NUMERIC;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.subscriptions.repository.RowValues.instant;

import com.lavish.consumer.ColumnArrays;
import com.lavish.subscriptions.Product;
import com.lavish.subscriptions.ProductVariant;
import com.lavish.subscriptions.SellingPlanGroup;
import com.lavish.subscriptions.SellingPlanGroupProduct;
import com.lavish.subscriptions.service.ProductChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A poll of shopify.products on the reactive client: its products read locked, with the group memberships of each and
 * the groups its nodes list (those locked too, in id order: every writer of a group's products takes its row first),
 * and what the rules made of them written set-based, pipelined.
 */
@ApplicationScoped
public class ProductRows {

    private static final String PRODUCTS = """
            select id, shop_domain, shopify_id, title, handle, status, updated_at, deleted_at
            from subscription.product
            where (shop_domain, shopify_id) in (select * from unnest($1::text[], $2::bigint[]))
            order by id for update""";

    /** The groups the products belong to ($1, $2) and the groups the nodes list ($3, $4). */
    private static final String GROUPS = """
            select g.id, g.shop_domain, g.shopify_id, g.state from subscription.selling_plan_group g
            where g.id in (select m.group_id from subscription.selling_plan_group_product m
                           where (m.shop_domain, m.product_id) in (select * from unnest($1::text[], $2::bigint[])))
               or (g.shop_domain, g.shopify_id) in (select * from unnest($3::text[], $4::bigint[]))
            order by g.id for update""";

    private static final String MEMBERSHIPS = """
            select m.id, m.group_id, m.shop_domain, m.product_id, m.state, m.command_id
            from subscription.selling_plan_group_product m
            where (m.shop_domain, m.product_id) in (select * from unnest($1::text[], $2::bigint[]))
            order by m.id""";

    /** Products read ($1 is their id) are updated, new ones inserted; each one's variants brought to its version. */
    private static final String WRITE = """
            with incoming as (
                select * from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[],
                    $7::timestamptz[], $8::timestamptz[])
                    as i(id, shop_domain, shopify_id, title, handle, status, updated_at, deleted_at)),
            updated as (
                update subscription.product p set title = i.title, handle = i.handle, status = i.status,
                    updated_at = i.updated_at, deleted_at = i.deleted_at
                from incoming i where p.id = i.id
                returning p.id, p.shop_domain, p.shopify_id),
            inserted as (
                insert into subscription.product (shop_domain, shopify_id, title, handle, status, updated_at,
                    deleted_at)
                select shop_domain, shopify_id, title, handle, status, updated_at, deleted_at
                from incoming where id is null
                returning id, shop_domain, shopify_id),
            written as (select * from updated union all select * from inserted),
            variant as (
                select w.id as product_id, v.*
                from unnest($9::text[], $10::bigint[], $11::bigint[], $12::text[], $13::text[], $14::numeric[])
                    as v(shop_domain, product_shopify_id, shopify_id, title, sku, price)
                join written w on w.shop_domain = v.shop_domain and w.shopify_id = v.product_shopify_id),
            removed as (
                delete from subscription.product_variant old using written w
                where old.product_id = w.id
                  and not exists (select 1 from variant v where v.product_id = w.id and v.shopify_id = old.shopify_id))
            insert into subscription.product_variant (product_id, shop_domain, shopify_id, title, sku, price)
            select product_id, shop_domain, shopify_id, title, sku, price from variant
            on conflict (product_id, shopify_id) do update set title = excluded.title, sku = excluded.sku,
                price = excluded.price""";

    private static final String MEMBERSHIPS_REMOVED = """
            delete from subscription.selling_plan_group_product where id = any($1::bigint[])""";

    private static final String MEMBERSHIPS_ADDED = """
            insert into subscription.selling_plan_group_product (group_id, shop_domain, product_id, state)
            select * from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[])
            on conflict (group_id, product_id) do nothing""";

    /** The products ($1, $2) and the groups their nodes list ($3, $4) a poll reads. */
    public static final class Keys {

        private final ColumnArrays products = new ColumnArrays(TEXT, BIGINT);
        private final ColumnArrays groups = new ColumnArrays(TEXT, BIGINT);

        public void product(String shop, long productId) {
            products.row().text(shop).bigint(productId);
        }

        public void group(String shop, long groupId) {
            groups.row().text(shop).bigint(groupId);
        }
    }

    public Uni<ProductChanges> read(SqlConnection connection, Keys keys) {
        ProductChanges changes = new ProductChanges();
        Tuple products = keys.products.tuple();
        return Uni.combine()
                .all()
                .unis(
                        connection.preparedQuery(PRODUCTS).execute(products),
                        connection.preparedQuery(GROUPS).execute(keys.groups.appendTo(keys.products.tuple())),
                        connection.preparedQuery(MEMBERSHIPS).execute(products))
                .with((productRows, groupRows, membershipRows) -> {
                    productRows.forEach(row -> {
                        Product product = Product.of(row.getString("shop_domain"), row.getLong("shopify_id"));
                        product.id = row.getLong("id");
                        product.title = row.getString("title");
                        product.handle = row.getString("handle");
                        product.status = row.getString("status");
                        product.updatedAt = instant(row, "updated_at");
                        product.deletedAt = instant(row, "deleted_at");
                        changes.loaded(product);
                    });
                    groupRows.forEach(row -> {
                        SellingPlanGroup group = new SellingPlanGroup();
                        group.id = row.getLong("id");
                        group.shopDomain = row.getString("shop_domain");
                        group.shopifyId = row.getLong("shopify_id");
                        group.state = row.getString("state");
                        changes.loaded(group);
                    });
                    membershipRows.forEach(row -> {
                        SellingPlanGroup group = changes.group(row.getLong("group_id"));
                        if (group != null) {
                            SellingPlanGroupProduct m = SellingPlanGroupProduct.of(
                                    group, row.getLong("product_id"), row.getString("state"));
                            m.id = row.getLong("id");
                            m.commandId = row.getString("command_id");
                            changes.loaded(m);
                        }
                    });
                    return changes;
                });
    }

    public Uni<Void> write(SqlConnection connection, ProductChanges changes) {
        ColumnArrays products = new ColumnArrays();
        ColumnArrays variants = new ColumnArrays(TEXT, BIGINT, BIGINT, TEXT, TEXT, NUMERIC);
        for (Product p : changes.touched()) {
            products.row()
                    .bigint(p.id)
                    .text(p.shopDomain)
                    .bigint(p.shopifyId)
                    .text(p.title)
                    .text(p.handle)
                    .text(p.status)
                    .timestamptz(p.updatedAt)
                    .timestamptz(p.deletedAt);
            for (ProductVariant v : p.variants) {
                variants.row()
                        .text(p.shopDomain)
                        .bigint(p.shopifyId)
                        .bigint(v.shopifyId)
                        .text(v.title)
                        .text(v.sku)
                        .numeric(v.price);
            }
        }
        ColumnArrays added = new ColumnArrays();
        changes.membershipsAdded()
                .forEach(m -> added.row()
                        .bigint(m.group.id)
                        .text(m.shopDomain)
                        .bigint(m.productId)
                        .text(m.state));
        Long[] removed = changes.membershipsRemoved().stream().map(m -> m.id).toArray(Long[]::new);
        return Uni.join()
                .all(
                        products.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : connection
                                        .preparedQuery(WRITE)
                                        .execute(variants.appendTo(products.tuple()))
                                        .replaceWithVoid(),
                        removed.length == 0
                                ? Uni.createFrom().voidItem()
                                : connection
                                        .preparedQuery(MEMBERSHIPS_REMOVED)
                                        .execute(Tuple.tuple().addArrayOfLong(removed))
                                        .replaceWithVoid(),
                        ContractWrites.run(connection, MEMBERSHIPS_ADDED, added))
                .andFailFast()
                .replaceWithVoid();
    }
}
