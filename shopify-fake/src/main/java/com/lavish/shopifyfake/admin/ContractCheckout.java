package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import graphql.schema.DataFetcher;

/**
 * A subscription contract made at checkout: its origin order, its one line at the plan's price, its policies copied
 * from the plan, the payment method the checkout vaulted, and the {@code orders/create} and
 * {@code subscription_contracts/create} webhooks. Draft edits build their lines and shipping methods the same way.
 */
final class ContractCheckout {

    /** The first revision: the third change crosses to eleven digits, so a string comparison of revisions fails. */
    static final long FIRST_REVISION = 9_999_999_998L;

    private final ShopData shop;
    private final Outbox outbox;

    ContractCheckout(ShopData shop, Outbox outbox) {
        this.shop = shop;
        this.outbox = outbox;
    }

    /** A contract for a customer's checkout of a variant on a selling plan, with its origin order. */
    @SuppressWarnings("unchecked")
    Map<String, Object> checkout(long customerId, Map<String, Object> variant, Map<String, Object> plan, int quantity) {
        BigDecimal price = discounted(new BigDecimal((String) variant.get("price")), plan);
        Map<String, Object> order = shop.order(customerId,
                List.of(new ShopData.OrderLine(variant, quantity, price, plan)), "web");
        Map<String, Object> contract = shop.create("SubscriptionContract");
        OffsetDateTime now = shop.now();
        Map<String, Object> billing = (Map<String, Object>) plan.get("billingPolicy");
        Map<String, Object> delivery = (Map<String, Object>) plan.get("deliveryPolicy");
        contract.put("status", "ACTIVE");
        contract.put("createdAt", AdminStore.format(now));
        contract.put("updatedAt", AdminStore.format(now));
        contract.put("revisionId", Long.toString(FIRST_REVISION));
        contract.put("currencyCode", AdminStore.CURRENCY);
        contract.put("billingPolicy", ShopData.object("SubscriptionBillingPolicy", "interval", billing.get("interval"),
                "intervalCount", billing.get("intervalCount"), "minCycles", billing.get("minCycles"),
                "maxCycles", billing.get("maxCycles"), "anchors", billing.getOrDefault("anchors", List.of())));
        contract.put("deliveryPolicy", ShopData.object("SubscriptionDeliveryPolicy", "interval",
                delivery.get("interval"), "intervalCount", delivery.get("intervalCount"), "anchors",
                delivery.getOrDefault("anchors", List.of())));
        Map<String, Object> customer = shop.customers.get(customerId);
        contract.put("deliveryMethod", shipping((Map<String, Object>) customer.get("defaultAddress")));
        contract.put("deliveryPrice", ShopData.money(BigDecimal.ZERO));
        contract.put("note", null);
        contract.put("customAttributes", List.of());
        contract.put("lastPaymentStatus", null);
        contract.put("lastBillingAttemptErrorType", null);
        Map<String, Object> line = shop.create("SubscriptionLine");
        line.putAll(line(shop, variant, plan, quantity, price));
        contract.put("lines", new ArrayList<>(List.of(line)));
        contract.put(ContractState.CUSTOMER_ID, customerId);
        contract.put(ContractState.ORIGIN_ORDER_ID, ShopData.id(order));
        contract.put(ContractState.ORDER_IDS, new ArrayList<>(List.of(ShopData.id(order))));
        contract.put(ContractState.PAYMENT_METHOD_ID, ShopData.id(new CustomerPaymentMethods(shop).vault(customerId)));
        contract.put(ContractState.SKIPPED, new TreeSet<Integer>());
        contract.put(ContractState.BILLED, new TreeSet<Integer>());
        ContractState state = new ContractState(contract);
        OffsetDateTime next = BillingSchedule.plus(now, (String) billing.get("interval"),
                (Integer) billing.get("intervalCount"), 1);
        state.nextBillingDate(next);
        state.anchor(1, next);
        ownLines(order, contract);
        wire(state);
        shop.contracts.put(state.id(), contract);
        outbox.add("orders/create", WebhookPayloads.order(shop, order));
        outbox.add("subscription_contracts/create", WebhookPayloads.contract(contract));
        return contract;
    }

