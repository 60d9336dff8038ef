package com.lavish.subscriptions.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What one shopify.products event asks: a version of a product (webhook or Admin API node), or its deletion. */
public sealed interface ProductChange {

    /** The product's Shopify id. */
    long id();

    /**
     * @param sellingPlanGroupIds the groups that apply to it (the Admin API node says; a webhook does not: null)
     */
    record Version(
            long id,
            String title,
            String handle,
            String status,
            Instant updatedAt,
            List<Variant> variants,
            List<Long> sellingPlanGroupIds)
            implements ProductChange {}

    record Deleted(long id, Instant at) implements ProductChange {}

    record Variant(long id, String title, String sku, BigDecimal price) {}
}
