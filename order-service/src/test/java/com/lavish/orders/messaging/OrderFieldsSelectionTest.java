package com.lavish.orders.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.WebhookFields;
import com.lavish.orders.service.OrderSnapshot;
import com.lavish.shopifyfake.SampleWebhooks;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order reader reads only the fields it selects (OrderWebhookReader.ORDER_FIELDS): from every one of Shopify's
 * order samples, with a fulfillment and a selling plan added so that every field it reads holds a value, the selected
 * tree and the whole one read as the same order.
 */
class OrderFieldsSelectionTest {

    private final OrderWebhookReader reader = new OrderWebhookReader();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "orders/create",
                "orders/updated",
                "orders/paid",
                "orders/cancelled",
                "orders/fulfilled",
                "orders/partially_fulfilled"
            })
    void aSelectedOrderReadsAsTheWholeOne(String topic) {
        ObjectNode order = SampleWebhooks.variant(topic).lavish().tree();
        order.withArray("fulfillments")
                .addObject()
                .put("id", 255858046)
                .put("name", "#1001.1")
                .put("status", "success")
                .put("shipment_status", "in_transit")
                .put("tracking_company", "Australia Post")
                .put("tracking_number", "AP123")
                .put("tracking_url", "https://auspost.com.au/track/AP123")
                .put("created_at", "2026-07-01T10:00:00+10:00")
                .put("updated_at", "2026-07-02T10:00:00+10:00");
        order.withArray("line_items")
                .get(0)
                .withObject("selling_plan_allocation")
                .putObject("selling_plan")
                .put("id", 3523215)
                .put("name", "Monthly box");
        ((ObjectNode) order.withArray("line_items").get(0))
                .put("current_quantity", 1)
                .put("selling_plan_id", 3523215);
        order.put("contact_email", "reader@example.com.au");
        order.putObject("current_shipping_price_set").putObject("shop_money").put("amount", "9.95");
        ShopifyEvent event = new ShopifyEvent(
                "ce",
                topic,
                "lavish-library.myshopify.com",
                Instant.now().toString(),
                "1",
                "2026-07",
                null,
                order.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        OrderSnapshot whole = reader.order(event, WebhookFields.object(event));
        OrderSnapshot selected = reader.order(event, WebhookFields.object(event, OrderWebhookReader.ORDER_FIELDS));

        assertEquals(whole, selected);
        assertTrue(
                whole.lines().size() > 0 && whole.fulfillments().size() > 0 && whole.shippingAddress() != null,
                "the sample exercises lines, fulfillments and addresses");
    }
}