    /** An order's line items name the contract that made them. */
    @SuppressWarnings("unchecked")
    static void ownLines(Map<String, Object> order, Map<String, Object> contract) {
        for (Map<String, Object> item : (List<Map<String, Object>>) order.get("_lines")) {
            item.put("contract", contract);
        }
    }

    /** The plan's fixed pricing policy applied to the variant's price. */
    @SuppressWarnings("unchecked")
    private static BigDecimal discounted(BigDecimal price, Map<String, Object> plan) {
        for (Map<String, Object> policy : (List<Map<String, Object>>) plan.get("pricingPolicies")) {
            if ("SellingPlanFixedPricingPolicy".equals(policy.get(ShopData.TYPENAME))) {
                Map<String, Object> value = (Map<String, Object>) policy.get("adjustmentValue");
                String type = (String) policy.get("adjustmentType");
                if ("PERCENTAGE".equals(type)) {
                    BigDecimal off = BigDecimal.valueOf(((Number) value.get("percentage")).doubleValue());
                    return price.subtract(price.multiply(off).movePointLeft(2)).setScale(2, RoundingMode.HALF_UP);
                }
                BigDecimal amount = new BigDecimal((String) value.get("amount"));
                return "PRICE".equals(type) ? amount : price.subtract(amount).max(BigDecimal.ZERO);
            }
        }
        return price;
    }

    /** A subscription line's fields for a variant on a plan (or none) at a price. */
    static Map<String, Object> line(ShopData shop, Map<String, Object> variant, Map<String, Object> plan,
                                    int quantity, BigDecimal price) {
        Map<String, Object> line = new LinkedHashMap<>();
        putVariant(shop, line, variant);
        line.put("sellingPlanId", plan == null ? null : plan.get("id"));
        line.put("sellingPlanName", plan == null ? null : plan.get("name"));
        line.put("quantity", quantity);
        line.put("currentPrice", ShopData.money(price));
        line.put("lineDiscountedPrice", ShopData.money(price.multiply(BigDecimal.valueOf(quantity))));
        line.put("requiresShipping", true);
        line.put("taxable", true);
        line.put("customAttributes", List.of());
        line.put("discountAllocations", List.of());
        return line;
    }

    /** A line's fields that name its variant and product; a line update to another variant sets them again. */
    static void putVariant(ShopData shop, Map<String, Object> line, Map<String, Object> variant) {
        Map<String, Object> product = shop.products.get((Long) variant.get("_productId"));
        line.put("productId", product.get("id"));
        line.put("variantId", variant.get("id"));
        line.put("sku", variant.get("sku"));
        line.put("title", product.get("title"));
        line.put("variantTitle", variant.get("title"));
        line.put("_variantId", ShopData.id(variant));
    }

    /** The one delivery method the fake models: standard shipping to an address. */
    static Map<String, Object> shipping(Map<String, Object> address) {
        return ShopData.object("SubscriptionDeliveryMethodShipping", "address", address, "shippingOption",
                ShopData.object("SubscriptionDeliveryMethodShippingOption", "title", "Standard", "presentmentTitle",
                        "Standard", "code", "standard", "description", null));
    }

    /** The contract's computed fields. */
    private void wire(ContractState state) {
        Map<String, Object> contract = state.map();
        long customerId = state.customerId();
        long originOrderId = state.originOrderId();
        long contractId = state.id();
        contract.put("customer", (Supplier<Object>) () -> shop.customers.get(customerId));
        contract.put("originOrder", (Supplier<Object>) () -> shop.orders.get(originOrderId));
        long paymentMethodId = state.paymentMethodId();
        contract.put("customerPaymentMethod", (DataFetcher<Object>) env -> CustomerPaymentMethods.shown(
                shop.paymentMethods.get(paymentMethodId), Boolean.TRUE.equals(env.getArgument("showRevoked"))));
        contract.put("orders", (Supplier<Object>) () -> state.orderIds().stream().map(shop.orders::get).toList());
        contract.put("linesCount", (Supplier<Object>) () -> ShopData.count(state.lines().size()));
        contract.put("lineCount", (Supplier<Object>) () -> state.lines().size());
        contract.put("billingAttempts", (Supplier<Object>) () -> shop.attempts.values().stream()
                .filter(a -> Long.valueOf(contractId).equals(a.get(BillingAttempts.CONTRACT_ID))).toList());
    }
}
