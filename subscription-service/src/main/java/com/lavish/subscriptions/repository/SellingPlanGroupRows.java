package com.lavish.subscriptions.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.subscriptions.repository.RowValues.instant;

import com.lavish.consumer.ColumnArrays;
import com.lavish.subscriptions.SellingPlan;
import com.lavish.subscriptions.SellingPlanGroup;
import com.lavish.subscriptions.SellingPlanGroupProduct;
import com.lavish.subscriptions.service.SellingPlanGroupChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A poll's selling plan groups on the reactive client: read with their plans and products (the group rows locked
 * {@code FOR UPDATE}: every writer of a group or of its products takes its row first), and the groups the rules
 * touched written back whole, set-based. A group new to this service is inserted first, for the id its plans and
 * products hang on.
 */
@ApplicationScoped
public class SellingPlanGroupRows {

    /** Groups by Shopify id ($1, $2), or not yet in Shopify, by the merchant code of their creation ($3, $4). */
    private static final String OF_WEBHOOKS = """
            (g.shop_domain, g.shopify_id) in (select * from unnest($1::text[], $2::bigint[]))
            or g.shopify_id is null
               and (g.shop_domain, g.merchant_code) in (select * from unnest($3::text[], $4::text[]))""";

    /** Groups whose creation ($1) is answered, or some of whose products' change is. */
    private static final String OF_RESULTS = """
            g.command_id = any($1::text[])
            or g.id in (select p.group_id from subscription.selling_plan_group_product p
                        where p.command_id = any($1::text[]))""";

    private static final String GROUPS =
            "select g.* from subscription.selling_plan_group g where %s " + "order by g.id for update";
    private static final String PLANS = "select p.* from subscription.selling_plan p where p.group_id in "
            + "(select g.id from subscription.selling_plan_group g where %s) order by p.position, p.id";
    private static final String PRODUCTS = "select p.* from subscription.selling_plan_group_product p "
            + "where p.group_id in (select g.id from subscription.selling_plan_group g where %s) order by p.product_id";

    private static final String INSERT_GROUPS = """
            insert into subscription.selling_plan_group (shop_domain, shopify_id, name, merchant_code, description,
                options, state, message, version_time, created_at)
            select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::timestamptz[], $10::timestamptz[])
            returning id, shop_domain, shopify_id""";

    private static final String UPDATE_GROUPS = """
            update subscription.selling_plan_group g set shopify_id = i.shopify_id, name = i.name,
                merchant_code = i.merchant_code, description = i.description, options = i.options, state = i.state,
                message = i.message, version_time = i.version_time
            from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::timestamptz[])
                as i(id, shopify_id, name, merchant_code, description, options, state, message, version_time)
            where g.id = i.id""";

    private static final String DELETE_PLANS = "delete from subscription.selling_plan where id = any($1::bigint[])";

    private static final String PLANS_UPSERT = """
            insert into subscription.selling_plan (group_id, shop_domain, shopify_id, name, option_value, position,
                billing_interval, billing_interval_count, delivery_interval, delivery_interval_count, min_cycles,
                max_cycles, adjustment_type, adjustment_value)
            select * from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::integer[],
                $7::text[], $8::integer[], $9::text[], $10::integer[], $11::integer[], $12::integer[], $13::text[],
                $14::numeric[])
            on conflict (group_id, name) do update set shopify_id = excluded.shopify_id,
                option_value = excluded.option_value, position = excluded.position,
                billing_interval = excluded.billing_interval, billing_interval_count = excluded.billing_interval_count,
                delivery_interval = excluded.delivery_interval,
                delivery_interval_count = excluded.delivery_interval_count, min_cycles = excluded.min_cycles,
                max_cycles = excluded.max_cycles, adjustment_type = excluded.adjustment_type,
                adjustment_value = excluded.adjustment_value""";

    private static final String DELETE_PRODUCTS = """
            delete from subscription.selling_plan_group_product where id = any($1::bigint[])""";

    private static final String PRODUCTS_UPSERT = """
            insert into subscription.selling_plan_group_product (group_id, shop_domain, product_id, state, command_id)
            select * from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[])
            on conflict (group_id, product_id) do update set state = excluded.state,
                command_id = excluded.command_id""";

