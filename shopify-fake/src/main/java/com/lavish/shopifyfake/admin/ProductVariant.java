package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;

/** A variant of a product: what a line of an order or a contract buys. */
final class ProductVariant extends Entity {

    private final long productId;

    ProductVariant(long id, long productId) {
        super("ProductVariant", id);
        this.productId = productId;
    }

    long productId() {
        return productId;
    }

    String title() {
        return (String) get("title");
    }

    String sku() {
        return (String) get("sku");
    }

    /** The price, which the schema writes as a decimal string. */
    BigDecimal price() {
        return new BigDecimal((String) get("price"));
    }
}
