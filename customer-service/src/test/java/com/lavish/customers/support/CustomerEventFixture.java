package com.lavish.customers.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.customers.EncryptedColumns;
import com.lavish.devstack.DatabaseRows;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.shopifyfake.AppProxySigner;
import com.lavish.testsupport.AppliedEvents;
import com.lavish.testsupport.EventPublisher;
import com.lavish.testsupport.TestShop;
import com.lavish.testsupport.Webhooks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the tests need around the service: Shopify-shaped customer payloads (after Shopify's customers/create
 * example at API 2026-07), published as the webhook gateway does (test-support's {@link EventPublisher}), signed
 * app-proxy queries, and a look into the customer tables over JDBC.
 */
public final class CustomerEventFixture implements AutoCloseable {

    public static final String SHOP = TestShop.SHOP;
    public static final String SECRET = TestShop.SECRET;
    public static final String PREVIOUS_SECRET = "test-only-fake-previous-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventPublisher publisher = new EventPublisher();
    private final DataSource database;
    private final AppliedEvents ledger;
    /** The service's own keyset (the test profile's), to read the encrypted columns as the service does. */
    private final PersonalDataCipher cipher =
            PersonalDataCipher.fromKeyset(ConfigProvider.getConfig().getValue("personal-data.keyset", String.class));

    public CustomerEventFixture(DataSource database) {
        this.database = database;
        this.ledger = new AppliedEvents(database, "customer");
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
        return publisher.publish(Topics.CUSTOMERS, Webhooks.event(type, SHOP, customerId, bytes(body)));
    }

    public String send(String type, long customerId, byte[] body, String ceId, String ceTime) {
        return publisher.publish(Topics.CUSTOMERS, Webhooks.event(ceId, type, SHOP, ceTime, customerId, body));
    }

    public void publish(String key, byte[] value, Headers headers) {
        publish(Topics.CUSTOMERS, key, value, headers);
    }

    /** Publishes to any topic of the contract, as the gateway would, and waits for the broker's ack. */
    public void publish(String topic, String key, byte[] value, Headers headers) {
        publisher.publish(topic, key, value, headers);
    }

    /** Publishes an event to any topic of the contract as the gateway does; returns its ce_id. */
    public String publish(String topic, ShopifyEvent event) {
        return publisher.publish(topic, event);
    }

    public static byte[] bytes(ObjectNode body) {
        return Webhooks.utf8(body);
    }

    /** The query string Shopify's proxy sends for this customer (null: anonymous), signed now. */
    public static String signedQuery(Long customerId) {
        return TestShop.signedQuery(customerId);
    }

    public static String signedQuery(String secret, String shop, Long customerId, Instant timestamp) {
        return new AppProxySigner(secret).query(shop, customerId, timestamp, Map.of());
    }

    public boolean applied(String ceId) {
        return ledger.applied(ceId);
    }

    /** Publishes customers/create for each body (keyed by its id) and waits until every customer has its row. */
    public void createAndAwaitRows(ObjectNode... bodies) {
        for (ObjectNode body : bodies) {
            send("customers/create", body.get("id").longValue(), body);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Arrays.stream(bodies)
                        .noneMatch(
                                body -> customerRow(body.get("id").longValue()).isEmpty()));
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
        return DatabaseRows.of(
                        database,
                        "select t.tag, t.present from customer.customer_tag t join customer.customer c "
                                + "on c.id = t.customer_id where c.shop_domain = ? and c.shopify_id = ? order by t.tag",
                        SHOP,
                        shopifyId)
                .stream()
                .map(row -> row.get("tag") + "=" + row.get("present"))
                .toList();
    }

    /** The customer's address row with this Shopify id, as stored. */
    public Map<String, Object> rawAddressRow(long shopifyId, long shopifyAddressId) {
        return query(
                "select a.* from customer.customer_address a join customer.customer c on c.id = a.customer_id "
                        + "where c.shop_domain = ? and c.shopify_id = ? and a.shopify_address_id = ?",
                SHOP,
                shopifyId,
                shopifyAddressId);
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
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int addressCount(long shopifyId) {
        Map<String, Object> row = query(
                "select count(*) as n from customer.customer_address a join customer.customer c "
                        + "on c.id = a.customer_id where c.shop_domain = ? and c.shopify_id = ?",
                SHOP,
                shopifyId);
        return ((Number) row.get("n")).intValue();
    }

    /** The first row of a query, by column label; empty when there is none. */
    public Map<String, Object> query(String sql, Object... parameters) {
        List<Map<String, Object>> rows = DatabaseRows.of(database, sql, parameters);
        return rows.isEmpty() ? new HashMap<>() : rows.get(0);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
