package com.lavish.orders.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.INTEGER;
import static com.lavish.consumer.ColumnArrays.Kind.NUMERIC;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.orders.EncryptedColumns.BILLING_ADDRESS1;
import static com.lavish.orders.EncryptedColumns.BILLING_ADDRESS2;
import static com.lavish.orders.EncryptedColumns.BILLING_CITY;
import static com.lavish.orders.EncryptedColumns.BILLING_NAME;
import static com.lavish.orders.EncryptedColumns.BILLING_PHONE;
import static com.lavish.orders.EncryptedColumns.BILLING_ZIP;
import static com.lavish.orders.EncryptedColumns.CUSTOMER_FIRST_NAME;
import static com.lavish.orders.EncryptedColumns.CUSTOMER_LAST_NAME;
import static com.lavish.orders.EncryptedColumns.EMAIL;
import static com.lavish.orders.EncryptedColumns.NOTE;
import static com.lavish.orders.EncryptedColumns.PHONE;
import static com.lavish.orders.EncryptedColumns.SHIPPING_ADDRESS1;
import static com.lavish.orders.EncryptedColumns.SHIPPING_ADDRESS2;
import static com.lavish.orders.EncryptedColumns.SHIPPING_CITY;
import static com.lavish.orders.EncryptedColumns.SHIPPING_COMPANY;
import static com.lavish.orders.EncryptedColumns.SHIPPING_NAME;
import static com.lavish.orders.EncryptedColumns.SHIPPING_PHONE;
import static com.lavish.orders.EncryptedColumns.SHIPPING_ZIP;

import com.lavish.consumer.ColumnArrays;
import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.orders.EncryptedColumns;
import com.lavish.orders.OrderStatusChange;
import com.lavish.orders.service.FulfillmentSnapshot;
import com.lavish.orders.service.OrderChange;
import com.lavish.orders.service.OrderFold;
import com.lavish.orders.service.OrderSnapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a poll's folded orders with one set-based statement per kind of row, all sent at once on the poll's
 * connection (pipelined, run in the order sent, in its transaction): the versions, the synced and edited marks (and
 * placeholders), the tombstones, the lines, the fulfillments, the edits, and the status changes, whose ids the insert
 * answers for the live stream. Each statement still guards against the stored version; the orders were read locked
 * ({@link StoredOrderReads}), so a guard that holds back a row means another transaction wrote a new order first, and
 * the poll fails to be tried again on what is stored then. Personal columns are encrypted here, in Java, bound to their
 * order's key (shop and Shopify id), which the poll knows before the statement runs (ADR 0005): no round trip per row.
 */
@ApplicationScoped
public class OrderWrites {

    /** What customers/redact and a tombstone take away: everything that names, reaches or locates a person. */
    public static final String ERASE_PERSONAL_DATA = """
            email = null, phone = null, customer_first_name = null, customer_last_name = null, note = null,
                shipping_name = null, shipping_company = null, shipping_address1 = null, shipping_address2 = null,
                shipping_city = null, shipping_province = null, shipping_province_code = null, shipping_country = null,
                shipping_country_code = null, shipping_zip = null, shipping_phone = null, billing_name = null,
                billing_address1 = null, billing_address2 = null, billing_city = null, billing_province = null,
                billing_country_code = null, billing_zip = null, billing_phone = null""";

