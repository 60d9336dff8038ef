package com.lavish.customers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;

/**
 * The privacy tests' additions to {@link CustomerEventFixture} (which they use for customers and their rows):
 * Shopify-shaped compliance payloads published to shopify.compliance as the gateway does, customers of any shop
 * on shopify.customers, and a look into privacy_request and a shop's rows.
 */
final class ComplianceEventFixture implements AutoCloseable {

    final CustomerEventFixture customers;

    ComplianceEventFixture(DataSource database) {
        this.customers = new CustomerEventFixture(database);
    }

    /** A shop of one test's own: shop/redact on it touches nobody else's rows. */
    static String newShop() {
        return "privacy-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    }

    /** customers/redact as Shopify's webhook reference shows it. */
    static String customersRedact(String shop, long customerId) {
        return """
                {"shop_id":954889,"shop_domain":"%s","customer":{"id":%d,"email":"john@example.com",\
                "phone":"555-625-1199"},"orders_to_redact":[299938,280263,220458]}""".formatted(shop, customerId);
    }

    static String shopRedact(String shop) {
        return "{\"shop_id\":954889,\"shop_domain\":\"%s\"}".formatted(shop);
    }

    /** Publishes one delivery to shopify.compliance, keyed by the customer when there is one; returns ce_id. */
    String send(String type, String shop, Long customerId, String body, String ceId, String ceTime) {
        ShopifyEvent event = new ShopifyEvent(ceId, type, shop, ceTime, customerId == null ? null : customerId.toString(),
                "2026-07", UUID.randomUUID().toString(), body.getBytes(StandardCharsets.UTF_8));
        customers.publish(Topics.COMPLIANCE, event.recordKey().toString(), event.payload(), event.toHeaders());
        return ceId;
    }

    String send(String type, String shop, Long customerId, String body) {
        return send(type, shop, customerId, body, UUID.randomUUID().toString(), Instant.now().toString());
    }

    /** customers/create of a customer in any shop, on shopify.customers; returns ce_id. */
    String createCustomer(String shop, long id, String firstName) {
        byte[] body = CustomerEventFixture.bytes(CustomerEventFixture.customer(id, "2026-01-01T10:00:00Z", firstName));
        ShopifyEvent event = new ShopifyEvent(UUID.randomUUID().toString(), "customers/create", shop,
                Instant.now().toString(), Long.toString(id), "2026-07", UUID.randomUUID().toString(), body);
        customers.publish(event.recordKey().toString(), body, event.toHeaders());
        return event.id();
    }

    Map<String, Object> privacyRequest(String ceId) {
        return query("select * from customer.privacy_request where ce_id = ?", ceId);
    }

    int privacyRequestCount(String ceId) {
        return count("select count(*) as n from customer.privacy_request where ce_id = ?", ceId);
    }

    /** Customers, addresses and applied events of the shop, all together. */
    int shopRowCount(String shop) {
        return count("select (select count(*) from customer.customer where shop_domain = ?)"
                + " + (select count(*) from customer.customer_address where shop_domain = ?)"
                + " + (select count(*) from customer.applied_event where shop_domain = ?) as n", shop, shop, shop);
    }

    Map<String, Object> customerRow(String shop, long shopifyId) {
        return customers.decrypted(query("select * from customer.customer where shop_domain = ? and shopify_id = ?",
                shop, shopifyId), EncryptedColumns.CUSTOMER);
    }

    private int count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get("n")).intValue();
    }

    private Map<String, Object> query(String sql, Object... parameters) {
        return customers.query(sql, parameters);
    }

    @Override
    public void close() {
        customers.close();
    }
}
