package com.lavish.shopifyfake.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.shopifyfake.SampleWebhooks;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every webhook the Admin API fake sends has the fields of Shopify's sample for its topic, no more, no fewer. */
class WebhookPayloadsTest {

    /** Fields the fake sends beyond the 2026-07 sample, on purpose (see webhooks/README.md). */
    private static final Set<String> ADDED = Set.of("orders/create:line_items[].selling_plan_id");

    @Test
    @SuppressWarnings("unchecked")
    void everyChangeWebhookHasTheShapeOfShopifysSample() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));
        AdminStore store = new AdminStore(clock, (delay, work) -> work.run(), Duration.ZERO, webhook -> {});
        ShopData shop = store.shop("lavish-test.myshopify.com");
        Outbox outbox = new Outbox(shop.domain());
        String productId = shop.products.values().iterator().next().gid();
        SellingPlanGroups groups = new SellingPlanGroups(shop, outbox);
        Map<String, Object> plan = Map.of(
                "name",
                "Every month",
                "options",
                List.of("Every month"),
                "billingPolicy",
                Map.of("recurring", Map.of("interval", "MONTH", "intervalCount", 1)),
                "deliveryPolicy",
                Map.of("recurring", Map.of("interval", "MONTH", "intervalCount", 1)),
                "pricingPolicies",
                List.of(Map.of(
                        "fixed",
                        Map.of("adjustmentType", "PERCENTAGE", "adjustmentValue", Map.of("percentage", 10.0)))));
        SellingPlanGroup group = (SellingPlanGroup) groups.create(
                        Map.of(
                                "name",
                                "Monthly",
                                "merchantCode",
                                "m",
                                "options",
                                List.of("Delivery every"),
                                "sellingPlansToCreate",
                                List.of(plan)),
                        Map.of("productIds", List.of(productId)))
                .get("sellingPlanGroup");
        String groupId = group.gid();
        new SellingPlanGroups(shop, outbox).update(groupId, Map.of("description", "A book a month"));
        SellingPlan sellingPlan = group.plans().get(0);
        ProductVariant variant = shop.variants.values().iterator().next();
        Subscriptions subscriptions = new Subscriptions(shop, outbox);
        SubscriptionContract contract =
                subscriptions.checkout(shop.customers.keySet().iterator().next(), variant, sellingPlan, 1);
        String contractId = contract.gid();
        new Subscriptions(shop, outbox).setStatus(contractId, "PAUSED");
        new Subscriptions(shop, outbox).setStatus(contractId, "ACTIVE");
        SubscriptionDraft draft = (SubscriptionDraft)
                new Subscriptions(shop, outbox).draft(contractId).get("draft");
        new Subscriptions(shop, outbox).commit(draft.gid());
        Map<String, Object> cycle = Map.of("contractId", contractId, "selector", Map.of("index", 2));
        new Subscriptions(shop, outbox).skip(cycle, true);
        new Subscriptions(shop, outbox).skip(cycle, false);
        shop.billingScripts.put(contract.id(), new ShopData.BillingScript("insufficient_funds", 1));
        for (String key : List.of("a", "b")) {
            SubscriptionBillingAttempt attempt = (SubscriptionBillingAttempt) new Subscriptions(shop, outbox)
                    .createAttempt(contractId, Map.of("idempotencyKey", key))
                    .get("subscriptionBillingAttempt");
            new Subscriptions(shop, outbox).resolve(attempt);
        }
        new Subscriptions(shop, outbox).setStatus(contractId, "FAILED");
        new Subscriptions(shop, outbox).setStatus(contractId, "CANCELLED");
        SubscriptionContract second = new Subscriptions(shop, outbox)
                .checkout(shop.customers.keySet().iterator().next(), variant, sellingPlan, 2);
        new Subscriptions(shop, outbox).setStatus(second.gid(), "EXPIRED");
        new SellingPlanGroups(shop, outbox).delete(groupId);

        Map<String, JsonNode> byTopic = new LinkedHashMap<>();
        for (AdminStore.Webhook webhook : outbox.drain()) {
            byTopic.putIfAbsent(webhook.topic(), SampleWebhooks.JSON.readTree(webhook.body()));
        }

        assertEquals(
                new TreeSet<>(List.of(
                        "orders/create",
                        "customers/purchasing_summary",
                        "products/update",
                        "selling_plan_groups/create",
                        "selling_plan_groups/update",
                        "selling_plan_groups/delete",
                        "subscription_contracts/create",
                        "subscription_contracts/update",
                        "subscription_contracts/activate",
                        "subscription_contracts/pause",
                        "subscription_contracts/cancel",
                        "subscription_contracts/expire",
                        "subscription_contracts/fail",
                        "subscription_billing_cycles/skip",
                        "subscription_billing_cycles/unskip",
                        "subscription_billing_attempts/success",
                        "subscription_billing_attempts/failure")),
                new TreeSet<>(byTopic.keySet()));
        List<String> differences = new ArrayList<>();
        byTopic.forEach((topic, payload) -> compare(topic, SampleWebhooks.tree(topic), payload, "", differences));
        assertEquals(List.of(), differences);
        assertTrue(byTopic.get("subscription_billing_attempts/failure")
                .path("error_code")
                .asText()
                .equals("insufficient_funds"));
    }

    private static void compare(String topic, JsonNode sample, JsonNode actual, String path, List<String> differences) {
        if (sample.isObject() && actual.isObject()) {
            Set<String> fields = new TreeSet<>();
            sample.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                String at = path + (path.isEmpty() ? "" : ".") + field;
                if (!sample.has(field) && !ADDED.contains(topic + ":" + at)) {
                    differences.add(topic + ": extra field " + at);
                } else if (!actual.has(field)) {
                    differences.add(topic + ": missing field " + at);
                } else if (sample.has(field)) {
                    compare(topic, sample.get(field), actual.get(field), at, differences);
                }
            }
        } else if (sample.isArray() && actual.isArray() && sample.size() > 0 && actual.size() > 0) {
            Iterator<JsonNode> first = actual.elements();
            compare(topic, sample.get(0), first.next(), path + "[]", differences);
        } else if (!sample.isNull() && !actual.isNull() && sample.getNodeType() != actual.getNodeType()) {
            differences.add(
                    topic + ": " + path + " is " + actual.getNodeType() + ", Shopify's is " + sample.getNodeType());
        }
    }
}
