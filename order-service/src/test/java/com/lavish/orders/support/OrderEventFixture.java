package com.lavish.orders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DatabaseRows;
import com.lavish.devstack.SharedDevStack;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataReencryption;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.shopifyfake.AppProxySigner;
import com.lavish.shopifyfake.SampleWebhooks;

import io.quarkus.arc.Arc;
import io.restassured.response.Response;

/**
 * The order tests' view of the outside: order payloads made from Shopify's own samples (shopify-fake, API 2026-07)
 * with this test's ids and times, published to the real broker as the webhook gateway publishes them, signed
 * app-proxy queries, and rows of the orders schema over JDBC.
 */
final class OrderEventFixture implements AutoCloseable {

    static final String SHOP = "lavish-test.myshopify.com";
    /** The test profile's app secret, the same as customer-service's. */
    static final String SECRET = "test-only-fake-shopify-secret";
    static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaProducer<String, byte[]> producer;
    /** Holds what it is given until flushed, in one batch per partition: see {@link #sendInOnePoll}. */
    private final KafkaProducer<String, byte[]> batching;
    private final DataSource database;

    OrderEventFixture(DataSource database) {
        this.database = database;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(1024 * 1024));
        this.batching = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** An id no other test uses: the tests share one database per JVM. */
    static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000_000L);
    }

    /**
     * Shopify's orders/create sample as this test's order: its id, customer, number and updated_at (with whatever
     * offset the test writes), paid and unfulfilled.
     */
    static ObjectNode order(long id, long customerId, long number, String updatedAt) {
        ObjectNode order = SampleWebhooks.variant("orders/create").customerId(customerId).tree();
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
    static ObjectNode fulfillment(long id, long orderId, String trackingNumber, String updatedAt) {
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
    String send(String type, long orderId, ObjectNode body) {
        return send(type, orderId, bytes(body), UUID.randomUUID().toString());
    }

    String send(String type, long orderId, byte[] body, String ceId) {
        return send(Topics.ORDERS, orderEvent(type, orderId, body, ceId));
    }

    /** A shopify.orders delivery as the gateway makes it, keyed by the order. */
    static ShopifyEvent orderEvent(String type, long orderId, byte[] body, String ceId) {
        return new ShopifyEvent(ceId, type, SHOP, Instant.now().toString(), Long.toString(orderId), "2026-07",
                UUID.randomUUID().toString(), body);
    }

    /** A body as the webhook carries it: UTF-8 JSON. */
    static byte[] bytes(ObjectNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A shopify.orders delivery of this body, keyed by the order, with a ce_id of its own. */
    static ShopifyEvent event(String type, long orderId, ObjectNode body) {
        return orderEvent(type, orderId, bytes(body), UUID.randomUUID().toString());
    }

    /**
     * Publishes deliveries of one order (one key, so one partition) as one record batch: the broker hands a batch to
     * a consumer whole, so the service gets them in one poll, in this order. Returns their ce_ids.
     */
    List<String> sendInOnePoll(List<ShopifyEvent> events) {
        List<Future<?>> acks = new ArrayList<>();
        events.forEach(event -> acks.add(batching.send(record(Topics.ORDERS, event, event.toHeaders()))));
        batching.flush();
        acks.forEach(ack -> acked(ack, Topics.ORDERS));
        return events.stream().map(ShopifyEvent::id).toList();
    }

    /** Publishes any event to any topic of the contract and waits for the broker's ack; returns its ce_id. */
    String send(String topic, ShopifyEvent event) {
        return send(topic, event, event.toHeaders());
    }

    /** The same with these headers: the event's own and whatever else the gateway adds (its trace context). */
    String send(String topic, ShopifyEvent event, Headers headers) {
        acked(producer.send(record(topic, event, headers)), topic);
        return event.id();
    }

    private static ProducerRecord<String, byte[]> record(String topic, ShopifyEvent event, Headers headers) {
        return new ProducerRecord<>(topic, null, event.recordKey().toString(), event.payload(), headers);
    }

    private static void acked(Future<?> ack, String topic) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A shopify.compliance delivery as the gateway publishes it, keyed by the customer when there is one. */
    static ShopifyEvent compliance(String type, String shop, Long customerId, String body) {
        return new ShopifyEvent(UUID.randomUUID().toString(), type, shop, Instant.now().toString(),
                customerId == null ? null : customerId.toString(), "2026-07", UUID.randomUUID().toString(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** The privacy_request row of the delivery, once the consumer has recorded it. */
    Map<String, Object> awaitPrivacyRequest(String ceId) {
        await().atMost(WAIT).until(() -> !rows("select 1 from orders.privacy_request where ce_id = ?", ceId).isEmpty());
        return rows("select * from orders.privacy_request where ce_id = ?", ceId).get(0);
    }

    void awaitApplied(String ceId) {
        await().atMost(WAIT).until(() -> !rows("select 1 from orders.applied_event where event_id = ?", ceId).isEmpty());
    }

    /** The stored order row, its encrypted columns decrypted as the service reads them; or an empty map. */
    Map<String, Object> orderRow(long shopifyId) {
        Map<String, Object> row = new HashMap<>(rawOrderRow(shopifyId));
        if (!row.isEmpty()) {
            RowKey key = rowKey(row);
            encryptedColumns().forEach(column -> row.put(column.column(),
                    cipher().decrypt((String) row.get(column.column()), column, key)));
        }
        return row;
    }

    /** The order row as stored: its personal columns hold ciphertext. */
    Map<String, Object> rawOrderRow(long shopifyId) {
        List<Map<String, Object>> found = rows("select * from orders.customer_order where shop_domain = ? "
                + "and shopify_id = ?", SHOP, shopifyId);
        return found.isEmpty() ? Map.of() : found.get(0);
    }

    /** The key an order row's encrypted values are bound to, from the row's own key columns. */
    static RowKey rowKey(Map<String, Object> row) {
        EncryptedTable table = EncryptedColumns.CUSTOMER_ORDER;
        return table.key(table.keyColumns().stream().map(row::get).toArray());
    }

    /** The service's own cipher: the test profile's keyset. */
    static PersonalDataCipher cipher() {
        return Arc.container().instance(PersonalDataCipher.class).get();
    }

    /** The columns the service stores encrypted, as its re-encryption job finds them. */
    static List<EncryptedColumn> encryptedColumns() {
        return Arc.container().instance(PersonalDataReencryption.class).get().tables().stream()
                .flatMap(table -> table.columns().stream()).toList();
    }

    /** A GET as Shopify's app proxy forwards it: the storefront's own parameters ({@code name=value}) signed with the rest. */
    static Response proxyGet(long customer, String path, String... parameters) {
        Map<String, List<String>> own = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            own.put(parameter.substring(0, equals), List.of(parameter.substring(equals + 1)));
        }
        return given().urlEncodingEnabled(false).get("/proxy/" + path + "?"
                + new AppProxySigner(SECRET).query(SHOP, customer, Instant.now(), own));
    }

    /** A timestamptz column's value as JDBC hands it over, as an instant. */
    static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    List<Map<String, Object>> statusChanges(long shopifyOrderId) {
        return rows("select * from orders.order_status_change where shopify_order_id = ? order by id", shopifyOrderId);
    }

    /** Every row of a query, each by column label, in order. */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        return DatabaseRows.of(database, sql, parameters);
    }

    @Override
    public void close() {
        producer.close();
        batching.close();
    }
}
