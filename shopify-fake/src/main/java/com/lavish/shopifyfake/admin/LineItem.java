package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.function.Supplier;

/** A line of an order: a variant, how many, at what unit price, and the selling plan (if any) it was bought on. */
final class LineItem extends Entity {

    private final long productId;
    private final long variantId;
    private final int quantity;
    private final BigDecimal price;
    private final Long sellingPlanId;

    private LineItem(long id, ProductVariant variant, int quantity, BigDecimal price, Long sellingPlanId) {
        super("LineItem", id);
        this.productId = variant.productId();
        this.variantId = variant.id();
        this.quantity = quantity;
        this.price = price;
        this.sellingPlanId = sellingPlanId;
    }

    /** The line item of a new order for one of its lines. */
    static LineItem create(ShopData shop, Order.Line orderLine) {
        ProductVariant variant = orderLine.variant();
        int quantity = orderLine.quantity();
        BigDecimal price = orderLine.price();
        String planGid = orderLine.planGid();
        LineItem line = shop.add(new LineItem(
                shop.nextId("LineItem"), variant, quantity, price, planGid == null ? null : Gids.number(planGid)));
        long productId = variant.productId();
        Product product = shop.products.get(productId);
        line.put("title", product.title());
        line.put("name", variant.get("displayName"));
        line.put("variantTitle", variant.title());
        line.put("sku", variant.sku());
        line.put("vendor", product.get("vendor"));
        line.put("quantity", quantity);
        line.put("currentQuantity", quantity);
        line.put("unfulfilledQuantity", quantity);
        line.put("requiresShipping", true);
        line.put("taxable", true);
        line.put("originalUnitPriceSet", SchemaValues.moneyBag(price));
        line.put("discountedUnitPriceSet", SchemaValues.moneyBag(price));
        line.put("originalTotalSet", SchemaValues.moneyBag(orderLine.total()));
        line.put("discountedTotalSet", SchemaValues.moneyBag(orderLine.total()));
        line.put("variant", variant);
        line.put("product", (Supplier<Object>) () -> shop.products.get(productId));
        if (planGid != null) {
            line.put(
                    "sellingPlan",
                    SchemaValues.object("LineItemSellingPlan", "name", orderLine.planName(), "sellingPlanId", planGid));
        }
        return line;
    }

    long productId() {
        return productId;
    }

    long variantId() {
        return variantId;
    }

    int quantity() {
        return quantity;
    }

    BigDecimal price() {
        return price;
    }

    /** The selling plan's id, or null for a one-time purchase. */
    Long sellingPlanId() {
        return sellingPlanId;
    }
}
