package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A paid order: who bought, its number (#1001 on), its lines and what it came to. */
final class Order extends Entity {

    /**
     * What a line of a new order buys: a variant, how many, at what unit price, and the selling plan it was bought on
     * (its gid and name, or nulls; a plan deleted since a contract began is still named by the contract's line).
     */
    record Line(ProductVariant variant, int quantity, BigDecimal price, String planGid, String planName) {

        BigDecimal total() {
            return price.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private final long number;
    private final long customerId;
    private final List<LineItem> lines;
    private final BigDecimal total;

    private Order(long id, long number, long customerId, List<LineItem> lines, BigDecimal total) {
        super("Order", id);
        this.number = number;
        this.customerId = customerId;
        this.lines = List.copyOf(lines);
        this.total = total;
    }

    /** A paid order of these lines for a customer, processed now; stored in the shop. */
    static Order create(ShopData shop, long number, long customerId, List<Line> orderLines, String sourceName) {
        String now = shop.nowText();
        Customer customer = shop.customers.get(customerId);
        BigDecimal total = BigDecimal.ZERO;
        int quantity = 0;
        List<LineItem> lines = new ArrayList<>();
        for (Line line : orderLines) {
            lines.add(LineItem.create(shop, line));
            total = total.add(line.total());
            quantity += line.quantity();
        }
        Order order = shop.add(new Order(shop.nextId("Order"), number, customerId, lines, total));
        order.put("name", "#" + number);
        // Order.number is what the name is made of ("#1001" → 1001), the REST webhook's order_number
        order.put("number", (int) number);
        order.put("email", customer == null ? null : customer.email());
        order.put("createdAt", now);
        order.put("updatedAt", now);
        order.put("processedAt", now);
        order.put("currencyCode", AdminStore.CURRENCY);
        order.put("presentmentCurrencyCode", AdminStore.CURRENCY);
        order.put("displayFinancialStatus", "PAID");
        order.put("displayFulfillmentStatus", "UNFULFILLED");
        order.put("confirmed", true);
        order.put("closed", false);
        order.put("test", false);
        order.put("fullyPaid", true);
        order.put("unpaid", false);
        order.put("tags", List.of());
        order.put("sourceName", sourceName);
        order.put("subtotalLineItemsQuantity", quantity);
        order.put("currentSubtotalLineItemsQuantity", quantity);
        for (String field : List.of(
                "totalPriceSet",
                "currentTotalPriceSet",
                "subtotalPriceSet",
                "currentSubtotalPriceSet",
                "originalTotalPriceSet",
                "totalReceivedSet",
                "netPaymentSet")) {
            order.put(field, SchemaValues.moneyBag(total));
        }
        for (String field : List.of(
                "totalTaxSet",
                "currentTotalTaxSet",
                "totalDiscountsSet",
                "currentTotalDiscountsSet",
                "totalShippingPriceSet",
                "totalOutstandingSet",
                "totalRefundedSet")) {
            order.put(field, SchemaValues.moneyBag(BigDecimal.ZERO));
        }
        order.put("customer", (Supplier<Object>) () -> shop.customers.get(customerId));
        if (customer != null) {
            order.put("shippingAddress", customer.defaultAddress());
            order.put("billingAddress", customer.defaultAddress());
        }
        order.put("lineItems", order.lines);
        shop.orders.put(order.id(), order);
        return order;
    }

    long number() {
        return number;
    }

    long customerId() {
        return customerId;
    }

    List<LineItem> lines() {
        return lines;
    }

    BigDecimal total() {
        return total;
    }
}
