package com.lavish.customers.support;

import com.lavish.customers.EncryptedColumns;
import com.lavish.events.Topics;
import com.lavish.testsupport.Webhooks;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The privacy tests' additions to {@link CustomerEventFixture} (which they use for customers and their rows):
 * Shopify-shaped compliance payloads published to shopify.compliance as the gateway does, customers of any shop
 * on shopify.customers, and a look into privacy_request and a shop's rows.
 */
public final class ComplianceEventFixture implements AutoCloseable {

    public final CustomerEventFixture customers;

    public ComplianceEventFixture(DataSource database) {
        this.customers = new CustomerEventFixture(database);
    }

    /** A shop of one test's own: shop/redact on it touches nobody else's rows. */
    public static String newShop() {
        return "privacy-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    }

    /** customers/redact as Shopify's webhook reference shows it. */
    public static String customersRedact(String shop, long customerId) {
        return """
                {"shop_id":954889,"shop_domain":"%s","customer":{"id":%d,"email":"john@example.com",\
                "phone":"555-625-1199"},"orders_to_redact":[299938,280263,220458]}""".formatted(shop, customerId);
    }

    public static String shopRedact(String shop) {
        return "{\"shop_id\":954889,\"shop_domain\":\"%s\"}".formatted(shop);
    }

    /** Publishes one delivery to shopify.compliance, keyed by the customer when there is one; returns ce_id. */
    public String send(String type, String shop, Long customerId, String body, String ceId, String ceTime) {
        return customers.publish(
                Topics.COMPLIANCE, Webhooks.event(ceId, type, shop, ceTime, customerId, Webhooks.utf8(body)));
    }

    public String send(String type, String shop, Long customerId, String body) {
        return customers.publish(Topics.COMPLIANCE, Webhooks.event(type, shop, customerId, body));
    }

    /** customers/create of a customer in any shop, on shopify.customers; returns ce_id. */
    public String createCustomer(String shop, long id, String firstName) {
        byte[] body = CustomerEventFixture.bytes(CustomerEventFixture.customer(id, "2026-01-01T10:00:00Z", firstName));
        return customers.publish(Topics.CUSTOMERS, Webhooks.event("customers/create", shop, id, body));
    }

    public Map<String, Object> privacyRequest(String ceId) {
        return query("select * from customer.privacy_request where ce_id = ?", ceId);
    }

    public int privacyRequestCount(String ceId) {
        return count("select count(*) as n from customer.privacy_request where ce_id = ?", ceId);
    }

    /** Customers, addresses and applied events of the shop, all together. */
    public int shopRowCount(String shop) {
        return count(
                "select (select count(*) from customer.customer where shop_domain = ?)"
                        + " + (select count(*) from customer.customer_address where shop_domain = ?)"
                        + " + (select count(*) from customer.applied_event where shop_domain = ?) as n",
                shop,
                shop,
                shop);
    }

    public Map<String, Object> customerRow(String shop, long shopifyId) {
        return customers.decrypted(
                query("select * from customer.customer where shop_domain = ? and shopify_id = ?", shop, shopifyId),
                EncryptedColumns.CUSTOMER);
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
