package com.lavish.shopifyfake.admin;

import graphql.schema.DataFetcher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A subscription contract made at checkout: its origin order, its one line at the plan's price, its policies copied
 * from the plan, the payment method the checkout vaulted, and the {@code orders/create},
 * {@code customers/purchasing_summary} and {@code subscription_contracts/create} webhooks. Draft edits build their lines and shipping methods the same way.
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
    SubscriptionContract checkout(long customerId, ProductVariant variant, SellingPlan plan, int quantity) {
        BigDecimal price = discounted(variant.price(), plan);
        Order order = shop.order(
                customerId, List.of(new Order.Line(variant, quantity, price, plan.gid(), plan.name())), "web");
        SubscriptionLine line = line(shop, variant, plan, quantity, price);
        CustomerPaymentMethod method = new CustomerPaymentMethods(shop).vault(customerId);
        SubscriptionContract contract = shop.add(new SubscriptionContract(
                shop.nextId("SubscriptionContract"),
                customerId,
                order.id(),
                method.id(),
                new ArrayList<>(List.of(line))));
        OffsetDateTime now = shop.now();
        Map<String, Object> billing = plan.billingPolicy();
        Map<String, Object> delivery = plan.deliveryPolicy();
        contract.put("status", "ACTIVE");
        contract.put("createdAt", AdminStore.format(now));
        contract.put("updatedAt", AdminStore.format(now));
        contract.put("revisionId", Long.toString(FIRST_REVISION));
        contract.put("currencyCode", AdminStore.CURRENCY);
        contract.put(
                "billingPolicy",
                SchemaValues.object(
                        "SubscriptionBillingPolicy",
                        "interval",
                        billing.get("interval"),
                        "intervalCount",
                        billing.get("intervalCount"),
                        "minCycles",
                        billing.get("minCycles"),
                        "maxCycles",
                        billing.get("maxCycles"),
                        "anchors",
                        billing.getOrDefault("anchors", List.of())));
        contract.put(
                "deliveryPolicy",
                SchemaValues.object(
                        "SubscriptionDeliveryPolicy",
                        "interval",
                        delivery.get("interval"),
                        "intervalCount",
                        delivery.get("intervalCount"),
                        "anchors",
                        delivery.getOrDefault("anchors", List.of())));
        Customer customer = shop.customers.get(customerId);
        contract.put("deliveryMethod", shipping(customer.defaultAddress()));
        contract.put("deliveryPrice", SchemaValues.money(BigDecimal.ZERO));
        contract.put("note", null);
        contract.put("customAttributes", List.of());
        contract.put("lastPaymentStatus", null);
        contract.put("lastBillingAttemptErrorType", null);
        OffsetDateTime next =
                BillingSchedule.plus(now, (String) billing.get("interval"), (Integer) billing.get("intervalCount"), 1);
        contract.nextBillingDate(next);
        contract.anchor(1, next);
        ownLines(order, contract);
        wire(contract);
        shop.contracts.put(contract.id(), contract);
        outbox.add("orders/create", WebhookPayloads.order(shop, order));
        // the customer's sales history changed: Shopify follows the order with the customer's purchasing summary
        outbox.add("customers/purchasing_summary", shop.purchasingSummary(customerId));
        outbox.add("subscription_contracts/create", WebhookPayloads.contract(contract));
        return contract;
    }

    /** An order's line items name the contract that made them. */
    static void ownLines(Order order, SubscriptionContract contract) {
        for (LineItem item : order.lines()) {
            item.put("contract", contract);
        }
    }

    /** The plan's fixed pricing policy applied to the variant's price. */
    private static BigDecimal discounted(BigDecimal price, SellingPlan plan) {
        for (SellingPlan.Pricing pricing : plan.pricing()) {
            if (pricing.fixed()) {
                String type = pricing.adjustmentType();
                if ("PERCENTAGE".equals(type)) {
                    BigDecimal off = BigDecimal.valueOf(pricing.percentage());
                    return price.subtract(price.multiply(off).movePointLeft(2)).setScale(2, RoundingMode.HALF_UP);
                }
                BigDecimal amount = pricing.amount();
                return "PRICE".equals(type) ? amount : price.subtract(amount).max(BigDecimal.ZERO);
            }
        }
        return price;
    }

    /** A new subscription line for a variant on a plan (or none) at a price. */
    static SubscriptionLine line(
            ShopData shop, ProductVariant variant, SellingPlan plan, int quantity, BigDecimal price) {
        SubscriptionLine line = shop.add(new SubscriptionLine(shop.nextId("SubscriptionLine"), variant.id()));
        line.variant(variant, shop.products.get(variant.productId()));
        line.put("sellingPlanId", plan == null ? null : plan.gid());
        line.put("sellingPlanName", plan == null ? null : plan.name());
        line.put("quantity", quantity);
        line.put("currentPrice", SchemaValues.money(price));
        line.put("lineDiscountedPrice", SchemaValues.money(price.multiply(BigDecimal.valueOf(quantity))));
        line.put("requiresShipping", true);
        line.put("taxable", true);
        line.put("customAttributes", List.of());
        line.put("discountAllocations", List.of());
        return line;
    }

    /** The one delivery method the fake models: standard shipping to an address. */
    static Map<String, Object> shipping(MailingAddress address) {
        return SchemaValues.object(
                "SubscriptionDeliveryMethodShipping",
                "address",
                address,
                "shippingOption",
                SchemaValues.object(
                        "SubscriptionDeliveryMethodShippingOption",
                        "title",
                        "Standard",
                        "presentmentTitle",
                        "Standard",
                        "code",
                        "standard",
                        "description",
                        null));
    }

    /** The contract's computed fields. */
    private void wire(SubscriptionContract contract) {
        long contractId = contract.id();
        contract.put("customer", (Supplier<Object>) () -> shop.customers.get(contract.customerId()));
        contract.put("originOrder", (Supplier<Object>) () -> shop.orders.get(contract.originOrderId()));
        contract.put("customerPaymentMethod", (DataFetcher<Object>) env -> CustomerPaymentMethods.shown(
                shop.paymentMethods.get(contract.paymentMethodId()),
                Boolean.TRUE.equals(env.getArgument("showRevoked"))));
        contract.put("orders", (Supplier<Object>)
                () -> contract.orderIds().stream().map(shop.orders::get).toList());
        contract.put("linesCount", (Supplier<Object>)
                () -> SchemaValues.count(contract.lines().size()));
        contract.put("lineCount", (Supplier<Object>) () -> contract.lines().size());
        contract.put("billingAttempts", (Supplier<Object>) () -> shop.attempts.values().stream()
                .filter(a -> a.contractId() == contractId)
                .toList());
    }
}
