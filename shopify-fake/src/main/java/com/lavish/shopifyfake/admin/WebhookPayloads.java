package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.shopifyfake.SampleWebhooks;

/**
 * The REST-shaped bodies Shopify sends for the fake's changes: snake_case fields, ids as numbers beside their
 * {@code admin_graphql_api_*} gids, statuses and intervals in lower case. The shapes are those of the samples in
 * {@code webhooks/} (Shopify's webhook reference; sources in that folder's README).
 */
final class WebhookPayloads {

    private WebhookPayloads() {
    }

    private static ObjectNode node() {
        return SampleWebhooks.JSON.createObjectNode();
    }

    private static String lower(Object value) {
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }

    private static long number(Object gid) {
        return Gids.number((String) gid);
    }

    /** selling_plan_groups/create and /update. */
    @SuppressWarnings("unchecked")
    static ObjectNode group(ShopData shop, Map<String, Object> group) {
        ObjectNode body = node();
        body.put("admin_graphql_api_id", (String) group.get("id"));
        body.put("id", number(group.get("id")));
        body.put("name", (String) group.get("name"));
        body.put("merchant_code", (String) group.get("merchantCode"));
        body.put("admin_graphql_api_app", "gid://shopify/App/" + AdminApi.APP_ID);
        body.putNull("app_id");
        body.put("description", (String) group.get("description"));
        ArrayNode options = body.putArray("options");
        ((List<String>) group.get("options")).forEach(options::add);
        putInt(body, "position", group.get("position"));
        body.put("summary", SellingPlanGroups.summary(group));
        ArrayNode plans = body.putArray("selling_plans");
        for (Map<String, Object> plan : (List<Map<String, Object>>) group.get("sellingPlans")) {
            ObjectNode p = plans.addObject();
            p.put("name", (String) plan.get("name"));
            ArrayNode planOptions = p.putArray("options");
            ((List<String>) plan.get("options")).forEach(planOptions::add);
            putInt(p, "position", plan.get("position"));
            p.put("description", (String) plan.get("description"));
            billingPolicy(p, (Map<String, Object>) plan.get("billingPolicy"));
            ObjectNode d = deliveryPolicy(p, (Map<String, Object>) plan.get("deliveryPolicy"));
            Map<String, Object> delivery = (Map<String, Object>) plan.get("deliveryPolicy");
            d.putArray("anchors");
            putInt(d, "cutoff", delivery.get("cutoff"));
            d.put("pre_anchor_behavior", lower(delivery.get("preAnchorBehavior")));
            ArrayNode pricing = p.putArray("pricing_policies");
            for (Map<String, Object> policy : (List<Map<String, Object>>) plan.get("pricingPolicies")) {
                ObjectNode pp = pricing.addObject();
                pp.put("adjustment_type", lower(policy.get("adjustmentType")));
                Map<String, Object> value = (Map<String, Object>) policy.get("adjustmentValue");
                pp.put("adjustment_value", value.containsKey("percentage") ? value.get("percentage").toString()
                        : (String) value.get("amount"));
                putInt(pp, "after_cycle", policy.get("afterCycle"));
            }
        }
        body.putArray("product_variants");
        ArrayNode products = body.putArray("products");
        for (long productId : ShopData.productIdsOf(group)) {
            Map<String, Object> product = shop.products.get(productId);
            if (product != null) {
                ObjectNode p = products.addObject();
                p.put("id", productId);
                p.put("storefront_graphql_api_id", "gid://shopify/Product/" + productId);
                p.put("title", (String) product.get("title"));
            }
        }
        return body;
    }

    /** selling_plan_groups/delete. */
    static ObjectNode groupDeleted(Map<String, Object> group) {
        ObjectNode body = node();
        body.put("admin_graphql_api_id", (String) group.get("id"));
        body.put("id", number(group.get("id")));
        return body;
    }

