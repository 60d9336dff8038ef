package com.lavish.orders.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;

import com.lavish.consumer.ColumnArrays;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.orders.service.FulfillmentSnapshot;
import com.lavish.orders.service.OrderFold;
import com.lavish.orders.service.StoredOrder;
import com.lavish.orders.service.StoredOrders;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what a poll's decisions need of its orders as stored, in one round trip on the poll's connection: the orders
 * (locked until the poll commits, so what is decided from them still holds when it is written), their fulfillments,
 * and the redacted customers among the buyers. Three set-based statements, sent without waiting (pipelined).
 */
@ApplicationScoped
public class StoredOrderReads {

    /** Locked in one order, so that two transactions over the same orders cannot deadlock. */
    private static final String ORDERS = """
            select shop_domain, shopify_id, shopify_customer_id, order_number, financial_status, fulfillment_status,
                cancelled_at, updated_at, last_edited_at, deleted_at
            from orders.customer_order
            where (shop_domain, shopify_id) in (select * from unnest($1::text[], $2::bigint[]))
            order by shop_domain, shopify_id
            for update""";

    private static final String FULFILLMENTS = """
            select o.shop_domain, o.shopify_id, f.shopify_fulfillment_id, f.name, f.status, f.shipment_status,
                f.tracking_company, f.tracking_number, f.tracking_url, f.created_at, f.updated_at
            from orders.order_fulfillment f join orders.customer_order o on o.id = f.order_id
            where (o.shop_domain, o.shopify_id) in (select * from unnest($1::text[], $2::bigint[]))""";

    /** The first customers/redact of each customer counts (as redacted_at), as OrderPrivacyErasure wrote it. */
    private static final String REDACTED_CUSTOMERS = """
            select shop_domain, shopify_customer_id, min(received_at)
            from orders.privacy_request
            where type = '%s'
              and (shop_domain, shopify_customer_id) in (select * from unnest($1::text[], $2::bigint[]))
            group by shop_domain, shopify_customer_id""".formatted(PrivacyRequest.CUSTOMERS_REDACT);

    /** The orders (locked), their fulfillments, and when each of the buyers asked to be redacted, if they did. */
    public Uni<StoredOrders> lockAndRead(
            SqlConnection connection, Collection<OrderFold.Key> orders, Collection<OrderFold.Customer> buyers) {
        ColumnArrays orderKeys = new ColumnArrays(TEXT, BIGINT);
        orders.forEach(key -> orderKeys.row().text(key.shop()).bigint(key.orderId()));
        Tuple keys = orderKeys.tuple();
        Uni<RowSet<Row>> stored = connection.preparedQuery(ORDERS).execute(keys);
        Uni<RowSet<Row>> fulfillments = connection.preparedQuery(FULFILLMENTS).execute(keys);
        Uni<Map<OrderFold.Customer, Instant>> redacted =
                buyers.isEmpty() ? Uni.createFrom().item(Map.of()) : redactedCustomers(connection, buyers);
        return Uni.combine()
                .all()
                .unis(stored, fulfillments, redacted)
                .with((orderRows, fulfillmentRows, redactions) ->
                        new StoredOrders(orders(orderRows, fulfillmentRows), redactions));
    }

    private static Uni<Map<OrderFold.Customer, Instant>> redactedCustomers(
            SqlConnection connection, Collection<OrderFold.Customer> buyers) {
        ColumnArrays customers = new ColumnArrays(TEXT, BIGINT);
        buyers.forEach(buyer -> customers.row().text(buyer.shop()).bigint(buyer.customerId()));
        return connection
                .preparedQuery(REDACTED_CUSTOMERS)
                .execute(customers.tuple())
                .map(rows -> {
                    Map<OrderFold.Customer, Instant> redacted = new HashMap<>();
                    for (Row row : rows) {
                        redacted.put(new OrderFold.Customer(row.getString(0), row.getLong(1)), instant(row, 2));
                    }
                    return redacted;
                });
    }

    private static Map<OrderFold.Key, StoredOrder> orders(RowSet<Row> orderRows, RowSet<Row> fulfillmentRows) {
        Map<OrderFold.Key, Map<Long, FulfillmentSnapshot>> fulfillments = new HashMap<>();
        for (Row row : fulfillmentRows) {
            long orderId = row.getLong(1);
            FulfillmentSnapshot fulfillment = new FulfillmentSnapshot(
                    row.getLong(2),
                    orderId,
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6),
                    row.getString(7),
                    row.getString(8),
                    instant(row, 9),
                    instant(row, 10));
            fulfillments
                    .computeIfAbsent(new OrderFold.Key(row.getString(0), orderId), k -> new HashMap<>())
                    .put(fulfillment.id(), fulfillment);
        }
        Map<OrderFold.Key, StoredOrder> orders = new HashMap<>();
        for (Row row : orderRows) {
            OrderFold.Key key = new OrderFold.Key(row.getString(0), row.getLong(1));
            orders.put(
                    key,
                    new StoredOrder(
                            row.getLong(2),
                            row.getLong(3),
                            row.getString(4),
                            row.getString(5),
                            instant(row, 6),
                            instant(row, 7),
                            instant(row, 8),
                            instant(row, 9),
                            fulfillments.getOrDefault(key, Map.of())));
        }
        return orders;
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