    /** Whole versions, newer than the stored one (or filling a placeholder); redacted_at stays once set. */
    private static final String VERSIONS = """
            insert into orders.customer_order as c (shop_domain, shopify_id, shopify_customer_id, order_number, name,
                email, phone, customer_first_name, customer_last_name, note, currency, subtotal_price,
                total_shipping_price, total_tax, total_discounts, total_price, financial_status, fulfillment_status,
                cancelled_at, cancel_reason, created_at, processed_at, placed_at, updated_at, shipping_name,
                shipping_company, shipping_address1, shipping_address2, shipping_city, shipping_province,
                shipping_province_code, shipping_country, shipping_country_code, shipping_zip, shipping_phone,
                billing_name, billing_address1, billing_address2, billing_city, billing_province, billing_country_code,
                billing_zip, billing_phone, redacted_at, item_count, synced_at)
            select *, now() from unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[],
                $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::numeric[], $13::numeric[],
                $14::numeric[], $15::numeric[], $16::numeric[], $17::text[], $18::text[], $19::timestamptz[],
                $20::text[], $21::timestamptz[], $22::timestamptz[], $23::timestamptz[], $24::timestamptz[],
                $25::text[], $26::text[], $27::text[], $28::text[], $29::text[], $30::text[], $31::text[], $32::text[],
                $33::text[], $34::text[], $35::text[], $36::text[], $37::text[], $38::text[], $39::text[], $40::text[],
                $41::text[], $42::text[], $43::text[], $44::timestamptz[], $45::integer[])
            on conflict (shop_domain, shopify_id) do update set
                shopify_customer_id = excluded.shopify_customer_id, order_number = excluded.order_number,
                name = excluded.name, email = excluded.email, phone = excluded.phone,
                customer_first_name = excluded.customer_first_name, customer_last_name = excluded.customer_last_name,
                note = excluded.note, currency = excluded.currency, subtotal_price = excluded.subtotal_price,
                total_shipping_price = excluded.total_shipping_price, total_tax = excluded.total_tax,
                total_discounts = excluded.total_discounts, total_price = excluded.total_price,
                financial_status = excluded.financial_status, fulfillment_status = excluded.fulfillment_status,
                cancelled_at = excluded.cancelled_at, cancel_reason = excluded.cancel_reason,
                created_at = excluded.created_at, processed_at = excluded.processed_at, placed_at = excluded.placed_at,
                updated_at = excluded.updated_at, shipping_name = excluded.shipping_name,
                shipping_company = excluded.shipping_company, shipping_address1 = excluded.shipping_address1,
                shipping_address2 = excluded.shipping_address2, shipping_city = excluded.shipping_city,
                shipping_province = excluded.shipping_province,
                shipping_province_code = excluded.shipping_province_code,
                shipping_country = excluded.shipping_country, shipping_country_code = excluded.shipping_country_code,
                shipping_zip = excluded.shipping_zip, shipping_phone = excluded.shipping_phone,
                billing_name = excluded.billing_name, billing_address1 = excluded.billing_address1,
                billing_address2 = excluded.billing_address2, billing_city = excluded.billing_city,
                billing_province = excluded.billing_province, billing_country_code = excluded.billing_country_code,
                billing_zip = excluded.billing_zip, billing_phone = excluded.billing_phone,
                redacted_at = coalesce(excluded.redacted_at, c.redacted_at), item_count = excluded.item_count,
                synced_at = excluded.synced_at
            where c.deleted_at is null and (c.updated_at is null or c.updated_at < excluded.updated_at)
            returning c.id""";

    /**
     * An applied fulfillment syncs its order now (a placeholder when the order has no row yet); an applied edit moves
     * last_edited_at forward.
     */
    private static final String MARKS = """
            insert into orders.customer_order as c (shop_domain, shopify_id, synced_at, last_edited_at)
            select shop_domain, shopify_id, case when fulfilled then now() end, edited_at
            from unnest($1::text[], $2::bigint[], $3::boolean[], $4::timestamptz[])
                as m(shop_domain, shopify_id, fulfilled, edited_at)
            on conflict (shop_domain, shopify_id) do update set
                synced_at = coalesce(excluded.synced_at, c.synced_at),
                last_edited_at = greatest(c.last_edited_at, excluded.last_edited_at)
            where c.deleted_at is null
            returning c.id""";

    /**
     * orders/delete: lines, fulfillments and personal data go, and the row stays so no late event revives the order;
     * one never seen gets a tombstone that stops its create.
     */
    private static final String TOMBSTONES = """
            with tombstones as (
                insert into orders.customer_order as c (shop_domain, shopify_id, deleted_at)
                select * from unnest($1::text[], $2::bigint[], $3::timestamptz[])
                on conflict (shop_domain, shopify_id) do update set deleted_at = excluded.deleted_at, item_count = 0,
                    %s
                where c.deleted_at is null
                returning c.id),
            lines as (delete from orders.order_line l using tombstones t where l.order_id = t.id),
            fulfillments as (delete from orders.order_fulfillment f using tombstones t where f.order_id = t.id)
            select id from tombstones""".formatted(ERASE_PERSONAL_DATA);

