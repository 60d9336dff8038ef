package com.lavish.shopifyfake.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * customers/purchasing_summary: after every order webhook the fake sends, the summary of that order's customer, from
 * the orders the fake holds for them, signed and sent like every other webhook.
 */
class PurchasingSummaryTest {

    private static final String TOPIC = "customers/purchasing_summary";
    private static final long ADA = 9007199254740993L;

    private FakeAdmin admin;

    @BeforeEach
    void start() throws Exception {
        admin = new FakeAdmin();
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
    }

    @Test
    void triggeredOrderWebhooksAreEachFollowedByTheirCustomersSummary() throws Exception {
        trigger(
                "customers/create",
                Map.of(
                        "customer_id",
                        ADA,
                        "email",
                        "ada@example.com.au",
                        "first_name",
                        "Ada",
                        "last_name",
                        "Lovelace"));
        trigger("orders/create", Map.of("customer_id", ADA, "order_id", 1001, "cancelled", false));
        JsonNode first = awaitSummaries(1).get(0).json();
        FakeAdmin.Received order = admin.webhooks("orders/create").get(0);
        BigDecimal total =
                new BigDecimal(order.json().path("current_total_price").asText());

        assertTrue(
                admin.webhooks.indexOf(order)
                        < admin.webhooks.indexOf(admin.webhooks(TOPIC).get(0)),
                "the summary follows the order webhook");
        assertEquals(
                List.of("customerId", "numberOfOrders", "amountSpent", "lastOrderId", "occurredAt"),
                fieldNames(first),
                "Shopify's camelCase shape");
        assertEquals("gid://shopify/Customer/" + ADA, first.path("customerId").asText());
        assertEquals(1, first.path("numberOfOrders").asInt());
        assertTrue(first.path("numberOfOrders").isIntegralNumber());
        assertEquals(total.toPlainString(), first.at("/amountSpent/amount").asText());
        assertEquals("AUD", first.at("/amountSpent/currencyCode").asText());
        assertEquals("gid://shopify/Order/1001", first.path("lastOrderId").asText());
        assertTrue(
                first.path("occurredAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                first.path("occurredAt").asText());

        trigger("orders/create", Map.of("customer_id", ADA, "order_id", 1002, "cancelled", false));
        JsonNode second = awaitSummaries(2).get(1).json();
        assertEquals(2, second.path("numberOfOrders").asInt());
        assertEquals(
                total.add(total).toPlainString(),
                second.at("/amountSpent/amount").asText());
        assertEquals("gid://shopify/Order/1002", second.path("lastOrderId").asText());
        assertTrue(
                Instant.parse(second.path("occurredAt").asText())
                        .isAfter(Instant.parse(first.path("occurredAt").asText())),
                "a newer summary is newer");

        // Shopify's orders/cancelled sample is a cancelled order: it still counts, its money does not
        trigger("orders/cancelled", Map.of("customer_id", ADA, "order_id", 1002));
        JsonNode cancelled = awaitSummaries(3).get(2).json();
        assertEquals(2, cancelled.path("numberOfOrders").asInt());
        assertEquals(total.toPlainString(), cancelled.at("/amountSpent/amount").asText());
        assertEquals("gid://shopify/Order/1002", cancelled.path("lastOrderId").asText(), "still the last placed");
    }

    @Test
    void summaryIsSignedAndHeadedLikeEveryWebhook() throws Exception {
        trigger("orders/paid", Map.of("customer_id", ADA, "order_id", 7, "cancelled", false));
        FakeAdmin.Received summary = awaitSummaries(1).get(0);

        assertEquals(FakeAdmin.SHOP, summary.headers().get("X-Shopify-Shop-Domain"));
        assertEquals(FakeAdmin.VERSION, summary.headers().get("X-Shopify-API-Version"));
        assertTrue(summary.headers().get("X-Shopify-Webhook-Id") != null);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(FakeAdmin.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertTrue(
                MessageDigest.isEqual(
                        mac.doFinal(summary.body()),
                        Base64.getDecoder().decode(summary.headers().get("X-Shopify-Hmac-Sha256"))),
                "signed with the secret");
        assertTrue(
                admin.control("GET", "/fake/admin/webhooks", null)
                        .path("webhooks")
                        .findValuesAsText("topic")
                        .contains(TOPIC),
                "listed with the Admin API's webhooks");
    }

    @Test
    void checkoutAndBilledCycleSummariseTheShopsOwnOrdersOfACustomerTheWebhooksNamed() throws Exception {
        trigger(
                "customers/create",
                Map.of(
                        "customer_id",
                        ADA,
                        "email",
                        "ada.reader@example.com.au",
                        "first_name",
                        "Ada",
                        "last_name",
                        "Lovelace"));
        trigger(
                "customers/update",
                Map.of(
                        "customer_id",
                        ADA,
                        "email",
                        "ada.lovelace@example.com.au",
                        "first_name",
                        "Ada",
                        "last_name",
                        "Lovelace"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("customers/update").size() == 1);
        String contractId = admin.subscribeMonthly(ADA);
        JsonNode afterCheckout = awaitSummaries(1).get(0).json();

        assertEquals(1, afterCheckout.path("numberOfOrders").asInt());
        assertEquals("26.96", afterCheckout.at("/amountSpent/amount").asText(), "29.95 less 10%");
        JsonNode order = admin.webhooks("orders/create").get(0).json();
        assertEquals(
                "gid://shopify/Order/" + order.path("id").asLong(),
                afterCheckout.path("lastOrderId").asText());
        // the customer the webhooks named, not one the checkout made up
        assertEquals("ada.lovelace@example.com.au", order.at("/customer/email").asText());
        assertEquals("ada.lovelace@example.com.au", order.path("email").asText());
        assertEquals("Ada", order.at("/customer/first_name").asText());
        assertEquals("Lovelace", order.at("/customer/last_name").asText());
        assertEquals("Ada Lovelace", order.at("/billing_address/name").asText());

        admin.graphql(AdminApiTest.BILL, Map.of("id", contractId, "key", "cycle-1"));
        JsonNode afterBilling = awaitSummaries(2).get(1).json();
        assertEquals(2, afterBilling.path("numberOfOrders").asInt());
        assertEquals("53.92", afterBilling.at("/amountSpent/amount").asText());
        assertTrue(
                Instant.parse(afterBilling.path("occurredAt").asText())
                        .isAfter(Instant.parse(afterCheckout.path("occurredAt").asText())),
                "newer although the test's clock stood still");

        JsonNode customer = admin.graphql(
                        "query($id: ID!) { customer(id: $id) { email firstName numberOfOrders "
                                + "amountSpent { amount currencyCode } } }",
                        Map.of("id", "gid://shopify/Customer/" + ADA))
                .at("/data/customer");
        assertEquals("ada.lovelace@example.com.au", customer.path("email").asText());
        assertEquals("2", customer.path("numberOfOrders").asText(), "the Admin API says what the webhook said");
        assertEquals("53.92", customer.at("/amountSpent/amount").asText());
    }

    @Test
    void mutedSummaryIsNotSentButTheOrderStillCountsInTheNextOne() throws Exception {
        admin.control("POST", "/fake/admin/webhooks/mute", Map.of("topics", List.of(TOPIC), "count", 1));
        String contractId = admin.subscribeMonthly(ADA);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("orders/create").size() == 1);

        admin.graphql(AdminApiTest.BILL, Map.of("id", contractId, "key", "cycle-1"));
        JsonNode next = awaitSummaries(1).get(0).json();
        assertEquals(2, next.path("numberOfOrders").asInt(), "the checkout's order and the billed one");
    }

    private void trigger(String topic, Map<String, Object> options) throws Exception {
        JsonNode answer = admin.control("POST", "/admin/fake/webhooks/" + topic.replace('/', '~'), options);
        assertEquals(200, answer.path("status").asInt(), answer.toString());
    }

    private List<FakeAdmin.Received> awaitSummaries(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.webhooks(TOPIC).size() >= count);
        List<FakeAdmin.Received> summaries = admin.webhooks(TOPIC);
        assertEquals(count, summaries.size(), "one summary per order change");
        return summaries;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
