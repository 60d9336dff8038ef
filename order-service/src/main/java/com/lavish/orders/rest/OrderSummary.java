package com.lavish.orders.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.edge.json.MoneyText;
import com.lavish.orders.repository.OrderSummaryRow;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One order in the signed-in customer's list. Ids and money are strings (ADR 0003). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderSummary(
        @Schema(description = "Shopify's order id, as a string: it passes 2^53")
        String id,

        @Schema(description = "The order number the storefront asks by (GET orders/{number})")
        Long number,

        @Schema(description = "The order's name as the shop shows it")
        String name,

        Instant createdAt,

        @Schema(description = "When the order was processed; the list is newest first by this, or created_at")
        Instant processedAt,

        @Schema(description = "Shopify's financial status: pending, authorized, paid, partially_refunded, ...")
        String financialStatus,

        @Schema(description = "Shopify's fulfillment status: null (unfulfilled), partial, fulfilled, restocked")
        String fulfillmentStatus,

        Instant cancelledAt,

        @Schema(description = "The total after edits, an exact decimal string", example = "404.95")
        String totalPrice,

        @Schema(description = "ISO 4217 code of every amount of the order", example = "AUD")
        String currency,

        @Schema(description = "Items ordered, after edits and removals")
        int itemCount) {

    static OrderSummary of(OrderSummaryRow o) {
        return new OrderSummary(
                Long.toString(o.shopifyId()),
                o.orderNumber(),
                o.name(),
                o.createdAt(),
                o.processedAt(),
                o.financialStatus(),
                o.fulfillmentStatus(),
                o.cancelledAt(),
                MoneyText.of(o.totalPrice()),
                o.currency(),
                o.itemCount());
    }
}