    /**
     * Each version's lines, matched by Shopify line id: lines gone from the version ($1, $2: the orders) are
     * deleted, the others updated in place, new ones inserted in the version's order (ids order the lines).
     */
    private static final String LINES = """
            with reconciled as (
                select o.id, o.shop_domain, o.shopify_id from unnest($1::text[], $2::bigint[]) as v(shop_domain, shopify_id)
                join orders.customer_order o on o.shop_domain = v.shop_domain and o.shopify_id = v.shopify_id),
            -- a line finds its order among the poll's few reconciled ones, not by an index lookup of its own
            incoming as (
                select r.id as order_id, l.*
                from unnest($3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::text[],
                    $10::text[], $11::integer[], $12::integer[], $13::numeric[], $14::numeric[], $15::bigint[],
                    $16::text[], $17::text[]) with ordinality
                    as l(shop_domain, order_shopify_id, shopify_line_id, product_id, variant_id, title, variant_title,
                         sku, quantity, current_quantity, price, total_discount, selling_plan_id, selling_plan_name,
                         fulfillment_status, position)
                join reconciled r on r.shop_domain = l.shop_domain and r.shopify_id = l.order_shopify_id),
            gone as (
                delete from orders.order_line old using reconciled r
                where old.order_id = r.id
                  and not exists (select 1 from incoming i
                                  where i.order_id = old.order_id and i.shopify_line_id = old.shopify_line_id))
            insert into orders.order_line as l (order_id, shop_domain, shopify_line_id, product_id, variant_id, title,
                variant_title, sku, quantity, current_quantity, price, total_discount, selling_plan_id,
                selling_plan_name, fulfillment_status)
            select order_id, shop_domain, shopify_line_id, product_id, variant_id, title, variant_title, sku, quantity,
                current_quantity, price, total_discount, selling_plan_id, selling_plan_name, fulfillment_status
            from incoming order by position
            on conflict (order_id, shopify_line_id) do update set
                product_id = excluded.product_id, variant_id = excluded.variant_id, title = excluded.title,
                variant_title = excluded.variant_title, sku = excluded.sku, quantity = excluded.quantity,
                current_quantity = excluded.current_quantity, price = excluded.price,
                total_discount = excluded.total_discount, selling_plan_id = excluded.selling_plan_id,
                selling_plan_name = excluded.selling_plan_name, fulfillment_status = excluded.fulfillment_status""";

    /** Fulfillments, each newer than its stored version by its own updated_at (or without one to compare). */
    private static final String FULFILLMENTS = """
            insert into orders.order_fulfillment as f (order_id, shop_domain, shopify_fulfillment_id, name, status,
                shipment_status, tracking_company, tracking_number, tracking_url, created_at, updated_at)
            select o.id, i.shop_domain, i.shopify_fulfillment_id, i.name, i.status, i.shipment_status,
                i.tracking_company, i.tracking_number, i.tracking_url, i.created_at, i.updated_at
            from unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[]) with ordinality
                as i(shop_domain, order_shopify_id, shopify_fulfillment_id, name, status, shipment_status,
                     tracking_company, tracking_number, tracking_url, created_at, updated_at, position)
            join orders.customer_order o on o.shop_domain = i.shop_domain and o.shopify_id = i.order_shopify_id
            order by i.position
            on conflict (order_id, shopify_fulfillment_id) do update set
                name = excluded.name, status = excluded.status, shipment_status = excluded.shipment_status,
                tracking_company = excluded.tracking_company, tracking_number = excluded.tracking_number,
                tracking_url = excluded.tracking_url, created_at = excluded.created_at, updated_at = excluded.updated_at
            where f.updated_at is null or excluded.updated_at is null or f.updated_at < excluded.updated_at
            returning f.id""";

    /** orders/edited as received; an edit recorded before (under another ce_id) is not recorded twice. */
    private static final String EDITS = """
            insert into orders.order_edit (shop_domain, shopify_order_edit_id, shopify_order_id, created_at,
                committed_at, line_item_changes)
            select * from unnest($1::text[], $2::bigint[], $3::bigint[], $4::timestamptz[], $5::timestamptz[],
                $6::text[])
            on conflict (shop_domain, shopify_order_edit_id) do nothing
            returning shopify_order_edit_id""";

