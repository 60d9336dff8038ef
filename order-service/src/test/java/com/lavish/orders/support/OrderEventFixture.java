package com.lavish.orders.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DatabaseRows;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataReencryption;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.orders.EncryptedColumns;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.testsupport.AppliedEvents;
import com.lavish.testsupport.EventPublisher;
import com.lavish.testsupport.TestShop;
import com.lavish.testsupport.Webhooks;
import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.common.header.Headers;

/**
 * The order tests' view of the outside: order payloads made from Shopify's own samples (shopify-fake, API 2026-07)
 * with this test's ids and times, published to the real broker as the webhook gateway publishes them, signed
 * app-proxy queries, and rows of the orders schema over JDBC.
 */
public final class OrderEventFixture implements AutoCloseable {

    public static final String SHOP = TestShop.SHOP;
    /** The test profile's app secret, the same as customer-service's. */
    public static final String SECRET = TestShop.SECRET;

    public static final Duration WAIT = AppliedEvents.WAIT;

    private final EventPublisher publisher = new EventPublisher();
    private final DataSource database;
    private final AppliedEvents ledger;

    public OrderEventFixture(DataSource database) {
        this.database = database;
        this.ledger = new AppliedEvents(database, "orders");
    }

    public static long newId() {
        return Webhooks.newEntityId();
    }

    /**
     * Shopify's orders/create sample as this test's order: its id, customer, number and updated_at (with whatever
     * offset the test writes), paid and unfulfilled.
     */
    public static ObjectNode order(long id, long customerId, long number, String updatedAt) {
        ObjectNode order =
                SampleWebhooks.variant("orders/create").customerId(customerId).tree();
        order.put("id", id);
        order.put("admin_graphql_api_id", "gid://shopify/Order/" + id);
        order.put("order_number", number);
        order.put("number", number - 1000);
        order.put("name", "#" + number);
        order.put("updated_at", updatedAt);
        order.put("financial_status", "paid");
        order.putNull("fulfillment_status");
        order.putNull("cancelled_at");
        order.putNull("cancel_reason");
        return order;
    }

    /** Shopify's fulfillments/create sample as a fulfillment of this order. */
    public static ObjectNode fulfillment(long id, long orderId, String trackingNumber, String updatedAt) {
        ObjectNode fulfillment = SampleWebhooks.tree("fulfillments/create");
        fulfillment.put("id", id);
        fulfillment.put("admin_graphql_api_id", "gid://shopify/Fulfillment/" + id);
        fulfillment.put("order_id", orderId);
        fulfillment.put("status", "success");
        fulfillment.put("tracking_number", trackingNumber);
        fulfillment.put("tracking_url", "https://auspost.com.au/mypost/track/details/" + trackingNumber);
        fulfillment.put("tracking_company", "Australia Post");
        fulfillment.put("updated_at", updatedAt);
        return fulfillment;
    }

    /** Publishes a delivery keyed by the order, as the gateway does; returns its ce_id. */
    public String send(String type, long orderId, ObjectNode body) {
        return send(type, orderId, bytes(body), UUID.randomUUID().toString());
    }

    public String send(String type, long orderId, byte[] body, String ceId) {
        return send(Topics.ORDERS, orderEvent(type, orderId, body, ceId));
    }

    /** A shopify.orders delivery as the gateway makes it, keyed by the order. */
    public static ShopifyEvent orderEvent(String type, long orderId, byte[] body, String ceId) {
        return Webhooks.event(ceId, type, SHOP, Instant.now().toString(), orderId, body);
    }

    /** A body as the webhook carries it: UTF-8 JSON. */
    public static byte[] bytes(ObjectNode body) {
        return Webhooks.utf8(body);
    }

    /** A shopify.orders delivery of this body, keyed by the order, with a ce_id of its own. */
    public static ShopifyEvent event(String type, long orderId, ObjectNode body) {
        return Webhooks.event(type, SHOP, orderId, bytes(body));
    }

