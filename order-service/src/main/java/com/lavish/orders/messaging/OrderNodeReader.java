package com.lavish.orders.messaging;

import static com.lavish.events.WebhookFields.connectionNodes;
import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.id;
import static com.lavish.events.WebhookFields.integer;
import static com.lavish.events.WebhookFields.referenceId;
import static com.lavish.events.WebhookFields.requiredId;
import static com.lavish.events.WebhookFields.restCase;
import static com.lavish.events.WebhookFields.shopMoneyAmount;
import static com.lavish.events.WebhookFields.text;
import static com.lavish.events.WebhookFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.events.ShopifyEvent;
import com.lavish.orders.service.OrderSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an {@code Order} node of the Admin GraphQL API, as reconciliation publishes it, into the same
 * {@link OrderSnapshot} an orders/* webhook gives. GraphQL names statuses differently from the REST webhook
 * ({@code displayFulfillmentStatus: PARTIALLY_FULFILLED} is the webhook's {@code fulfillment_status: partial}), so
 * they are translated here and the storefront shows one spelling whichever way the order came in.
 */
final class OrderNodeReader {

    private OrderNodeReader() {}

    static OrderSnapshot snapshot(ShopifyEvent event, JsonNode node) {
        long id = requiredId(event, node, "id");
        JsonNode customer = node.path("customer");
        Instant updatedAt = timestamp(node, "updatedAt");
        List<OrderSnapshot.Line> lines = new ArrayList<>();
        connectionNodes(node, "lineItems").forEach(line -> line(line).ifPresent(lines::add));
        // the node's own figures after edits and refunds (current*), the originals when those were not asked for
        return new OrderSnapshot(
                id,
                referenceId(node, "customer"),
                numberOf(node),
                text(node, "name"),
                text(node, "email"),
                text(node, "phone"),
                text(customer, "firstName"),
                text(customer, "lastName"),
                text(node, "note"),
                text(node, "currencyCode"),
                money(node, "currentSubtotalPriceSet", "subtotalPriceSet"),
                money(node, "currentShippingPriceSet", "totalShippingPriceSet"),
                money(node, "currentTotalTaxSet", "totalTaxSet"),
                money(node, "currentTotalDiscountsSet", "totalDiscountsSet"),
                money(node, "currentTotalPriceSet", "totalPriceSet"),
                restCase(node, "displayFinancialStatus"),
                fulfillmentStatus(text(node, "displayFulfillmentStatus")),
                timestamp(node, "cancelledAt"),
                restCase(node, "cancelReason"),
                timestamp(node, "createdAt"),
                timestamp(node, "processedAt"),
                updatedAt != null ? updatedAt : eventTime(event),
                address(node.get("shippingAddress")),
                address(node.get("billingAddress")),
                lines,
                List.of());
    }

    /** Order.number is the REST order_number (the name is it with the shop's prefix, "#1001"). */
    private static Long numberOf(JsonNode node) {
        Integer number = integer(node, "number");
        if (number != null && number > 0) {
            return number.longValue();
        }
        String name = text(node, "name");
        return name != null && name.matches("#[0-9]{1,18}") ? Long.valueOf(name.substring(1)) : null;
    }

    /** The REST webhook's fulfillment_status for GraphQL's display status: unfulfilled is null there. */
    static String fulfillmentStatus(String displayStatus) {
        if (displayStatus == null || "UNFULFILLED".equals(displayStatus)) {
            return null;
        }
        return switch (displayStatus) {
            case "PARTIALLY_FULFILLED" -> "partial";
            case "RESTOCKED" -> "restocked";
            default -> displayStatus.toLowerCase(Locale.ROOT);
        };
    }

    private static Optional<OrderSnapshot.Line> line(JsonNode node) {
        Long id = id(node.get("id"));
        if (id == null) {
            return Optional.empty();
        }
        Integer quantity = integer(node, "quantity");
        JsonNode plan = node.path("sellingPlan");
        return Optional.of(new OrderSnapshot.Line(
                id,
                referenceId(node, "product"),
                referenceId(node, "variant"),
                text(node, "title"),
                text(node, "variantTitle"),
                text(node, "sku"),
                quantity == null ? 0 : quantity,
                integer(node, "currentQuantity"),
                shopMoneyAmount(node, "originalUnitPriceSet"),
                shopMoneyAmount(node, "totalDiscountSet"),
                plan.isObject() ? id(plan.get("sellingPlanId")) : null,
                plan.isObject() ? text(plan, "name") : null,
                null));
    }

    private static OrderSnapshot.Address address(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String name = text(node, "name");
        if (name == null) {
            String joined = String.join(
                            " ",
                            Optional.ofNullable(text(node, "firstName")).orElse(""),
                            Optional.ofNullable(text(node, "lastName")).orElse(""))
                    .strip();
            name = joined.isEmpty() ? null : joined;
        }
        return new OrderSnapshot.Address(
                name,
                text(node, "company"),
                text(node, "address1"),
                text(node, "address2"),
                text(node, "city"),
                text(node, "province"),
                text(node, "provinceCode"),
                text(node, "country"),
                text(node, "countryCodeV2"),
                text(node, "zip"),
                text(node, "phone"));
    }

    private static BigDecimal money(JsonNode node, String... moneyBags) {
        for (String bag : moneyBags) {
            BigDecimal amount = shopMoneyAmount(node, bag);
            if (amount != null) {
                return amount;
            }
        }
        return null;
    }
}