    /** The groups a poll of shopify.subscriptions names. */
    public static final class WebhookKeys {

        private final ColumnArrays ids = new ColumnArrays(TEXT, BIGINT);
        private final ColumnArrays merchantCodes = new ColumnArrays(TEXT, TEXT);

        public void group(String shop, long shopifyId, String merchantCode) {
            ids.row().text(shop).bigint(shopifyId);
            if (merchantCode != null) {
                merchantCodes.row().text(shop).text(merchantCode);
            }
        }
    }

    public Uni<SellingPlanGroupChanges> forWebhooks(SqlConnection connection, WebhookKeys keys) {
        return keys.ids.isEmpty()
                ? Uni.createFrom().item(new SellingPlanGroupChanges())
                : read(connection, OF_WEBHOOKS, keys.merchantCodes.appendTo(keys.ids.tuple()));
    }

    public Uni<SellingPlanGroupChanges> forResults(SqlConnection connection, List<String> commandIds) {
        return commandIds.isEmpty()
                ? Uni.createFrom().item(new SellingPlanGroupChanges())
                : read(connection, OF_RESULTS, Tuple.tuple().addArrayOfString(commandIds.toArray(new String[0])));
    }

    private Uni<SellingPlanGroupChanges> read(SqlConnection connection, String which, Tuple parameters) {
        return Uni.combine()
                .all()
                .unis(
                        connection.preparedQuery(GROUPS.formatted(which)).execute(parameters),
                        connection.preparedQuery(PLANS.formatted(which)).execute(parameters),
                        connection.preparedQuery(PRODUCTS.formatted(which)).execute(parameters))
                .with((groupRows, planRows, productRows) -> {
                    Map<Long, SellingPlanGroup> groups = new LinkedHashMap<>();
                    groupRows.forEach(row -> groups.put(row.getLong("id"), group(row)));
                    // a group made after the groups were read has no row here, nor is it the poll's
                    planRows.forEach(row -> of(groups, row).ifPresent(group -> plan(group, row)));
                    productRows.forEach(row -> of(groups, row).ifPresent(group -> product(group, row)));
                    SellingPlanGroupChanges changes = new SellingPlanGroupChanges();
                    groups.values().forEach(changes::loaded);
                    return changes;
                });
    }

    /** Writes the groups the rules touched, each whole: the rows it lost deleted, the rest inserted or updated. */
    public Uni<Void> write(SqlConnection connection, SellingPlanGroupChanges changes) {
        Collection<SellingPlanGroup> touched = changes.touched();
        if (touched.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<SellingPlanGroup> created =
                touched.stream().filter(g -> g.id == null).toList();
        return insert(connection, created).chain(() -> {
            ColumnArrays groups = new ColumnArrays();
            ColumnArrays plans = new ColumnArrays();
            ColumnArrays products = new ColumnArrays();
            List<Long> plansGone = new ArrayList<>();
            List<Long> productsGone = new ArrayList<>();
            for (SellingPlanGroup g : touched) {
                groups.row()
                        .bigint(g.id)
                        .bigint(g.shopifyId)
                        .text(g.name)
                        .text(g.merchantCode)
                        .text(g.description)
                        .text(g.options)
                        .text(g.state)
                        .text(g.message)
                        .timestamptz(g.versionTime);
                for (SellingPlan p : g.plans) {
                    plans.row()
                            .bigint(g.id)
                            .text(g.shopDomain)
                            .bigint(p.shopifyId)
                            .text(p.name)
                            .text(p.optionValue)
                            .integer(p.position)
                            .text(p.billingInterval)
                            .integer(p.billingIntervalCount)
                            .text(p.deliveryInterval)
                            .integer(p.deliveryIntervalCount)
                            .integer(p.minCycles)
                            .integer(p.maxCycles)
                            .text(p.adjustmentType)
                            .numeric(p.adjustmentValue);
                }
                for (SellingPlanGroupProduct p : g.products) {
                    products.row()
                            .bigint(g.id)
                            .text(g.shopDomain)
                            .bigint(p.productId)
                            .text(p.state)
                            .text(p.commandId);
                }
                plansGone.addAll(gone(changes.plansAsRead(g), g.plans, p -> p.id));
                productsGone.addAll(gone(changes.productsAsRead(g), g.products, p -> p.id));
            }
            return Uni.join()
                    .all(
                            ContractWrites.run(connection, UPDATE_GROUPS, groups),
                            delete(connection, DELETE_PLANS, plansGone),
                            ContractWrites.run(connection, PLANS_UPSERT, plans),
                            delete(connection, DELETE_PRODUCTS, productsGone),
                            ContractWrites.run(connection, PRODUCTS_UPSERT, products))
                    .andFailFast()
                    .replaceWithVoid();
        });
    }

    private static Uni<Void> insert(SqlConnection connection, List<SellingPlanGroup> created) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ColumnArrays rows = new ColumnArrays();
        created.forEach(g -> rows.row()
                .text(g.shopDomain)
                .bigint(g.shopifyId)
                .text(g.name)
                .text(g.merchantCode)
                .text(g.description)
                .text(g.options)
                .text(g.state)
                .text(g.message)
                .timestamptz(g.versionTime)
                .timestamptz(g.createdAt));
        return connection
                .preparedQuery(INSERT_GROUPS)
                .execute(rows.tuple())
                .invoke((RowSet<Row> inserted) -> {
                    // a group new to this service is one Shopify reported: its Shopify id names it
                    for (Row row : inserted) {
                        created.stream()
                                .filter(g -> g.shopDomain.equals(row.getString("shop_domain"))
                                        && Objects.equals(g.shopifyId, row.getLong("shopify_id")))
                                .forEach(g -> g.id = row.getLong("id"));
                    }
                })
                .replaceWithVoid();
    }