    /**
     * Publishes deliveries of one order (one key, so one partition) as one record batch: the service gets them in one
     * poll, in this order. Returns their ce_ids.
     */
    public List<String> sendInOnePoll(List<ShopifyEvent> events) {
        return EventPublisher.publishInOnePoll(Topics.ORDERS, events);
    }

    /** Publishes any event to any topic of the contract and waits for the broker's ack; returns its ce_id. */
    public String send(String topic, ShopifyEvent event) {
        return publisher.publish(topic, event);
    }

    /** The same with these headers: the event's own and whatever else the gateway adds (its trace context). */
    public String send(String topic, ShopifyEvent event, Headers headers) {
        return publisher.publish(topic, event, headers);
    }

    /** A shopify.compliance delivery as the gateway publishes it, keyed by the customer when there is one. */
    public static ShopifyEvent compliance(String type, String shop, Long customerId, String body) {
        return Webhooks.event(type, shop, customerId, body);
    }

    /** The privacy_request row of the delivery, once the consumer has recorded it. */
    public Map<String, Object> awaitPrivacyRequest(String ceId) {
        await().atMost(WAIT)
                .until(() -> !rows("select 1 from orders.privacy_request where ce_id = ?", ceId)
                        .isEmpty());
        return rows("select * from orders.privacy_request where ce_id = ?", ceId)
                .get(0);
    }

    public void awaitApplied(String ceId) {
        ledger.awaitApplied(ceId);
    }

    /** The stored order row, its encrypted columns decrypted as the service reads them; or an empty map. */
    public Map<String, Object> orderRow(long shopifyId) {
        Map<String, Object> row = new HashMap<>(rawOrderRow(shopifyId));
        if (!row.isEmpty()) {
            RowKey key = rowKey(row);
            encryptedColumns()
                    .forEach(column ->
                            row.put(column.column(), cipher().decrypt((String) row.get(column.column()), column, key)));
        }
        return row;
    }

    /** The order row as stored: its personal columns hold ciphertext. */
    public Map<String, Object> rawOrderRow(long shopifyId) {
        List<Map<String, Object>> found = rows(
                "select * from orders.customer_order where shop_domain = ? " + "and shopify_id = ?", SHOP, shopifyId);
        return found.isEmpty() ? Map.of() : found.get(0);
    }

    /** The key an order row's encrypted values are bound to, from the row's own key columns. */
    public static RowKey rowKey(Map<String, Object> row) {
        EncryptedTable table = EncryptedColumns.CUSTOMER_ORDER;
        return table.key(table.keyColumns().stream().map(row::get).toArray());
    }

    /** The service's own cipher: the test profile's keyset. */
    public static PersonalDataCipher cipher() {
        return Arc.container().instance(PersonalDataCipher.class).get();
    }

    /** The columns the service stores encrypted, as its re-encryption job finds them. */
    public static List<EncryptedColumn> encryptedColumns() {
        return Arc.container().instance(PersonalDataReencryption.class).get().tables().stream()
                .flatMap(table -> table.columns().stream())
                .toList();
    }

    /** A GET as Shopify's app proxy forwards it: the storefront's own parameters ({@code name=value}) signed with the rest. */
    public static Response proxyGet(long customer, String path, String... parameters) {
        Map<String, List<String>> own = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            own.put(parameter.substring(0, equals), List.of(parameter.substring(equals + 1)));
        }
        return given().urlEncodingEnabled(false).get("/proxy/" + path + "?" + TestShop.signedQuery(customer, own));
    }

    /** A timestamptz column's value as JDBC hands it over, as an instant. */
    public static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    public List<Map<String, Object>> statusChanges(long shopifyOrderId) {
        return rows("select * from orders.order_status_change where shopify_order_id = ? order by id", shopifyOrderId);
    }

    /** Every row of a query, each by column label, in order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        return DatabaseRows.of(database, sql, parameters);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
