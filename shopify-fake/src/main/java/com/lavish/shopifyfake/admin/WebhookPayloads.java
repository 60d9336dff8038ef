package com.lavish.shopifyfake.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.shopifyfake.SampleWebhooks;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST-shaped bodies Shopify sends for the fake's changes: snake_case fields, ids as numbers beside their
 * {@code admin_graphql_api_*} gids, statuses and intervals in lower case. The shapes are those of the samples in
 * {@code webhooks/} (Shopify's webhook reference; sources in that folder's README).
 */
final class WebhookPayloads {

    private WebhookPayloads() {}

    static ObjectNode node() {
        return SampleWebhooks.JSON.createObjectNode();
    }

    static String lower(Object value) {
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }

    /** subscription_contracts/*: thin, with no lines and no next billing date, as Shopify sends them. */
    static ObjectNode contract(SubscriptionContract contract) {
        ObjectNode body = node();
        body.put("admin_graphql_api_id", contract.gid());
        body.put("id", contract.id());
        billingPolicy(body, contract.billingPolicy());
        body.put("currency_code", (String) contract.get("currencyCode"));
        long customerId = contract.customerId();
        body.put("customer_id", customerId);
        body.put("admin_graphql_api_customer_id", Gids.of("Customer", customerId));
        deliveryPolicy(body, contract.deliveryPolicy());
        body.put("status", lower(contract.status()));
        body.put("admin_graphql_api_origin_order_id", Gids.of("Order", contract.originOrderId()));
        body.put("origin_order_id", contract.originOrderId());
        body.put("revision_id", contract.revisionId());
        return body;
    }

    /** subscription_billing_attempts/success and /failure. */
    static ObjectNode attempt(SubscriptionBillingAttempt attempt) {
        ObjectNode body = node();
        body.put("id", attempt.id());
        body.put("admin_graphql_api_id", attempt.gid());
        body.put("idempotency_key", (String) attempt.get("idempotencyKey"));
        Long orderId = attempt.orderId();
        if (orderId == null) {
            body.putNull("order_id");
            body.putNull("admin_graphql_api_order_id");
        } else {
            body.put("order_id", orderId);
            body.put("admin_graphql_api_order_id", Gids.of("Order", orderId));
        }
        long contractId = attempt.contractId();
        body.put("subscription_contract_id", contractId);
        body.put("admin_graphql_api_subscription_contract_id", Gids.of("SubscriptionContract", contractId));
        body.put("ready", (Boolean) attempt.get("ready"));
        body.put("error_message", (String) attempt.get("errorMessage"));
        body.put("error_code", lower(attempt.get("errorCode")));
        return body;
    }

    /** subscription_billing_cycles/skip and /unskip. */
    static ObjectNode cycle(Map<String, Object> cycle, long contractId) {
        ObjectNode body = node();
        body.put("subscription_contract_id", contractId);
        body.put("cycle_start_at", (String) cycle.get("cycleStartAt"));
        body.put("cycle_end_at", (String) cycle.get("cycleEndAt"));
        body.put("cycle_index", (Integer) cycle.get("cycleIndex"));
        body.putNull("contract_edit");
        body.put("billing_attempt_expected_date", (String) cycle.get("billingAttemptExpectedDate"));
        body.put("skipped", (Boolean) cycle.get("skipped"));
        body.put("edited", (Boolean) cycle.get("edited"));
        return body;
    }

