package com.lavish.orders.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.edge.json.MoneyText;
import com.lavish.orders.CustomerOrder;
import com.lavish.orders.OrderFulfillment;
import com.lavish.orders.OrderLine;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One order of the signed-in customer: status, lines, totals, where it ships and how far it has got. Ids and money
 * are strings (ADR 0003); every amount is in {@code currency}. The merchant's note is not here.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderDetail(
        String id,
        String adminGraphqlApiId,
        Long number,
        String name,
        Instant createdAt,
        Instant processedAt,
        Instant updatedAt,
        Instant cancelledAt,
        String cancelReason,
        String financialStatus,
        String fulfillmentStatus,
        String currency,

        @Schema(description = "Lines after discounts on lines, before shipping and tax")
        String subtotalPrice,

        String totalShippingPrice,
        String totalTax,
        String totalDiscounts,

        @Schema(description = "What the customer pays, an exact decimal string")
        String totalPrice,

        List<Line> lineItems,
        Address shippingAddress,
        List<Fulfillment> fulfillments) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(
            String id,
            String productId,
            String variantId,
            String title,
            String variantTitle,
            String sku,
            int quantity,

            @Schema(description = "Quantity after edits and removals, when Shopify sent it")
            Integer currentQuantity,

            String price,
            String totalDiscount,

            @Schema(
                    description = "The selling plan (subscription) the line was bought on; null for a "
                            + "one-off line, and until Shopify's payload names it (API 2026-10)")
            String sellingPlanId,

            String sellingPlanName,
            String fulfillmentStatus) {

        static Line of(OrderLine l) {
            return new Line(
                    Long.toString(l.shopifyLineId),
                    idText(l.productId),
                    idText(l.variantId),
                    l.title,
                    l.variantTitle,
                    l.sku,
                    l.quantity,
                    l.currentQuantity,
                    MoneyText.of(l.price),
                    MoneyText.of(l.totalDiscount),
                    idText(l.sellingPlanId),
                    l.sellingPlanName,
                    l.fulfillmentStatus);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(
            String name,
            String company,
            String address1,
            String address2,
            String city,
            String province,
            String provinceCode,
            String country,
            String countryCode,
            String zip,
            String phone) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fulfillment(
            String id,
            String name,
            String status,
            String shipmentStatus,
            String trackingCompany,
            String trackingNumber,
            String trackingUrl,
            Instant createdAt,
            Instant updatedAt) {

        static Fulfillment of(OrderFulfillment f) {
            return new Fulfillment(
                    Long.toString(f.shopifyFulfillmentId),
                    f.name,
                    f.status,
                    f.shipmentStatus,
                    f.trackingCompany,
                    f.trackingNumber,
                    f.trackingUrl,
                    f.createdAt,
                    f.updatedAt);
        }
    }

    static OrderDetail of(CustomerOrder o) {
        Address shipping = o.shippingAddress1 == null && o.shippingCity == null && o.shippingCountryCode == null
                ? null
                : new Address(
                        o.shippingName,
                        o.shippingCompany,
                        o.shippingAddress1,
                        o.shippingAddress2,
                        o.shippingCity,
                        o.shippingProvince,
                        o.shippingProvinceCode,
                        o.shippingCountry,
                        o.shippingCountryCode,
                        o.shippingZip,
                        o.shippingPhone);
        return new OrderDetail(
                Long.toString(o.shopifyId),
                "gid://shopify/Order/" + o.shopifyId,
                o.orderNumber,
                o.name,
                o.createdAt,
                o.processedAt,
                o.updatedAt,
                o.cancelledAt,
                o.cancelReason,
                o.financialStatus,
                o.fulfillmentStatus,
                o.currency,
                MoneyText.of(o.subtotalPrice),
                MoneyText.of(o.totalShippingPrice),
                MoneyText.of(o.totalTax),
                MoneyText.of(o.totalDiscounts),
                MoneyText.of(o.totalPrice),
                o.lines.stream().map(Line::of).toList(),
                shipping,
                o.fulfillments.stream().map(Fulfillment::of).toList());
    }

    private static String idText(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
