package com.lavish.orders.messaging;

import static com.lavish.orders.support.OrderEventFixture.compliance;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.orders.support.OrderEventFixture;
import com.lavish.shopifyfake.SampleWebhooks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** shopify.compliance in order-service's own group: customers/redact and shop/redact on the orders schema. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrderPrivacyTest {

    @Inject
    AgroalDataSource database;

    @Test
    void customerRedactStripsPersonalDataAndKeepsFiguresLinesAndStatusesEvenAfterALaterUpdate() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            long customer = newId();
            long id = newId();
            long neighboursOrder = newId();
            fixture.send("orders/create", id, order(id, customer, 7001, "2026-07-01T10:00:00Z"));
            fixture.awaitApplied(fixture.send(
                    "orders/create", neighboursOrder, order(neighboursOrder, newId(), 7002, "2026-07-01T10:00:00Z")));
            ObjectNode request = SampleWebhooks.variant("customers/redact")
                    .customerId(customer)
                    .shopDomain(OrderEventFixture.SHOP)
                    .tree();
            String ceId = fixture.send(
                    Topics.COMPLIANCE,
                    compliance("customers/redact", OrderEventFixture.SHOP, customer, request.toString()));

            Map<String, Object> recorded = fixture.awaitPrivacyRequest(ceId);
            assertEquals(customer, recorded.get("shopify_customer_id"));
            assertNotNull(recorded.get("received_at"));
            assertNotNull(recorded.get("completed_at"));
            Map<String, Object> row = fixture.orderRow(id);
            for (String personal : List.of(
                    "email",
                    "phone",
                    "customer_first_name",
                    "customer_last_name",
                    "note",
                    "shipping_name",
                    "shipping_address1",
                    "shipping_city",
                    "shipping_zip",
                    "shipping_phone",
                    "billing_name",
                    "billing_address1",
                    "billing_phone")) {
                assertNull(row.get(personal), personal);
            }
            assertNotNull(row.get("redacted_at"));
            assertEquals(0, new BigDecimal("414.95").compareTo((BigDecimal) row.get("total_price")));
            assertEquals("paid", row.get("financial_status"));
            assertEquals(
                    5,
                    fixture.rows(
                                    "select l.id from orders.order_line l join orders.customer_order o "
                                            + "on o.id = l.order_id where o.shopify_id = ?",
                                    id)
                            .size());
            assertEquals("Shippington", fixture.orderRow(neighboursOrder).get("shipping_city"), "others keep theirs");

            // Shopify's later version of the order carries the data again: it must not come back
            ObjectNode later = order(id, customer, 7001, "2026-07-05T10:00:00Z");
            later.put("financial_status", "refunded");
            fixture.awaitApplied(fixture.send("orders/updated", id, later));
            Map<String, Object> after = fixture.orderRow(id);
            assertEquals("refunded", after.get("financial_status"));
            assertNull(after.get("email"));
            assertNull(after.get("shipping_address1"));
        }
    }

    @Test
    void shopRedactDeletesTheShopsOrdersAndIsRecorded() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            String shop = "privacy-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
            long id = newId();
            byte[] body =
                    order(id, newId(), 8001, "2026-07-01T10:00:00Z").toString().getBytes(StandardCharsets.UTF_8);
            String created = fixture.send(
                    Topics.ORDERS,
                    new ShopifyEvent(
                            UUID.randomUUID().toString(),
                            "orders/create",
                            shop,
                            Instant.now().toString(),
                            Long.toString(id),
                            "2026-07",
                            UUID.randomUUID().toString(),
                            body));
            fixture.awaitApplied(created);
            long ours = newId();
            fixture.awaitApplied(
                    fixture.send("orders/create", ours, order(ours, newId(), 8002, "2026-07-01T10:00:00Z")));

            String ceId = fixture.send(
                    Topics.COMPLIANCE,
                    compliance(
                            "shop/redact",
                            shop,
                            null,
                            SampleWebhooks.variant("shop/redact")
                                    .shopDomain(shop)
                                    .tree()
                                    .toString()));

            Map<String, Object> recorded = fixture.awaitPrivacyRequest(ceId);
            assertNotNull(recorded.get("completed_at"));
            assertEquals(shop, recorded.get("shop_domain"));
            assertTrue(fixture.rows("select 1 from orders.customer_order where shop_domain = ?", shop)
                    .isEmpty());
            assertTrue(fixture.rows("select 1 from orders.order_line where shop_domain = ?", shop)
                    .isEmpty());
            assertTrue(fixture.rows("select 1 from orders.order_status_change where shop_domain = ?", shop)
                    .isEmpty());
            assertTrue(fixture.rows("select 1 from orders.applied_event where shop_domain = ?", shop)
                    .isEmpty());
            assertEquals(8002L, fixture.orderRow(ours).get("order_number"), "another shop's orders stay");
        }
    }
}
