package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.Map;

/** A line of a contract or a draft: a variant, how many, at what price, on which selling plan (if any). */
final class SubscriptionLine extends Entity {

    private long variantId;

    SubscriptionLine(long id, long variantId) {
        super("SubscriptionLine", id);
        this.variantId = variantId;
    }

    /** A copy with the same id, so edits to a draft's line never reach the contract's until the draft commits. */
    SubscriptionLine(SubscriptionLine line) {
        super("SubscriptionLine", line.id());
        this.variantId = line.variantId;
        fields().putAll(line.fields());
    }

    long variantId() {
        return variantId;
    }

    /** The variant, and the schema fields that name it and its product. */
    void variant(ProductVariant variant, Product product) {
        variantId = variant.id();
        put("productId", product.gid());
        put("variantId", variant.gid());
        put("sku", variant.sku());
        put("title", product.title());
        put("variantTitle", variant.title());
    }

    int quantity() {
        return (Integer) get("quantity");
    }

    /** The unit price, which the schema serves as {@code currentPrice} (a MoneyV2). */
    BigDecimal price() {
        return new BigDecimal((String) ((Map<?, ?>) get("currentPrice")).get("amount"));
    }

    /** The selling plan's gid, or null for a line bought once. */
    String sellingPlanGid() {
        return (String) get("sellingPlanId");
    }

    String sellingPlanName() {
        return (String) get("sellingPlanName");
    }
}