    private static Optional<SellingPlanGroup> of(Map<Long, SellingPlanGroup> groups, Row row) {
        return Optional.ofNullable(groups.get(row.getLong("group_id")));
    }

    private static <T> List<Long> gone(List<T> asRead, List<T> now, Function<T, Long> id) {
        Set<T> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(now);
        return asRead.stream().filter(row -> !kept.contains(row)).map(id).toList();
    }

    private static Uni<Void> delete(SqlConnection connection, String sql, List<Long> ids) {
        return ids.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection
                        .preparedQuery(sql)
                        .execute(Tuple.tuple().addArrayOfLong(ids.toArray(new Long[0])))
                        .replaceWithVoid();
    }

    private static SellingPlanGroup group(Row row) {
        SellingPlanGroup g = new SellingPlanGroup();
        g.id = row.getLong("id");
        g.shopDomain = row.getString("shop_domain");
        g.shopifyId = row.getLong("shopify_id");
        g.name = row.getString("name");
        g.merchantCode = row.getString("merchant_code");
        g.description = row.getString("description");
        g.options = row.getString("options");
        g.state = row.getString("state");
        g.commandId = row.getString("command_id");
        g.idempotencyKey = row.getString("idempotency_key");
        g.message = row.getString("message");
        g.versionTime = instant(row, "version_time");
        g.createdAt = instant(row, "created_at");
        return g;
    }

    private static void plan(SellingPlanGroup group, Row row) {
        SellingPlan p = new SellingPlan();
        p.id = row.getLong("id");
        p.group = group;
        p.shopDomain = row.getString("shop_domain");
        p.shopifyId = row.getLong("shopify_id");
        p.name = row.getString("name");
        p.optionValue = row.getString("option_value");
        p.position = row.getInteger("position");
        p.billingInterval = row.getString("billing_interval");
        p.billingIntervalCount = row.getInteger("billing_interval_count");
        p.deliveryInterval = row.getString("delivery_interval");
        p.deliveryIntervalCount = row.getInteger("delivery_interval_count");
        p.minCycles = row.getInteger("min_cycles");
        p.maxCycles = row.getInteger("max_cycles");
        p.adjustmentType = row.getString("adjustment_type");
        p.adjustmentValue = row.getBigDecimal("adjustment_value");
        group.plans.add(p);
    }

    private static void product(SellingPlanGroup group, Row row) {
        SellingPlanGroupProduct p =
                SellingPlanGroupProduct.of(group, row.getLong("product_id"), row.getString("state"));
        p.id = row.getLong("id");
        p.shopDomain = row.getString("shop_domain");
        p.commandId = row.getString("command_id");
        group.products.add(p);
    }
}
