package com.lavish.shopifyfake.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the control endpoints ({@code /fake/admin/...}) show and do, as plain JSON: ids as gids and as decimal
 * strings (never a JSON number that a double could round).
 */
final class ControlViews {

    private ControlViews() {}

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
        ProductVariant variant = shop.variants.get(checkout.variantId());
        if (variant == null) {
            throw new IllegalArgumentException("no product variant " + checkout.variantId() + " in " + shop.domain());
        }
        SellingPlan plan = shop.find(SellingPlan.class, Gids.of("SellingPlan", checkout.sellingPlanId()));
        if (plan == null) {
            throw new IllegalArgumentException("no selling plan " + checkout.sellingPlanId() + " in " + shop.domain());
        }
        if (!plan.recurring()) {
            throw new IllegalArgumentException("selling plan " + checkout.sellingPlanId() + " is not recurring");
        }
        if (!shop.customers.containsKey(checkout.customerId())) {
            shop.customerWithId(
                    checkout.customerId(), "customer-" + checkout.customerId() + "@example.com", "Lavish", "Reader");
        }
        SubscriptionContract contract =
                new Subscriptions(shop, outbox).checkout(checkout.customerId(), variant, plan, checkout.quantity());
        Map<String, Object> answer = new LinkedHashMap<>();
        long orderId = contract.originOrderId();
        answer.put("orderId", Gids.of("Order", orderId));
        answer.put("orderName", shop.orders.get(orderId).get("name"));
        answer.put("contractId", contract.gid());
        answer.put("customerId", Gids.of("Customer", checkout.customerId()));
        answer.put("customerPaymentMethodId", contract.paymentMethodGid());
        answer.put("nextBillingDate", contract.get("nextBillingDate"));
        answer.put("revisionId", contract.revisionId());
        answer.put("status", contract.status());
        return answer;
    }

    static Map<String, Object> products(ShopData shop) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (Product product : shop.products.values()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", product.gid());
            view.put("title", product.title());
            view.put("handle", product.handle());
            view.put("updatedAt", product.get("updatedAt"));
            List<Map<String, Object>> variants = new ArrayList<>();
            for (ProductVariant variant : product.variants()) {
                variants.add(Map.of(
                        "id",
                        variant.gid(),
                        "title",
                        variant.title(),
                        "sku",
                        variant.sku(),
                        "price",
                        variant.get("price")));
            }
            view.put("variants", variants);
            view.put(
                    "sellingPlanGroupIds",
                    shop.groupsOf(product.id()).stream().map(g -> g.get("id")).toList());
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
            specs.add(new String[] {
                variant.path("title").asText("Default Title"),
                variant.path("sku").asText(null),
                variant.path("price").asText("0.00")
            });
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
        String handle =
                body.path("handle").asText(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        Product product = shop.product(
                title, handle, body.path("productType").asText("Book Box"), specs.toArray(new String[0][]));
        return Map.of(
                "id",
                product.gid(),
                "variantIds",
                product.variants().stream().map(Entity::gid).toList());
    }

    static Map<String, Object> groups(ShopData shop) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (SellingPlanGroup group : shop.groups.values()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", group.gid());
            view.put("name", group.name());
            view.put("merchantCode", group.get("merchantCode"));
            view.put(
                    "productIds",
                    group.productIds().stream()
                            .map(id -> Gids.of("Product", id))
                            .toList());
            view.put(
                    "sellingPlans",
                    group.plans().stream()
                            .map(p -> Map.of("id", p.gid(), "name", p.name()))
                            .toList());
            groups.add(view);
        }
        return Map.of("sellingPlanGroups", groups);
    }

    static Map<String, Object> contract(ShopData shop, String id) {
        SubscriptionContract contract = shop.contracts.get(Gids.number(id));
        if (contract == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : List.of(
                "id",
                "status",
                "revisionId",
                "nextBillingDate",
                "createdAt",
                "updatedAt",
                "lastPaymentStatus",
                "lastBillingAttemptErrorType",
                "note")) {
            view.put(field, contract.get(field));
        }
        view.put("customerId", Gids.of("Customer", contract.customerId()));
        view.put("originOrderId", Gids.of("Order", contract.originOrderId()));
        view.put("customerPaymentMethodId", contract.paymentMethodGid());
        view.put(
                "orderIds",
                contract.orderIds().stream().map(o -> Gids.of("Order", o)).toList());
        view.put("billingPolicy", plain(contract.billingPolicy()));
        view.put("deliveryPolicy", plain(contract.deliveryPolicy()));
        MailingAddress address = contract.deliveryAddress();
        view.put("deliveryAddress", address == null ? null : plain(address.fields()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (SubscriptionLine line : contract.lines()) {
            Map<String, Object> l = new LinkedHashMap<>();
            for (String field : List.of(
                    "id", "productId", "variantId", "sellingPlanId", "sellingPlanName", "quantity", "sku", "title")) {
                l.put(field, line.get(field));
            }
            l.put("currentPrice", line.price().toPlainString());
            lines.add(l);
        }
        view.put("lines", lines);
        view.put("skippedCycles", contract.skipped());
        view.put("billedCycles", contract.billed());
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (SubscriptionBillingAttempt attempt : shop.attempts.values()) {
            if (attempt.contractId() == contract.id()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", attempt.gid());
                a.put("idempotencyKey", attempt.get("idempotencyKey"));
                a.put("cycleIndex", attempt.cycleIndex());
                a.put("ready", attempt.get("ready"));
                a.put("errorCode", attempt.get("errorCode"));
                a.put("orderId", attempt.orderId() == null ? null : Gids.of("Order", attempt.orderId()));
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
        return Map.of(
                "contractId",
                Gids.of("SubscriptionContract", contractId),
                "errorCode",
                errorCode,
                "failures",
                failures < 0 ? "always" : failures);
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

    /** A schema document without its computed fields, for JSON. */
    private static Map<String, Object> plain(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(value instanceof java.util.function.Supplier) && !(value instanceof graphql.schema.DataFetcher)) {
                plain.put(key, value);
            }
        });
        return plain;
    }
}