    /** subscription_contracts/*: thin, with no lines and no next billing date, as Shopify sends them. */
    @SuppressWarnings("unchecked")
    static ObjectNode contract(Map<String, Object> contract) {
        ObjectNode body = node();
        body.put("admin_graphql_api_id", (String) contract.get("id"));
        body.put("id", number(contract.get("id")));
        billingPolicy(body, (Map<String, Object>) contract.get("billingPolicy"));
        body.put("currency_code", (String) contract.get("currencyCode"));
        long customerId = (Long) contract.get("_customerId");
        body.put("customer_id", customerId);
        body.put("admin_graphql_api_customer_id", Gids.of("Customer", customerId));
        deliveryPolicy(body, (Map<String, Object>) contract.get("deliveryPolicy"));
        body.put("status", lower(contract.get("status")));
        Long originOrderId = (Long) contract.get("_originOrderId");
        if (originOrderId == null) {
            body.putNull("admin_graphql_api_origin_order_id");
            body.putNull("origin_order_id");
        } else {
            body.put("admin_graphql_api_origin_order_id", Gids.of("Order", originOrderId));
            body.put("origin_order_id", originOrderId);
        }
        body.put("revision_id", (String) contract.get("revisionId"));
        return body;
    }

    /** subscription_billing_attempts/success and /failure. */
    @SuppressWarnings("unchecked")
    static ObjectNode attempt(Map<String, Object> attempt) {
        ObjectNode body = node();
        body.put("id", number(attempt.get("id")));
        body.put("admin_graphql_api_id", (String) attempt.get("id"));
        body.put("idempotency_key", (String) attempt.get("idempotencyKey"));
        Long orderId = (Long) attempt.get("_orderId");
        if (orderId == null) {
            body.putNull("order_id");
            body.putNull("admin_graphql_api_order_id");
        } else {
            body.put("order_id", orderId);
            body.put("admin_graphql_api_order_id", Gids.of("Order", orderId));
        }
        long contractId = (Long) attempt.get("_contractId");
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

    /** products/update. */
    @SuppressWarnings("unchecked")
    static ObjectNode product(Map<String, Object> product) {
        ObjectNode body = node();
        long productId = number(product.get("id"));
        body.put("admin_graphql_api_id", (String) product.get("id"));
        body.put("body_html", (String) product.get("descriptionHtml"));
        body.put("created_at", (String) product.get("createdAt"));
        body.put("handle", (String) product.get("handle"));
        body.put("id", productId);
        body.put("product_type", (String) product.get("productType"));
        body.put("published_at", (String) product.get("publishedAt"));
        body.putNull("template_suffix");
        body.put("title", (String) product.get("title"));
        body.put("updated_at", (String) product.get("updatedAt"));
        body.put("vendor", (String) product.get("vendor"));
        body.put("status", lower(product.get("status")));
        body.put("published_scope", "web");
        body.put("tags", String.join(", ", (List<String>) product.get("tags")));
        ArrayNode variants = body.putArray("variants");
        ArrayNode variantGids = SampleWebhooks.JSON.createArrayNode();
        for (Map<String, Object> variant : (List<Map<String, Object>>) product.get("_variants")) {
            ObjectNode v = variants.addObject();
            v.put("admin_graphql_api_id", (String) variant.get("id"));
            v.putNull("barcode");
            v.putNull("compare_at_price");
            v.put("created_at", (String) variant.get("createdAt"));
            v.put("id", number(variant.get("id")));
            v.put("inventory_policy", "deny");
            putInt(v, "position", variant.get("position"));
            v.put("price", (String) variant.get("price"));
            v.put("product_id", productId);
            v.put("sku", (String) variant.get("sku"));
            v.put("taxable", true);
            v.put("title", (String) variant.get("title"));
            v.put("updated_at", (String) variant.get("updatedAt"));
            v.put("option1", (String) variant.get("title"));
            v.putNull("option2");
            v.putNull("option3");
            v.putNull("image_id");
            v.putNull("inventory_item_id");
            putInt(v, "inventory_quantity", variant.get("inventoryQuantity"));
            putInt(v, "old_inventory_quantity", variant.get("inventoryQuantity"));
            variantGids.addObject().put("admin_graphql_api_id", (String) variant.get("id"))
                    .put("updated_at", (String) variant.get("updatedAt"));
        }
        body.putArray("options");
        body.putArray("images");
        body.putNull("image");
        body.putArray("media");
        body.set("variant_gids", variantGids);
        body.put("has_variants_that_requires_components", false);
        body.putNull("category");
        return body;
    }

    /**
     * orders/create: Shopify's sample order with this order's identity, buyer, totals and its one line (the line
     * names its selling plan in {@code selling_plan_id}).
     */
    @SuppressWarnings("unchecked")
    static ObjectNode order(ShopData shop, Map<String, Object> order) {
        long orderId = number(order.get("id"));
        long orderNumber = (Long) order.get("_orderNumber");
        Map<String, Object> customer = shop.customers.get((Long) order.get("_customerId"));
        ObjectNode body = SampleWebhooks.variant("orders/create").lavish()
                .customerId(number(customer.get("id"))).email((String) customer.get("email"))
                .order(orderId, orderNumber).tree();
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
        BigDecimal total = new BigDecimal((String) ((Map<String, Object>) ((Map<String, Object>) order
                .get("totalPriceSet")).get("shopMoney")).get("amount"));
        for (String field : List.of("current_subtotal_price", "current_total_price", "subtotal_price",
                "total_line_items_price", "total_price", "total_outstanding")) {
            body.put(field, total.toPlainString());
        }
        for (String field : List.of("current_subtotal_price_set", "current_total_price_set", "subtotal_price_set",
                "total_line_items_price_set", "total_price_set")) {
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
        for (Map<String, Object> line : (List<Map<String, Object>>) order.get("_lines")) {
            ObjectNode l = template.deepCopy();
            long lineId = number(line.get("id"));
            l.put("id", lineId);
            l.put("admin_graphql_api_id", (String) line.get("id"));
            l.putArray("attributed_staffs");
            int quantity = (Integer) line.get("quantity");
            l.put("current_quantity", quantity);
            l.put("fulfillable_quantity", quantity);
            l.put("quantity", quantity);
            l.put("name", (String) line.get("name"));
            l.put("title", (String) line.get("title"));
            l.put("variant_title", (String) line.get("variantTitle"));
            l.put("vendor", (String) line.get("vendor"));
            l.put("sku", (String) line.get("sku"));
            BigDecimal price = (BigDecimal) line.get("_price");
            l.put("price", price.toPlainString());
            l.set("price_set", priceSet(price));
            l.put("product_id", (Long) line.get("_productId"));
            l.put("variant_id", (Long) line.get("_variantId"));
            l.put("grams", 500);
            Long planId = (Long) line.get("_sellingPlanId");
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
    private static void billingPolicy(ObjectNode parent, Map<String, Object> billing) {
        ObjectNode b = parent.putObject("billing_policy");
        b.put("interval", lower(billing.get("interval")));
        putInt(b, "interval_count", billing.get("intervalCount"));
        putInt(b, "min_cycles", billing.get("minCycles"));
        putInt(b, "max_cycles", billing.get("maxCycles"));
    }

    /** {@code delivery_policy}: interval in lower case and count; a plan's adds its own fields after. */
    private static ObjectNode deliveryPolicy(ObjectNode parent, Map<String, Object> delivery) {
        ObjectNode d = parent.putObject("delivery_policy");
        d.put("interval", lower(delivery.get("interval")));
        putInt(d, "interval_count", delivery.get("intervalCount"));
        return d;
    }

    private static ObjectNode priceSet(BigDecimal amount) {
        ObjectNode set = node();
        set.putObject("shop_money").put("amount", amount.toPlainString()).put("currency_code", AdminStore.CURRENCY);
        set.putObject("presentment_money").put("amount", amount.toPlainString())
                .put("currency_code", AdminStore.CURRENCY);
        return set;
    }

    private static void putInt(ObjectNode node, String field, Object value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, ((Number) value).intValue());
        }
    }
}
