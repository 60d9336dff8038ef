package com.lavish.customers;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.SharedDevStack;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.shopifyfake.AppProxySigner;

/**
 * What the tests need around the service: Shopify-shaped customer payloads (after Shopify's customers/create
 * example at API 2026-07), a producer that publishes them as the webhook gateway does, signed app-proxy queries,
 * and a look into the customer tables over JDBC.
 */
public final class CustomerEventFixture implements AutoCloseable {

    public static final String SHOP = "lavish-test.myshopify.com";
    public static final String SECRET = "test-only-fake-shopify-secret";
    public static final String PREVIOUS_SECRET = "test-only-fake-previous-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer;
    private final DataSource database;
    /** The service's own keyset (the test profile's), to read the encrypted columns as the service does. */
    private final PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(
            ConfigProvider.getConfig().getValue("personal-data.keyset", String.class));

    public CustomerEventFixture(DataSource database) {
        this.database = database;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A customer id no other test uses: tests share one database and one Redis per JVM. */
    public static long newCustomerId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    /** A customers/* body shaped like Shopify's example, with one address that is also the default. */
    public static ObjectNode customer(long id, String updatedAt, String firstName) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("created_at", "2026-01-01T09:00:00-05:00");
        body.put("updated_at", updatedAt);
        body.put("first_name", firstName);
        body.put("last_name", "Biller");
        body.put("state", "disabled");
        body.put("note", "This customer loves ice cream");
        body.put("verified_email", true);
        body.putNull("multipass_identifier");
        body.put("tax_exempt", false);
        body.put("email", "customer-" + id + "@example.com");
        body.putNull("phone");
        body.put("currency", "AUD");
        ObjectNode address = address(id + 1, firstName, true);
        body.putArray("addresses").add(address.deepCopy());
        body.putArray("tax_exemptions");
        body.put("admin_graphql_api_id", "gid://shopify/Customer/" + id);
        body.set("default_address", address);
        return body;
    }

    /** A customers/delete body: Shopify sends little more than the id. */
    public static ObjectNode deletion(long id) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.putNull("phone");
        body.putArray("addresses");
        body.putArray("tax_exemptions");
        body.put("admin_graphql_api_id", "gid://shopify/Customer/" + id);
        return body;
    }

    public static ObjectNode address(long id, String firstName, boolean isDefault) {
        ObjectNode address = JSON.createObjectNode();
        address.put("id", id);
        address.put("first_name", firstName);
        address.put("last_name", "Biller");
        address.putNull("company");
        address.put("address1", "151 O'Connor Street");
        address.putNull("address2");
        address.put("city", "Ottawa");
        address.put("province", "Ontario");
        address.put("country", "Canada");
        address.put("zip", "K2P 2L8");
        address.put("phone", "555-555-5555");
        address.put("name", firstName + " Biller");
        address.put("province_code", "ON");
        address.put("country_code", "CA");
        address.put("country_name", "Canada");
        address.put("default", isDefault);
        return address;
    }

    public static ArrayNode addresses(ObjectNode body) {
        return (ArrayNode) body.get("addresses");
    }

    /** Publishes one delivery as the gateway does and returns its ce_id. */
    public String send(String type, long customerId, ObjectNode body) {
        return send(type, customerId, bytes(body), UUID.randomUUID().toString(), Instant.now().toString());
    }

    public String send(String type, long customerId, byte[] body, String ceId, String ceTime) {
        ShopifyEvent event = new ShopifyEvent(ceId, type, SHOP, ceTime, Long.toString(customerId), "2026-07",
                UUID.randomUUID().toString(), body);
        publish(event.recordKey().toString(), body, event.toHeaders());
        return ceId;
    }

    public void publish(String key, byte[] value, Headers headers) {
        publish(Topics.CUSTOMERS, key, value, headers);
    }

    /** Publishes to any topic of the contract, as the gateway would, and waits for the broker's ack. */
    public void publish(String topic, String key, byte[] value, Headers headers) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public static byte[] bytes(ObjectNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The query string Shopify's proxy sends for this customer (null: anonymous), signed now. */
    public static String signedQuery(Long customerId) {
        return new AppProxySigner(SECRET).query(SHOP, customerId);
    }

    public static String signedQuery(String secret, String shop, Long customerId, Instant timestamp) {
        return new AppProxySigner(secret).query(shop, customerId, timestamp, Map.of());
    }

    public boolean applied(String ceId) {
        return !query("select event_id from customer.applied_event where event_id = ?", ceId).isEmpty();
    }

    /** Publishes customers/create for each body (keyed by its id) and waits until every customer has its row. */
    public void createAndAwaitRows(ObjectNode... bodies) {
        for (ObjectNode body : bodies) {
            send("customers/create", body.get("id").longValue(), body);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(bodies)
                .noneMatch(body -> customerRow(body.get("id").longValue()).isEmpty()));
    }

    /** The stored customer row, column by column, its personal columns decrypted; or an empty map. */
    public Map<String, Object> customerRow(long shopifyId) {
        return decrypted(rawCustomerRow(shopifyId), EncryptedColumns.CUSTOMER);
    }

    /** The customer row as stored: personal columns hold ciphertext. */
    public Map<String, Object> rawCustomerRow(long shopifyId) {
        return query("select * from customer.customer where shop_domain = ? and shopify_id = ?", SHOP, shopifyId);
    }

    /** The customer's customer_tag rows as "tag=present". */
    public List<String> tagRows(long shopifyId) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select t.tag, t.present from customer.customer_tag t join customer.customer c on c.id = t.customer_id "
                        + "where c.shop_domain = ? and c.shopify_id = ? order by t.tag")) {
            statement.setString(1, SHOP);
            statement.setLong(2, shopifyId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + "=" + result.getBoolean(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The customer's address row with this Shopify id, as stored. */
    public Map<String, Object> rawAddressRow(long shopifyId, long shopifyAddressId) {
        return query("select a.* from customer.customer_address a join customer.customer c on c.id = a.customer_id "
                + "where c.shop_domain = ? and c.shopify_id = ? and a.shopify_address_id = ?", SHOP, shopifyId, shopifyAddressId);
    }

    /** The row with its encrypted columns decrypted as the service would: bound to the row's key. */
    public Map<String, Object> decrypted(Map<String, Object> row, EncryptedTable table) {
        if (row.isEmpty()) {
            return row;
        }
        RowKey key = rowKey(row, table);
        Map<String, Object> plain = new HashMap<>(row);
        for (EncryptedColumn column : table.columns()) {
            plain.put(column.column(), cipher.decrypt((String) row.get(column.column()), column, key));
        }
        return plain;
    }

    /** The key a row's encrypted values are bound to, from the row's own key columns. */
    public static RowKey rowKey(Map<String, Object> row, EncryptedTable table) {
        return table.key(table.keyColumns().stream().map(row::get).toArray());
    }

    public PersonalDataCipher cipher() {
        return cipher;
    }

    /** Runs an update over JDBC, as a row written outside the service would be. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int addressCount(long shopifyId) {
        Map<String, Object> row = query("select count(*) as n from customer.customer_address a join customer.customer c "
                + "on c.id = a.customer_id where c.shop_domain = ? and c.shopify_id = ?", SHOP, shopifyId);
        return ((Number) row.get("n")).intValue();
    }

    /** The first row of a query, by column label; empty when there is none. */
    Map<String, Object> query(String sql, Object... parameters) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (result.next()) {
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