    /**
     * orders/create: Shopify's sample order with this order's identity, buyer (id, email, names on the customer and
     * both addresses), totals and its lines (each names its selling plan in {@code selling_plan_id}).
     */
    static ObjectNode order(ShopData shop, Order order) {
        Customer customer = shop.customers.get(order.customerId());
        ObjectNode body = SampleWebhooks.variant("orders/create")
                .lavish()
                .customerId(customer.id())
                .email(customer.email())
                .customerName(customer.firstName(), customer.lastName())
                .order(order.id(), order.number())
                .tree();
        String created = (String) order.get("createdAt");
        for (String field : List.of("created_at", "updated_at", "processed_at")) {
            body.put(field, created);
        }
        for (String field : List.of("cancel_reason", "cancelled_at")) {
            body.putNull(field);
        }
        body.put("confirmed", true);
        body.put("test", false);
        body.put("financial_status", "paid");
        body.putNull("fulfillment_status");
        body.put("source_name", (String) order.get("sourceName"));
        body.put("tags", "");
        body.putArray("discount_codes");
        body.putArray("discount_applications");
        body.putArray("shipping_lines");
        body.putArray("refunds");
        body.putArray("fulfillments");
        body.putArray("returns");
        BigDecimal total = order.total();
        for (String field : List.of(
                "current_subtotal_price",
                "current_total_price",
                "subtotal_price",
                "total_line_items_price",
                "total_price",
                "total_outstanding")) {
            body.put(field, total.toPlainString());
        }
        for (String field : List.of(
                "current_subtotal_price_set",
                "current_total_price_set",
                "subtotal_price_set",
                "total_line_items_price_set",
                "total_price_set")) {
            body.set(field, priceSet(total));
        }
        body.put("total_outstanding", "0.00");
        body.put("total_discounts", "0.00");
        body.set("total_discounts_set", priceSet(BigDecimal.ZERO));
        body.set("current_total_discounts_set", priceSet(BigDecimal.ZERO));
        body.put("current_total_discounts", "0.00");
        body.set("total_shipping_price_set", priceSet(BigDecimal.ZERO));
        body.set("current_shipping_price_set", priceSet(BigDecimal.ZERO));
        ObjectNode template = (ObjectNode) body.path("line_items").get(0);
        ArrayNode lines = body.putArray("line_items");
        for (LineItem line : order.lines()) {
            ObjectNode l = template.deepCopy();
            l.put("id", line.id());
            l.put("admin_graphql_api_id", line.gid());
            l.putArray("attributed_staffs");
            int quantity = line.quantity();
            l.put("current_quantity", quantity);
            l.put("fulfillable_quantity", quantity);
            l.put("quantity", quantity);
            l.put("name", (String) line.get("name"));
            l.put("title", (String) line.get("title"));
            l.put("variant_title", (String) line.get("variantTitle"));
            l.put("vendor", (String) line.get("vendor"));
            l.put("sku", (String) line.get("sku"));
            BigDecimal price = line.price();
            l.put("price", price.toPlainString());
            l.set("price_set", priceSet(price));
            l.put("product_id", line.productId());
            l.put("variant_id", line.variantId());
            l.put("grams", 500);
            Long planId = line.sellingPlanId();
            if (planId == null) {
                l.putNull("selling_plan_id");
            } else {
                l.put("selling_plan_id", planId);
            }
            lines.add(l);
        }
        return body;
    }

    /** {@code billing_policy}: interval in lower case, count, min and max cycles (a plan's and a contract's). */
    static void billingPolicy(ObjectNode parent, Map<String, Object> billing) {
        ObjectNode b = parent.putObject("billing_policy");
        b.put("interval", lower(billing.get("interval")));
        putInt(b, "interval_count", billing.get("intervalCount"));
        putInt(b, "min_cycles", billing.get("minCycles"));
        putInt(b, "max_cycles", billing.get("maxCycles"));
    }

    /** {@code delivery_policy}: interval in lower case and count; a plan's adds its own fields after. */
    static ObjectNode deliveryPolicy(ObjectNode parent, Map<String, Object> delivery) {
        ObjectNode d = parent.putObject("delivery_policy");
        d.put("interval", lower(delivery.get("interval")));
        putInt(d, "interval_count", delivery.get("intervalCount"));
        return d;
    }

    private static ObjectNode priceSet(BigDecimal amount) {
        ObjectNode set = node();
        set.putObject("shop_money").put("amount", amount.toPlainString()).put("currency_code", AdminStore.CURRENCY);
        set.putObject("presentment_money")
                .put("amount", amount.toPlainString())
                .put("currency_code", AdminStore.CURRENCY);
        return set;
    }

    static void putInt(ObjectNode node, String field, Object value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, ((Number) value).intValue());
        }
    }
}