    /** In the order they happened: the ids, assigned in that order, are the stream's Last-Event-IDs. */
    private static final String STATUS_CHANGES = """
            insert into orders.order_status_change (shop_domain, shopify_customer_id, shopify_order_id, order_number,
                changes, financial_status, fulfillment_status, cancelled_at, shopify_fulfillment_id,
                fulfillment_status_detail, tracking_company, tracking_number, tracking_url, occurred_at)
            select shop_domain, shopify_customer_id, shopify_order_id, order_number, changes, financial_status,
                fulfillment_status, cancelled_at, shopify_fulfillment_id, fulfillment_status_detail, tracking_company,
                tracking_number, tracking_url, occurred_at
            from unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[],
                $8::timestamptz[], $9::bigint[], $10::text[], $11::text[], $12::text[], $13::text[],
                $14::timestamptz[]) with ordinality
                as s(shop_domain, shopify_customer_id, shopify_order_id, order_number, changes, financial_status,
                     fulfillment_status, cancelled_at, shopify_fulfillment_id, fulfillment_status_detail,
                     tracking_company, tracking_number, tracking_url, occurred_at, position)
            order by position
            returning id""";

    private final PersonalDataCipher cipher;

    public OrderWrites(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Writes the folds on the connection; marks each edit recorded before as a duplicate.
     *
     * @return the status changes written, in order, with their ids
     */
    public Uni<List<OrderStatusChange>> write(SqlConnection connection, List<OrderFold> folds) {
        List<OrderStatusChange> changes = new ArrayList<>();
        folds.forEach(fold -> changes.addAll(fold.statusChanges()));
        List<Uni<Void>> statements = new ArrayList<>();
        guarded(connection, statements, VERSIONS, versions(folds), "order versions");
        guarded(connection, statements, MARKS, marks(folds), "synced and edited orders");
        guarded(connection, statements, TOMBSTONES, tombstones(folds), "deleted orders");
        Tuple lines = lines(folds);
        if (lines != null) {
            statements.add(connection.preparedQuery(LINES).execute(lines).replaceWithVoid());
        }
        guarded(connection, statements, FULFILLMENTS, fulfillments(folds), "fulfillments");
        edits(connection, statements, folds);
        if (!changes.isEmpty()) {
            statements.add(connection
                    .preparedQuery(STATUS_CHANGES)
                    .execute(statusChanges(changes).tuple())
                    .invoke(rows -> {
                        // ids were taken in the order of the rows, whatever order RETURNING lists them in
                        List<Long> ids = new ArrayList<>();
                        rows.forEach(row -> ids.add(row.getLong(0)));
                        ids.sort(null);
                        for (int i = 0; i < changes.size(); i++) {
                            changes.get(i).id = ids.get(i);
                        }
                    })
                    .replaceWithVoid());
        }
        if (statements.isEmpty()) {
            return Uni.createFrom().item(changes);
        }
        // sent one after the other without waiting: the server runs them in this order, in the poll's transaction
        return Uni.join().all(statements).andFailFast().replaceWith(changes);
    }

    /**
     * Runs a statement that answers one row per row it changed; one held back by its guard means the stored state
     * moved after the poll read it, so the poll fails and is tried again from what is stored then.
     */
    private static void guarded(
            SqlConnection connection, List<Uni<Void>> statements, String sql, ColumnArrays rows, String what) {
        if (rows.isEmpty()) {
            return;
        }
        statements.add(connection
                .preparedQuery(sql)
                .execute(rows.tuple())
                .invoke(written -> {
                    if (written.size() != rows.size()) {
                        throw new IllegalStateException(
                                what + ": " + (rows.size() - written.size()) + " of " + rows.size()
                                        + " changed by another transaction after the poll read them; the poll is tried again");
                    }
                })
                .replaceWithVoid());
    }

    private ColumnArrays versions(List<OrderFold> folds) {
        ColumnArrays rows = new ColumnArrays();
        for (OrderFold fold : folds) {
            OrderSnapshot v = fold.version();
            if (v == null) {
                continue;
            }
            OrderSnapshot.Address shipping = v.shippingAddress();
            OrderSnapshot.Address billing = v.billingAddress();
            RowKey order = EncryptedColumns.orderKey(fold.key().shop(), v.id());
            rows.row()
                    .text(fold.key().shop())
                    .bigint(v.id())
                    .bigint(v.customerId())
                    .bigint(v.orderNumber())
                    .text(v.name())
                    .text(encrypt(v.email(), EMAIL, order))
                    .text(encrypt(v.phone(), PHONE, order))
                    .text(encrypt(v.customerFirstName(), CUSTOMER_FIRST_NAME, order))
                    .text(encrypt(v.customerLastName(), CUSTOMER_LAST_NAME, order))
                    .text(encrypt(v.note(), NOTE, order))
                    .text(v.currency())
                    .numeric(v.subtotalPrice())
                    .numeric(v.totalShippingPrice())
                    .numeric(v.totalTax())
                    .numeric(v.totalDiscounts())
                    .numeric(v.totalPrice())
                    .text(v.financialStatus())
                    .text(v.fulfillmentStatus())
                    .timestamptz(v.cancelledAt())
                    .text(v.cancelReason())
                    .timestamptz(v.createdAt())
                    .timestamptz(v.processedAt())
                    .timestamptz(v.placedAt())
                    .timestamptz(v.updatedAt())
                    .text(encrypt(shipping, OrderSnapshot.Address::name, SHIPPING_NAME, order))
                    .text(encrypt(shipping, OrderSnapshot.Address::company, SHIPPING_COMPANY, order))
                    .text(encrypt(shipping, OrderSnapshot.Address::address1, SHIPPING_ADDRESS1, order))
                    .text(encrypt(shipping, OrderSnapshot.Address::address2, SHIPPING_ADDRESS2, order))
                    .text(encrypt(shipping, OrderSnapshot.Address::city, SHIPPING_CITY, order))
                    .text(shipping == null ? null : shipping.province())
                    .text(shipping == null ? null : shipping.provinceCode())
                    .text(shipping == null ? null : shipping.country())
                    .text(shipping == null ? null : shipping.countryCode())
                    .text(encrypt(shipping, OrderSnapshot.Address::zip, SHIPPING_ZIP, order))
                    .text(encrypt(shipping, OrderSnapshot.Address::phone, SHIPPING_PHONE, order))
                    .text(encrypt(billing, OrderSnapshot.Address::name, BILLING_NAME, order))
                    .text(encrypt(billing, OrderSnapshot.Address::address1, BILLING_ADDRESS1, order))
                    .text(encrypt(billing, OrderSnapshot.Address::address2, BILLING_ADDRESS2, order))
                    .text(encrypt(billing, OrderSnapshot.Address::city, BILLING_CITY, order))
                    .text(billing == null ? null : billing.province())
                    .text(billing == null ? null : billing.countryCode())
                    .text(encrypt(billing, OrderSnapshot.Address::zip, BILLING_ZIP, order))
                    .text(encrypt(billing, OrderSnapshot.Address::phone, BILLING_PHONE, order))
                    .timestamptz(fold.redactedAt())
                    .integer(fold.itemCount());
        }
        return rows;
    }

    private static ColumnArrays marks(List<OrderFold> folds) {
        ColumnArrays rows = new ColumnArrays();
        for (OrderFold fold : folds) {
            if (fold.fulfilled() || fold.editedAt() != null) {
                rows.row()
                        .text(fold.key().shop())
                        .bigint(fold.key().orderId())
                        .bool(fold.fulfilled())
                        .timestamptz(fold.editedAt());
            }
        }
        return rows;
    }

    private static ColumnArrays tombstones(List<OrderFold> folds) {
        ColumnArrays rows = new ColumnArrays();
        for (OrderFold fold : folds) {
            if (fold.tombstone() != null) {
                rows.row().text(fold.key().shop()).bigint(fold.key().orderId()).timestamptz(fold.tombstone());
            }
        }
        return rows;
    }

    /** The orders whose lines a version replaces ($1, $2), then all their lines; null when there is none. */
    private static Tuple lines(List<OrderFold> folds) {
        ColumnArrays orders = new ColumnArrays();
        // declared: a version without lines still binds its (empty) line arrays
        ColumnArrays lines = new ColumnArrays(
                TEXT, BIGINT, BIGINT, BIGINT, BIGINT, TEXT, TEXT, TEXT, INTEGER, INTEGER, NUMERIC, NUMERIC, BIGINT,
                TEXT, TEXT);
        for (OrderFold fold : folds) {
            List<OrderSnapshot.Line> kept = fold.lines();
            // a tombstone's lines go with the tombstone
            if (kept == null || fold.deleted()) {
                continue;
            }
            String shop = fold.key().shop();
            long orderId = fold.key().orderId();
            orders.row().text(shop).bigint(orderId);
            for (OrderSnapshot.Line line : kept) {
                lines.row()
                        .text(shop)
                        .bigint(orderId)
                        .bigint(line.id())
                        .bigint(line.productId())
                        .bigint(line.variantId())
                        .text(line.title())
                        .text(line.variantTitle())
                        .text(line.sku())
                        .integer(line.quantity())
                        .integer(line.currentQuantity())
                        .numeric(line.price())
                        .numeric(line.totalDiscount())
                        .bigint(line.sellingPlanId())
                        .text(line.sellingPlanName())
                        .text(line.fulfillmentStatus());
            }
        }
        return orders.isEmpty() ? null : lines.appendTo(orders.tuple());
    }

    private static ColumnArrays fulfillments(List<OrderFold> folds) {
        ColumnArrays rows = new ColumnArrays();
        for (OrderFold fold : folds) {
            for (FulfillmentSnapshot f : fold.fulfillments()) {
                rows.row()
                        .text(fold.key().shop())
                        .bigint(fold.key().orderId())
                        .bigint(f.id())
                        .text(f.name())
                        .text(f.status())
                        .text(f.shipmentStatus())
                        .text(f.trackingCompany())
                        .text(f.trackingNumber())
                        .text(f.trackingUrl())
                        .timestamptz(f.createdAt())
                        .timestamptz(f.updatedAt());
            }
        }
        return rows;
    }

    /** Records the edits; one the table holds already (delivered before under another ce_id) is a duplicate. */
    private static void edits(SqlConnection connection, List<Uni<Void>> statements, List<OrderFold> folds) {
        ColumnArrays rows = new ColumnArrays();
        List<Delivery<OrderChange>> edits = new ArrayList<>();
        for (OrderFold fold : folds) {
            for (Delivery<OrderChange> delivery : fold.edits()) {
                OrderChange.Edit edit = (OrderChange.Edit) delivery.change();
                rows.row()
                        .text(fold.key().shop())
                        .bigint(edit.editId())
                        .bigint(edit.orderId())
                        .timestamptz(edit.createdAt())
                        .timestamptz(edit.committedAt())
                        .text(edit.lineItemChanges());
                edits.add(delivery);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        statements.add(connection
                .preparedQuery(EDITS)
                .execute(rows.tuple())
                .invoke(recorded -> {
                    Set<Long> fresh = new HashSet<>();
                    for (Row row : recorded) {
                        fresh.add(row.getLong(0));
                    }
                    edits.stream()
                            .filter(d -> !fresh.contains(((OrderChange.Edit) d.change()).editId()))
                            .forEach(d -> d.outcome(EventOutcome.DUPLICATE));
                })
                .replaceWithVoid());
    }

    private static ColumnArrays statusChanges(List<OrderStatusChange> changes) {
        ColumnArrays rows = new ColumnArrays();
        for (OrderStatusChange c : changes) {
            rows.row()
                    .text(c.shopDomain)
                    .bigint(c.shopifyCustomerId)
                    .bigint(c.shopifyOrderId)
                    .bigint(c.orderNumber)
                    .text(c.changes)
                    .text(c.financialStatus)
                    .text(c.fulfillmentStatus)
                    .timestamptz(c.cancelledAt)
                    .bigint(c.shopifyFulfillmentId)
                    .text(c.fulfillmentStatusDetail)
                    .text(c.trackingCompany)
                    .text(c.trackingNumber)
                    .text(c.trackingUrl)
                    .timestamptz(c.occurredAt);
        }
        return rows;
    }

    private String encrypt(String value, EncryptedColumn column, RowKey order) {
        return cipher.encrypt(value, column, order);
    }

    private String encrypt(
            OrderSnapshot.Address address,
            Function<OrderSnapshot.Address, String> field,
            EncryptedColumn column,
            RowKey order) {
        return address == null ? null : cipher.encrypt(field.apply(address), column, order);
    }
}
