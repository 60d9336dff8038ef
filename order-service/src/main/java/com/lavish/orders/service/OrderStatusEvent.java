package com.lavish.orders.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.orders.OrderStatusChange;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One status change of one of the customer's orders, as {@code GET orders/events} sends it (the SSE event's id is
 * {@link #id}, its name {@code order-status}) and as replicas pass it to each other through Redis. Ids are strings,
 * as everywhere in the storefront API. The shop and customer route it; they are never sent to a browser.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderStatusEvent(
        String id,
        String orderId,
        String orderNumber,
        List<String> changes,
        String financialStatus,
        String fulfillmentStatus,
        Instant cancelledAt,
        Fulfillment fulfillment,
        Instant occurredAt) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fulfillment(
            String id, String status, String trackingCompany, String trackingNumber, String trackingUrl) {}

    public long sequence() {
        return Long.parseLong(id);
    }

    public static OrderStatusEvent of(OrderStatusChange change) {
        Fulfillment fulfillment = change.shopifyFulfillmentId == null
                ? null
                : new Fulfillment(
                        Long.toString(change.shopifyFulfillmentId),
                        change.fulfillmentStatusDetail,
                        change.trackingCompany,
                        change.trackingNumber,
                        change.trackingUrl);
        return new OrderStatusEvent(
                Long.toString(change.id),
                Long.toString(change.shopifyOrderId),
                change.orderNumber == null ? null : Long.toString(change.orderNumber),
                Arrays.asList(change.changes.split(",")),
                change.financialStatus,
                change.fulfillmentStatus,
                change.cancelledAt,
                fulfillment,
                change.occurredAt);
    }
}
