package com.lavish.orders.messaging;

import static com.lavish.orders.support.OrderEventFixture.bytes;
import static com.lavish.orders.support.OrderEventFixture.event;
import static com.lavish.orders.support.OrderEventFixture.fulfillment;
import static com.lavish.orders.support.OrderEventFixture.instant;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static com.lavish.orders.support.OrderEventFixture.orderEvent;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.sync.ReconcileType;
import com.lavish.orders.support.OrderEventFixture;
import com.lavish.orders.support.OrderTestSupport;
import com.lavish.shopifyfake.SampleWebhooks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * shopify.orders through the real broker into the real database. Records of one order share a key and so a
 * partition, and are consumed in order: once a later record's ce_id is in applied_event, every earlier one of that
 * order has been handled, which is how these tests know that a record which changed nothing was consumed. Records
 * sent one at a time mostly come in polls of their own; those sent as one batch come in one poll.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrderEventsConsumerTest extends OrderTestSupport {

    @Test
    void createBecomesAnOrderWithLinesTotalsAndShippingAddress() {
        long id = newId();
        long customer = newId();
        fixture.awaitApplied(fixture.send("orders/create", id, order(id, customer, 1001, "2026-07-01T10:00:00+10:00")));

        Map<String, Object> row = fixture.orderRow(id);
        assertEquals(customer, row.get("shopify_customer_id"));
        assertEquals(1001L, row.get("order_number"));
        assertEquals("#1001", row.get("name"));
        assertEquals("USD", row.get("currency"));
        // the current_* figures of Shopify's sample: after edits
        assertEquals(0, new BigDecimal("414.95").compareTo((BigDecimal) row.get("total_price")));
        assertEquals(0, new BigDecimal("414.95").compareTo((BigDecimal) row.get("subtotal_price")));
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) row.get("total_shipping_price")));
        assertEquals("paid", row.get("financial_status"));
        assertEquals("Shippington", row.get("shipping_city"));
        assertEquals("Steve Shipper", row.get("shipping_name"));
        assertEquals(Instant.parse("2026-07-01T00:00:00Z"), instant(row.get("updated_at")));
        assertEquals(
                Instant.parse("2022-01-01T00:00:00Z"), instant(row.get("placed_at")), "processed_at, as an instant");

        List<Map<String, Object>> lines = fixture.rows(
                "select l.* from orders.order_line l join orders.customer_order o "
                        + "on o.id = l.order_id where o.shopify_id = ? order by l.id",
                id);
        assertEquals(5, lines.size());
        assertEquals(487817672276298554L, lines.get(0).get("shopify_line_id"), "an id beyond 2^53, exact");
        assertEquals(
                0, new BigDecimal("89.99").compareTo((BigDecimal) lines.get(0).get("price")));
        assertEquals(788032119674292922L, lines.get(0).get("product_id"));
        assertNull(lines.get(0).get("selling_plan_id"), "a 2026-07 line names no selling plan");

        List<Map<String, Object>> changes = fixture.statusChanges(id);
        assertEquals(1, changes.size());
        assertEquals("placed", changes.get(0).get("changes"));
        assertEquals(customer, changes.get(0).get("shopify_customer_id"));
        ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("order_events_total{outcome=\"applied\",type=\"orders/create\"}"));
    }

    @Test
    void sellingPlanOfALineIsKeptWhenThePayloadNamesIt() {
        long id = newId();
        ObjectNode body = order(id, newId(), 1002, "2026-07-01T10:00:00Z");
        // the shape orders webhooks have from API 2026-10
        ((ObjectNode) body.get("line_items").get(0)).put("selling_plan_id", 690875514L);
        fixture.awaitApplied(fixture.send("orders/create", id, body));

        assertEquals(
                690875514L,
                fixture.rows(
                                "select l.selling_plan_id from orders.order_line l join "
                                        + "orders.customer_order o on o.id = l.order_id where o.shopify_id = ? and l.shopify_line_id = ?",
                                id,
                                487817672276298554L)
                        .get(0)
                        .get("selling_plan_id"));
    }

    /** An Order node as the Admin API answers reconciliation's query (camelCase, gids, enums, MoneyBags). */
    private static ObjectNode orderNode(
            long id, long customer, String updatedAt, String financial, String fulfillment) {
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.put("id", "gid://shopify/Order/" + id)
                .put("name", "#1010")
                .put("number", 1010)
                .put("updatedAt", updatedAt)
                .put("createdAt", "2026-07-01T00:00:00Z")
                .put("processedAt", "2026-07-01T00:00:00Z")
                .put("currencyCode", "AUD")
                .put("displayFinancialStatus", financial)
                .put("displayFulfillmentStatus", fulfillment)
                .put("email", "reader@example.com");
        node.putObject("customer").put("id", "gid://shopify/Customer/" + customer);
        node.putObject("currentTotalPriceSet")
                .putObject("shopMoney")
                .put("amount", "44.90")
                .put("currencyCode", "AUD");
        node.putObject("shippingAddress")
                .put("firstName", "Ada")
                .put("lastName", "Reader")
                .put("city", "Hobart")
                .put("provinceCode", "TAS")
                .put("countryCodeV2", "AU");
        ObjectNode line = node.putObject("lineItems").putArray("nodes").addObject();
        line.put("id", "gid://shopify/LineItem/9007199254740993")
                .put("title", "Monthly book box")
                .put("quantity", 1)
                .put("sku", "BOX-M");
        line.putObject("variant").put("id", "gid://shopify/ProductVariant/42");
        line.putObject("product").put("id", "gid://shopify/Product/41");
        line.putObject("sellingPlan")
                .put("sellingPlanId", "gid://shopify/SellingPlan/77")
                .put("name", "Monthly");
        line.putObject("originalUnitPriceSet")
                .putObject("shopMoney")
                .put("amount", "44.90")
                .put("currencyCode", "AUD");
        return node;
    }

    private String sendReconciled(long id, ObjectNode node) {
        return fixture.send(
                Topics.ORDERS,
                new ShopifyEvent(
                        "reconcile:gid://shopify/Order/" + id + ":"
                                + node.get("updatedAt").asText(),
                        ReconcileType.ORDERS.eventType(),
                        OrderEventFixture.SHOP,
                        Instant.now().toString(),
                        Long.toString(id),
                        "2026-07",
                        null,
                        bytes(node)));
    }

    @Test
    void orderHealedByReconciliationReadsLikeItsWebhookAndStaysInVersionOrder() {
        long id = newId();
        long customer = newId();
        fixture.awaitApplied(
                sendReconciled(id, orderNode(id, customer, "2026-07-02T10:00:00Z", "PAID", "PARTIALLY_FULFILLED")));

        Map<String, Object> row = fixture.orderRow(id);
        assertEquals(customer, row.get("shopify_customer_id"));
        assertEquals(1010L, row.get("order_number"), "Order.number is the webhook's order_number");
        assertEquals("paid", row.get("financial_status"));
        assertEquals(
                "partial", row.get("fulfillment_status"), "GraphQL's PARTIALLY_FULFILLED is the webhook's partial");
        assertEquals(0, new BigDecimal("44.90").compareTo((BigDecimal) row.get("total_price")));
        assertEquals("Ada Reader", row.get("shipping_name"));
        Map<String, Object> line = fixture.rows(
                        "select l.* from orders.order_line l join orders.customer_order o "
                                + "on o.id = l.order_id where o.shopify_id = ?",
                        id)
                .get(0);
        assertEquals(9007199254740993L, line.get("shopify_line_id"));
        assertEquals(77L, line.get("selling_plan_id"));

        // a webhook older than the reconciled version arrives late: the node's newer state stands
        ObjectNode late = order(id, customer, 1010, "2026-07-01T10:00:00Z");
        late.put("financial_status", "pending");
        fixture.awaitApplied(fixture.send("orders/updated", id, late));
        assertEquals("paid", fixture.orderRow(id).get("financial_status"));
        OrderEventFixture.proxyGet(customer, "orders/1010").then().statusCode(200);
    }

    @Test
    void duplicateDeliveryChangesNothingEvenWithDifferentData() {
        long id = newId();
        long customer = newId();
        String ceId = UUID.randomUUID().toString();
        fixture.send("orders/create", id, bytes(order(id, customer, 1003, "2026-02-01T10:00:00Z")), ceId);
        ObjectNode impostor = order(id, customer, 1003, "2026-02-02T10:00:00Z");
        impostor.put("financial_status", "refunded");
        // the same delivery again, carrying a newer version: deduplicated by updated_at alone, it would apply
        fixture.send("orders/updated", id, bytes(impostor), ceId);
        fixture.awaitApplied(fixture.send("orders/updated", id, order(id, customer, 1003, "2026-01-01T00:00:00Z")));

        assertEquals("paid", fixture.orderRow(id).get("financial_status"));
        assertEquals(1, fixture.statusChanges(id).size());
    }

    @Test
    void olderUpdateDoesNotOverwriteNewerWhateverTheOffsets() {
        long id = newId();
        long customer = newId();
        fixture.send("orders/create", id, order(id, customer, 1004, "2026-03-01T10:00:00Z"));
        ObjectNode newest = order(id, customer, 1004, "2026-03-01T21:00:00+10:00"); // 11:00Z
        newest.put("financial_status", "partially_refunded");
        fixture.send("orders/updated", id, newest);
        ObjectNode older = order(id, customer, 1004, "2026-03-01T06:30:00-04:00"); // 10:30Z, later as text
        older.put("financial_status", "voided");
        fixture.send("orders/cancelled", id, older);
        ObjectNode sameInstant = order(id, customer, 1004, "2026-03-01T11:00:00Z");
        sameInstant.put("financial_status", "refunded");
        fixture.awaitApplied(fixture.send("orders/paid", id, sameInstant));

        Map<String, Object> row = fixture.orderRow(id);
        assertEquals("partially_refunded", row.get("financial_status"));
        assertEquals(Instant.parse("2026-03-01T11:00:00Z"), instant(row.get("updated_at")));
        ManagementPort.given()
                .get("/q/metrics")
                .then()
                .body(containsString("order_events_total{outcome=\"stale\",type=\"orders/cancelled\"}"));
    }

    @Test
    void deleteLeavesATombstoneThatALateUpdateNeverRevives() {
        long id = newId();
        long customer = newId();
        fixture.send("orders/create", id, order(id, customer, 1005, "2026-04-01T10:00:00Z"));
        ObjectNode deletion = SampleWebhooks.tree("orders/delete").put("id", id);
        fixture.send("orders/delete", id, deletion);
        fixture.awaitApplied(fixture.send("orders/updated", id, order(id, customer, 1005, "2027-01-01T00:00:00Z")));

        Map<String, Object> row = fixture.orderRow(id);
        assertNotNull(row.get("deleted_at"));
        assertNull(row.get("email"));
        assertNull(row.get("shipping_address1"));
        assertEquals(Instant.parse("2026-04-01T10:00:00Z"), instant(row.get("updated_at")));
        assertTrue(fixture.rows(
                        "select 1 from orders.order_line l join orders.customer_order o on o.id = l.order_id "
                                + "where o.shopify_id = ?",
                        id)
                .isEmpty());
    }

    @Test
    void deleteThatOvertakesTheCreateStopsTheCreate() {
        long id = newId();
        fixture.send("orders/delete", id, SampleWebhooks.tree("orders/delete").put("id", id));
        fixture.awaitApplied(fixture.send("orders/create", id, order(id, newId(), 1006, "2026-04-01T10:00:00Z")));

        Map<String, Object> row = fixture.orderRow(id);
        assertNotNull(row.get("deleted_at"));
        assertNull(row.get("order_number"));
        assertTrue(fixture.statusChanges(id).isEmpty());
    }

    @Test
    void eachStatusChangeIsOneRowWithTheNewStatuses() {
        long id = newId();
        long customer = newId();
        long shipment = newId();
        fixture.send("orders/create", id, order(id, customer, 1007, "2026-05-01T10:00:00Z"));
        // a newer version with the same statuses: applied, but no status changed
        fixture.send("orders/updated", id, order(id, customer, 1007, "2026-05-01T11:00:00Z"));
        fixture.send("fulfillments/create", id, fulfillment(shipment, id, "TRACK-1", "2026-05-02T09:00:00+10:00"));
        ObjectNode fulfilled = order(id, customer, 1007, "2026-05-02T10:00:00Z");
        fulfilled.put("fulfillment_status", "fulfilled");
        fixture.send("orders/fulfilled", id, fulfilled);
        // the same fulfillment version again (another delivery), then newer tracking
        fixture.send("fulfillments/update", id, fulfillment(shipment, id, "TRACK-1", "2026-05-01T23:00:00Z"));
        fixture.send("fulfillments/update", id, fulfillment(shipment, id, "TRACK-2", "2026-05-03T10:00:00Z"));
        ObjectNode cancelled = order(id, customer, 1007, "2026-05-04T10:00:00Z");
        cancelled.put("fulfillment_status", "fulfilled");
        cancelled.put("financial_status", "refunded");
        cancelled.put("cancelled_at", "2026-05-04T10:00:00Z");
        fixture.awaitApplied(fixture.send("orders/cancelled", id, cancelled));

        List<Map<String, Object>> changes = fixture.statusChanges(id);
        assertEquals(
                List.of("placed", "fulfillment", "fulfillment_status", "tracking", "financial_status,cancelled"),
                changes.stream().map(c -> c.get("changes")).toList());
        Map<String, Object> shipped = changes.get(1);
        assertEquals(shipment, shipped.get("shopify_fulfillment_id"));
        assertEquals("TRACK-1", shipped.get("tracking_number"));
        assertEquals("Australia Post", shipped.get("tracking_company"));
        assertEquals(Instant.parse("2026-05-01T23:00:00Z"), instant(shipped.get("occurred_at")));
        assertEquals("TRACK-2", changes.get(3).get("tracking_number"));
        Map<String, Object> last = changes.get(4);
        assertEquals("refunded", last.get("financial_status"));
        assertEquals("fulfilled", last.get("fulfillment_status"));
        assertEquals(Instant.parse("2026-05-04T10:00:00Z"), instant(last.get("cancelled_at")));
        assertEquals(customer, last.get("shopify_customer_id"));
        assertEquals(1007L, last.get("order_number"));
        assertEquals(OrderEventFixture.SHOP, last.get("shop_domain"));
        assertEquals(
                "TRACK-2",
                fixture.rows(
                                "select f.tracking_number from orders.order_fulfillment f join "
                                        + "orders.customer_order o on o.id = f.order_id where o.shopify_id = ?",
                                id)
                        .get(0)
                        .get("tracking_number"));
    }

    @Test
    void fulfillmentBeforeItsOrderIsKeptAndTheOrderFillsIn() {
        long id = newId();
        long customer = newId();
        fixture.send("fulfillments/create", id, fulfillment(newId(), id, "EARLY-1", "2026-06-01T10:00:00Z"));
        fixture.awaitApplied(fixture.send("orders/create", id, order(id, customer, 1008, "2026-06-01T09:00:00Z")));

        Map<String, Object> row = fixture.orderRow(id);
        assertEquals(1008L, row.get("order_number"));
        assertEquals(
                1,
                fixture.rows(
                                "select f.id from orders.order_fulfillment f join orders.customer_order o "
                                        + "on o.id = f.order_id where o.shopify_id = ?",
                                id)
                        .size());
        assertEquals(
                List.of("placed"),
                fixture.statusChanges(id).stream().map(c -> c.get("changes")).toList());
    }

    @Test
    void editIsRecordedAndMarksTheOrderWithoutTouchingItsLines() {
        long id = newId();
        long editId = newId();
        fixture.send("orders/create", id, order(id, newId(), 1009, "2026-06-01T10:00:00Z"));
        ObjectNode edited = SampleWebhooks.tree("orders/edited");
        ((ObjectNode) edited.get("order_edit"))
                .put("id", editId)
                .put("order_id", id)
                .put("committed_at", "2026-06-02T10:00:00+02:00");
        fixture.awaitApplied(fixture.send("orders/edited", id, edited));

        Map<String, Object> edit = fixture.rows(
                        "select * from orders.order_edit where shopify_order_edit_id = ?", editId)
                .get(0);
        assertEquals(id, edit.get("shopify_order_id"));
        assertTrue(((String) edit.get("line_item_changes")).contains("\"removals\""));
        Map<String, Object> row = fixture.orderRow(id);
        assertEquals(Instant.parse("2026-06-02T08:00:00Z"), instant(row.get("last_edited_at")));
        assertEquals(
                5,
                fixture.rows(
                                "select l.id from orders.order_line l join orders.customer_order o "
                                        + "on o.id = l.order_id where o.shopify_id = ?",
                                id)
                        .size());
    }

    // Several events of one order in one poll (one record batch, OrderEventFixture.sendInOnePoll): the poll is folded
    // and written set-based, and leaves what applying its records one by one would have left.

    /** Waits for the last of the poll's deliveries: the poll is committed whole. */
    private static void sendAndAwait(List<ShopifyEvent> poll) {
        List<String> ceIds = fixture.sendInOnePoll(poll);
        fixture.awaitApplied(ceIds.get(ceIds.size() - 1));
    }

    private List<String> changes(long orderId) {
        return fixture.statusChanges(orderId).stream()
                .map(row -> (String) row.get("changes"))
                .toList();
    }

    @Test
    void versionsOfOneOrderOutOfOrderInOnePollLeaveTheNewestAndOneStatusRowPerRealChange() {
        long id = newId();
        long customer = newId();
        sendAndAwait(List.of(
                event(
                        "orders/create",
                        id,
                        order(id, customer, 1101, "2026-08-01T10:00:00Z").put("financial_status", "pending")),
                event("orders/paid", id, order(id, customer, 1101, "2026-08-01T12:00:00Z")),
                // older than the version before it: stale, whatever it says
                event(
                        "orders/updated",
                        id,
                        order(id, customer, 1101, "2026-08-01T11:00:00Z").put("financial_status", "authorized")),
                event(
                        "orders/partially_fulfilled",
                        id,
                        order(id, customer, 1101, "2026-08-01T23:00:00+10:00").put("fulfillment_status", "partial")),
                // the same instant as the one before it, in another offset: stale
                event(
                        "orders/cancelled",
                        id,
                        order(id, customer, 1101, "2026-08-01T13:00:00Z")
                                .put("financial_status", "refunded")
                                .put("cancelled_at", "2026-08-01T13:00:00Z")),
                // newer, with the statuses it already has: applied, no status row
                event(
                        "orders/updated",
                        id,
                        order(id, customer, 1101, "2026-08-01T14:00:00Z").put("fulfillment_status", "partial"))));

        Map<String, Object> row = fixture.orderRow(id);
        assertEquals("paid", row.get("financial_status"));
        assertEquals("partial", row.get("fulfillment_status"));
        assertNull(row.get("cancelled_at"));
        assertEquals(Instant.parse("2026-08-01T14:00:00Z"), instant(row.get("updated_at")));
        List<Map<String, Object>> changes = fixture.statusChanges(id);
        assertEquals(List.of("placed", "financial_status", "fulfillment_status"), changes(id));
        assertEquals(
                List.of("pending", "paid", "paid"),
                changes.stream().map(change -> change.get("financial_status")).toList(),
                "each as it stood then");
        assertEquals(
                Instant.parse("2026-08-01T13:00:00Z"), instant(changes.get(2).get("occurred_at")));
        ManagementPort.given()
                .get("/q/metrics")
                .then()
                .body(containsString("order_events_total{outcome=\"stale\",type=\"orders/cancelled\"}"));
    }

    @Test
    void aTombstoneIsNotRevivedByALateUpdateOrFulfillmentInTheSamePoll() {
        long id = newId();
        long customer = newId();
        fixture.awaitApplied(fixture.send("orders/create", id, order(id, customer, 1102, "2026-08-02T10:00:00Z")));

        sendAndAwait(List.of(
                event("orders/delete", id, SampleWebhooks.tree("orders/delete").put("id", id)),
                event(
                        "orders/updated",
                        id,
                        order(id, customer, 1102, "2027-01-01T00:00:00Z").put("financial_status", "refunded")),
                event("fulfillments/create", id, fulfillment(newId(), id, "LATE-1", "2027-01-01T00:00:00Z"))));

        Map<String, Object> row = fixture.orderRow(id);
        assertNotNull(row.get("deleted_at"));
        assertEquals("paid", row.get("financial_status"));
        assertEquals(Instant.parse("2026-08-02T10:00:00Z"), instant(row.get("updated_at")));
        assertNull(row.get("email"));
        assertNull(row.get("shipping_city"));
        assertEquals(0, row.get("item_count"));
        assertTrue(fixture.rows(
                        "select 1 from orders.order_line l join orders.customer_order o on o.id = l.order_id "
                                + "where o.shopify_id = ?",
                        id)
                .isEmpty());
        assertTrue(fixture.rows(
                        "select 1 from orders.order_fulfillment f join orders.customer_order o "
                                + "on o.id = f.order_id where o.shopify_id = ?",
                        id)
                .isEmpty());
        assertEquals(List.of("placed"), changes(id));
    }

    @Test
    void aDeleteAheadOfItsCreateInOnePollLeavesOnlyTheTombstone() {
        long id = newId();
        sendAndAwait(List.of(
                event("orders/delete", id, SampleWebhooks.tree("orders/delete").put("id", id)),
                event("orders/create", id, order(id, newId(), 1103, "2026-08-03T10:00:00Z")),
                event("fulfillments/create", id, fulfillment(newId(), id, "GONE-1", "2026-08-03T11:00:00Z"))));

        Map<String, Object> row = fixture.orderRow(id);
        assertNotNull(row.get("deleted_at"));
        assertNull(row.get("order_number"));
        assertTrue(changes(id).isEmpty());
        assertTrue(fixture.rows(
                        "select 1 from orders.order_fulfillment f join orders.customer_order o "
                                + "on o.id = f.order_id where o.shopify_id = ?",
                        id)
                .isEmpty());
    }

    @Test
    void aDeliveryRepeatedInOnePollIsAppliedOnceEvenWithDifferentData() {
        long id = newId();
        long customer = newId();
        String ceId = UUID.randomUUID().toString();
        ObjectNode impostor = order(id, customer, 1104, "2026-08-04T12:00:00Z").put("financial_status", "refunded");
        sendAndAwait(List.of(
                orderEvent(
                        "orders/create",
                        id,
                        bytes(order(id, customer, 1104, "2026-08-04T10:00:00Z").put("financial_status", "pending")),
                        ceId),
                // the same delivery again, carrying a newer version: deduplicated by updated_at alone, it would apply
                orderEvent("orders/partially_fulfilled", id, bytes(impostor), ceId),
                event("orders/paid", id, order(id, customer, 1104, "2026-08-04T11:00:00Z"))));

        assertEquals("paid", fixture.orderRow(id).get("financial_status"));
        assertEquals(List.of("placed", "financial_status"), changes(id));
        assertEquals(
                1,
                fixture.rows("select 1 from orders.applied_event where event_id = ?", ceId)
                        .size());
        ManagementPort.given()
                .get("/q/metrics")
                .then()
                .body(containsString("order_events_total{outcome=\"duplicate\",type=\"orders/partially_fulfilled\"}"));
    }

    @Test
    void aFulfillmentAheadOfItsCreateInOnePollIsKeptWithTheOrderItsCreateFillsIn() {
        long id = newId();
        long shipment = newId();
        sendAndAwait(List.of(
                event("fulfillments/create", id, fulfillment(shipment, id, "EARLY-2", "2026-08-05T10:00:00Z")),
                event("orders/create", id, order(id, newId(), 1105, "2026-08-05T09:00:00Z")),
                event("fulfillments/update", id, fulfillment(shipment, id, "EARLY-3", "2026-08-05T11:00:00Z"))));

        assertEquals(1105L, fixture.orderRow(id).get("order_number"));
        List<Map<String, Object>> fulfillments = fixture.rows(
                "select f.tracking_number from "
                        + "orders.order_fulfillment f join orders.customer_order o on o.id = f.order_id where o.shopify_id = ?",
                id);
        assertEquals(
                List.of("EARLY-3"),
                fulfillments.stream().map(f -> f.get("tracking_number")).toList());
        assertEquals(List.of("placed", "tracking"), changes(id), "the placeholder's own fulfillment shows no change");
    }
}
