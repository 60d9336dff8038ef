package com.lavish.shopifyfake.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the control endpoints ({@code /fake/admin/...}) show and do, as plain JSON: ids as gids and as decimal
 * strings (never a JSON number that a double could round).
 */
final class ControlViews {

    private ControlViews() {
    }

    /** {@code POST /fake/admin/checkouts}: ids as numbers or gids. */
    record Checkout(long customerId, long variantId, long sellingPlanId, int quantity) {

        static Checkout of(JsonNode body) {
            long customer = id(body, "customerId");
            long variant = id(body, "variantId");
            long plan = id(body, "sellingPlanId");
            int quantity = body.path("quantity").asInt(1);
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
            }
            return new Checkout(customer, variant, plan, quantity);
        }

        private static long id(JsonNode body, String field) {
            JsonNode value = body.get(field);
            long id = value == null || value.isNull() ? 0 : Gids.number(value.asText());
            if (id == 0) {
                throw new IllegalArgumentException(field + " is required: a Shopify id or gid");
            }
            return id;
        }
    }

    static Map<String, Object> checkout(ShopData shop, Outbox outbox, Checkout checkout) {
        Map<String, Object> variant = shop.variants.get(checkout.variantId());
        if (variant == null) {
            throw new IllegalArgumentException("no product variant " + checkout.variantId() + " in " + shop.domain());
        }
        Map<String, Object> plan = shop.find("SellingPlan", Gids.of("SellingPlan", checkout.sellingPlanId()));
        if (plan == null) {
            throw new IllegalArgumentException("no selling plan " + checkout.sellingPlanId() + " in " + shop.domain());
        }
        if (!"SellingPlanRecurringBillingPolicy".equals(((Map<?, ?>) plan.get("billingPolicy")).get(ShopData.TYPENAME))) {
            throw new IllegalArgumentException("selling plan " + checkout.sellingPlanId() + " is not recurring");
        }
        if (!shop.customers.containsKey(checkout.customerId())) {
            shop.customerWithId(checkout.customerId(), "customer-" + checkout.customerId() + "@example.com",
                    "Lavish", "Reader");
        }
        Map<String, Object> contract = new Subscriptions(shop, outbox).checkout(checkout.customerId(), variant, plan,
                checkout.quantity());
        Map<String, Object> answer = new LinkedHashMap<>();
        long orderId = (Long) contract.get("_originOrderId");
        answer.put("orderId", Gids.of("Order", orderId));
        answer.put("orderName", shop.orders.get(orderId).get("name"));
        answer.put("contractId", contract.get("id"));
        answer.put("customerId", Gids.of("Customer", checkout.customerId()));
        answer.put("customerPaymentMethodId", new ContractState(contract).paymentMethodGid());
        answer.put("nextBillingDate", contract.get("nextBillingDate"));
        answer.put("revisionId", contract.get("revisionId"));
        answer.put("status", contract.get("status"));
        return answer;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> products(ShopData shop) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (Map<String, Object> product : shop.products.values()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", product.get("id"));
            view.put("title", product.get("title"));
            view.put("handle", product.get("handle"));
            view.put("updatedAt", product.get("updatedAt"));
            List<Map<String, Object>> variants = new ArrayList<>();
            for (Map<String, Object> variant : (List<Map<String, Object>>) product.get("_variants")) {
                variants.add(Map.of("id", variant.get("id"), "title", variant.get("title"), "sku", variant.get("sku"),
                        "price", variant.get("price")));
            }
            view.put("variants", variants);
            view.put("sellingPlanGroupIds", shop.groupsOf(ShopData.id(product)).stream().map(g -> g.get("id")).toList());
            products.add(view);
        }
        return Map.of("products", products);
    }

    /** {@code POST /fake/admin/products} {title, handle?, productType?, variants: [{title, sku, price}]}. */
    static Map<String, Object> seedProduct(ShopData shop, JsonNode body) {
        String title = body.path("title").asText("");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        List<String[]> specs = new ArrayList<>();
        for (JsonNode variant : body.path("variants")) {
            specs.add(new String[] {variant.path("title").asText("Default Title"), variant.path("sku").asText(null),
                    variant.path("price").asText("0.00")});
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("variants are required: [{title, sku, price}]");
        }
        for (String[] spec : specs) {
            try {
                new java.math.BigDecimal(spec[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("price must be a decimal, was '" + spec[2] + "'");
            }
        }
        String handle = body.path("handle").asText(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        Map<String, Object> product = shop.product(title, handle, body.path("productType").asText("Book Box"),
                specs.toArray(new String[0][]));
        return Map.of("id", product.get("id"), "variantIds",
                ((List<?>) product.get("_variants")).stream().map(v -> ((Map<?, ?>) v).get("id")).toList());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> groups(ShopData shop) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> group : shop.groups.values()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", group.get("id"));
            view.put("name", group.get("name"));
            view.put("merchantCode", group.get("merchantCode"));
            view.put("productIds", ShopData.productIdsOf(group).stream().map(id -> Gids.of("Product", id)).toList());
            view.put("sellingPlans", ((List<Map<String, Object>>) group.get("sellingPlans")).stream()
                    .map(p -> Map.of("id", p.get("id"), "name", p.get("name"))).toList());
            groups.add(view);
        }
        return Map.of("sellingPlanGroups", groups);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> contract(ShopData shop, String id) {
        Map<String, Object> contract = shop.contracts.get(Gids.number(id));
        if (contract == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : List.of("id", "status", "revisionId", "nextBillingDate", "createdAt", "updatedAt",
                "lastPaymentStatus", "lastBillingAttemptErrorType", "note")) {
            view.put(field, contract.get(field));
        }
        view.put("customerId", Gids.of("Customer", (Long) contract.get("_customerId")));
        view.put("originOrderId", Gids.of("Order", (Long) contract.get("_originOrderId")));
        view.put("customerPaymentMethodId", new ContractState(contract).paymentMethodGid());
        view.put("orderIds", ((List<Long>) contract.get("_orderIds")).stream().map(o -> Gids.of("Order", o)).toList());
        view.put("billingPolicy", plain((Map<String, Object>) contract.get("billingPolicy")));
        view.put("deliveryPolicy", plain((Map<String, Object>) contract.get("deliveryPolicy")));
        Map<String, Object> method = (Map<String, Object>) contract.get("deliveryMethod");
        view.put("deliveryAddress", method == null ? null : plain((Map<String, Object>) method.get("address")));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) contract.get("lines")) {
            Map<String, Object> l = new LinkedHashMap<>();
            for (String field : List.of("id", "productId", "variantId", "sellingPlanId", "sellingPlanName", "quantity",
                    "sku", "title")) {
                l.put(field, line.get(field));
            }
            l.put("currentPrice", ((Map<String, Object>) line.get("currentPrice")).get("amount"));
            lines.add(l);
        }
        view.put("lines", lines);
        view.put("skippedCycles", contract.get("_skipped"));
        view.put("billedCycles", contract.get("_billed"));
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (Map<String, Object> attempt : shop.attempts.values()) {
            if (contract.get("id").equals(Gids.of("SubscriptionContract", (Long) attempt.get("_contractId")))) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", attempt.get("id"));
                a.put("idempotencyKey", attempt.get("idempotencyKey"));
                a.put("cycleIndex", attempt.get("_cycleIndex"));
                a.put("ready", attempt.get("ready"));
                a.put("errorCode", attempt.get("errorCode"));
                a.put("orderId", attempt.get("_orderId") == null ? null : Gids.of("Order", (Long) attempt.get("_orderId")));
                attempts.add(a);
            }
        }
        view.put("billingAttempts", attempts);
        return view;
    }

    /** {@code POST /fake/admin/billing-script} {contractId, errorCode (null clears), failures (absent: always)}. */
    static Map<String, Object> billingScript(ShopData shop, JsonNode body) {
        long contractId = Gids.number(body.path("contractId").asText(""));
        if (contractId == 0 || !shop.contracts.containsKey(contractId)) {
            throw new IllegalArgumentException("contractId must name a subscription contract of " + shop.domain());
        }
        JsonNode code = body.get("errorCode");
        if (code == null || code.isNull() || code.asText().isBlank()) {
            shop.billingScripts.remove(contractId);
            return Map.of("contractId", Gids.of("SubscriptionContract", contractId), "script", "none");
        }
        int failures = body.hasNonNull("failures") ? body.get("failures").asInt() : -1;
        String errorCode = code.asText().toLowerCase(Locale.ROOT);
        if (Subscriptions.errorTypeOf(errorCode.toUpperCase(Locale.ROOT)) == null) {
            throw new IllegalArgumentException("errorCode must be one of Shopify's SubscriptionBillingAttemptErrorCode "
                    + "values (lower case as in webhooks, e.g. insufficient_funds), was '" + code.asText() + "'");
        }
        shop.billingScripts.put(contractId, new ShopData.BillingScript(errorCode, failures));
        return Map.of("contractId", Gids.of("SubscriptionContract", contractId), "errorCode", errorCode,
                "failures", failures < 0 ? "always" : failures);
    }

    /** {@code GET /fake/admin/payment-method-emails}: what customerPaymentMethodSendUpdateEmail sent, oldest first. */
    static Map<String, Object> paymentMethodEmails(ShopData shop) {
        return Map.of("emails", List.copyOf(shop.paymentMethodEmails));
    }

    /** {@code POST /fake/admin/payment-methods/revoke} {customerPaymentMethodId}: an id or gid. */
    static Map<String, Object> revokePaymentMethod(ShopData shop, JsonNode body) {
        long id = Gids.number(body.path("customerPaymentMethodId").asText(""));
        if (id == 0) {
            throw new IllegalArgumentException("customerPaymentMethodId is required: a Shopify id or gid");
        }
        return new CustomerPaymentMethods(shop).revoke(id);
    }

    /** A state map without the fake's bookkeeping or computed fields, for JSON. */
    private static Map<String, Object> plain(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!key.startsWith("_") && !(value instanceof java.util.function.Supplier)
                    && !(value instanceof graphql.schema.DataFetcher)) {
                plain.put(key, value);
            }
        });
        return plain;
    }
}
