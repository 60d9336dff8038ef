package com.lavish.orders.service;

import com.lavish.consumer.ColumnArrays;
import com.lavish.consumer.privacy.PrivacyErasure;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.orders.repository.OrderWrites;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What Shopify's privacy requests erase in the orders schema (event-consumer's PrivacyRequests records them).
 * customers/redact strips the customer's personal data from their orders and keeps figures, lines and statuses (a
 * shop must keep its sales records); the recorded request also stops later versions of those orders bringing the
 * data back (OrderFold). shop/redact deletes the shop's orders.
 */
@ApplicationScoped
public class OrderPrivacyErasure implements PrivacyErasure {

    private final OrderStatusFeed statusFeed;

    public OrderPrivacyErasure(OrderStatusFeed statusFeed) {
        this.statusFeed = statusFeed;
    }

    /** Everything that names or reaches a person, for every order of each (shop, customer). */
    private static final String REDACT = """
            update orders.customer_order o set redacted_at = r.redacted_at,
                %s
            from unnest($1::text[], $2::bigint[], $3::timestamptz[]) as r(shop_domain, customer_id, redacted_at)
            where o.shop_domain = r.shop_domain and o.shopify_customer_id = r.customer_id""".formatted(OrderWrites.ERASE_PERSONAL_DATA);

    @Override
    public Uni<Void> redactCustomers(SqlConnection connection, List<PrivacyRequest> requests) {
        ColumnArrays rows = new ColumnArrays();
        requests.forEach(
                r -> rows.row().text(r.shopDomain()).bigint(r.customerId()).timestamptz(r.receivedAt()));
        return connection.preparedQuery(REDACT).execute(rows.tuple()).replaceWithVoid();
    }

    /** Their live order streams end: a stream was checked when it opened, and must not outlive the erasure. */
    @Override
    public Uni<Void> afterRedaction(List<PrivacyRequest> redactions) {
        return statusFeed.endStreams(redactions);
    }

    /** Orders with their lines and fulfillments (no foreign key deletes those: V3), edits, status changes, events. */
    @Override
    public List<String> shopTables() {
        return List.of(
                "order_line",
                "order_fulfillment",
                "customer_order",
                "order_edit",
                "order_status_change",
                "applied_event");
    }

    /** app/uninstalled owes nothing here: the shop's data goes with shop/redact, 48 hours later. */
    @Override
    public boolean concerns(String type) {
        return !PrivacyRequest.APP_UNINSTALLED.equals(type);
    }
}
