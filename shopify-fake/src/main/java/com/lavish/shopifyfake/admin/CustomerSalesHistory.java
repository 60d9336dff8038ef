package com.lavish.shopifyfake.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One shop's sales history per customer, and the {@code customers/purchasing_summary} webhook Shopify sends when it
 * changes. It holds every order the fake has for a customer: the Admin API's own orders (checkouts, billed cycles),
 * and the orders the fake only delivered as webhooks ({@code POST /admin/fake/webhooks/orders/...}, Shopify's sample
 * order made a customer's), which have no place in the Admin state; of those it keeps what the last webhook about
 * them said.
 * <p>
 * The fake's rule, kept simple: every order counts in {@code numberOfOrders} (a cancelled order was still placed,
 * and a test order is one the suite holds); {@code amountSpent} adds each order's current total in the shop's
 * currency, except a cancelled order's (its payment was voided or refunded). {@code lastOrderId} is the order placed
 * last. {@code occurredAt} is now, to the millisecond as Shopify writes it and later than the shop's previous summary,
 * so a consumer that keeps the newest never drops one of two summaries made in the same second.
 */
final class CustomerSalesHistory {

    /** What the fake knows of one order: whose, its current total, whether it was cancelled. */
    private record Sale(long customerId, BigDecimal total, boolean cancelled) {}

    /** {@code 2005-05-05T06:00:00.000Z}, as Shopify's sample writes it. */
    private static final DateTimeFormatter OCCURRED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** By order id, in the order the orders were placed. */
    private final Map<Long, Sale> sales = new LinkedHashMap<>();

    private Instant lastSummaryAt = Instant.EPOCH;

    /** An order the Admin API placed (a checkout, a billed cycle): paid, standing. */
    void placed(Order order) {
        sales.put(order.id(), new Sale(order.customerId(), order.total(), false));
    }

    /**
     * What an {@code orders/*} webhook the fake delivered says of its order (its customer, current total, whether it
     * is cancelled; {@code orders/delete} forgets it).
     *
     * @return the customer whose history it is, or empty when the body names no order of a customer
     */
    OptionalLong delivered(String topic, JsonNode body) {
        long orderId = body.path("id").asLong(0);
        if (orderId == 0) {
            return OptionalLong.empty();
        }
        Sale known = sales.get(orderId);
        if ("orders/delete".equals(topic)) {
            sales.remove(orderId);
            return known == null ? OptionalLong.empty() : OptionalLong.of(known.customerId());
        }
        long customerId = body.path("customer").path("id").asLong(0);
        if (customerId == 0) {
            return OptionalLong.empty();
        }
        BigDecimal total = decimal(body, "current_total_price");
        if (total == null) {
            total = decimal(body, "total_price");
        }
        if (total == null) {
            total = known == null ? BigDecimal.ZERO : known.total();
        }
        boolean cancelled = body.hasNonNull("cancelled_at");
        // an order seen again keeps its place: an orders/paid does not make it the last order placed
        sales.put(orderId, new Sale(customerId, total, cancelled));
        return OptionalLong.of(customerId);
    }

    long numberOfOrders(long customerId) {
        return sales.values().stream().filter(s -> s.customerId() == customerId).count();
    }

    BigDecimal amountSpent(long customerId) {
        return sales.values().stream()
                .filter(s -> s.customerId() == customerId && !s.cancelled())
                .map(Sale::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The customer's order placed last, or null. */
    Long lastOrderId(long customerId) {
        Long last = null;
        for (Map.Entry<Long, Sale> sale : sales.entrySet()) {
            if (sale.getValue().customerId() == customerId) {
                last = sale.getKey();
            }
        }
        return last;
    }

    /**
     * {@code customers/purchasing_summary} for a customer as of {@code now}: GraphQL-shaped, as Shopify sends this
     * topic ({@code customerId} and {@code lastOrderId} gids, {@code amountSpent} a MoneyV2).
     */
    ObjectNode summary(long customerId, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        if (!at.isAfter(lastSummaryAt)) {
            at = lastSummaryAt.plus(1, ChronoUnit.MILLIS);
        }
        lastSummaryAt = at;
        ObjectNode body = WebhookPayloads.node();
        body.put("customerId", Gids.of("Customer", customerId));
        body.put("numberOfOrders", numberOfOrders(customerId));
        body.putObject("amountSpent")
                .put("amount", amountSpent(customerId).toPlainString())
                .put("currencyCode", AdminStore.CURRENCY);
        Long last = lastOrderId(customerId);
        if (last == null) {
            body.putNull("lastOrderId");
        } else {
            body.put("lastOrderId", Gids.of("Order", last));
        }
        body.put("occurredAt", OCCURRED_AT.format(at));
        return body;
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
