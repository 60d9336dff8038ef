package com.lavish.orders;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of an order's status as the customer would see it, written with the change: what GET orders/events
 * will stream, its id the stream's Last-Event-ID.
 */
@Entity
@Table(name = "order_status_change")
public class OrderStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public Long shopifyCustomerId;
    public long shopifyOrderId;
    public Long orderNumber;
    /** Comma-separated: placed, financial_status, fulfillment_status, cancelled, fulfillment, tracking. */
    public String changes;
    public String financialStatus;
    public String fulfillmentStatus;
    public Instant cancelledAt;
    public Long shopifyFulfillmentId;
    public String fulfillmentStatusDetail;
    public String trackingCompany;
    public String trackingNumber;
    public String trackingUrl;
    public Instant occurredAt;

    /** A change of the order itself, its statuses as they now stand. */
    public static OrderStatusChange of(CustomerOrder order, String changes, Instant occurredAt) {
        OrderStatusChange change = new OrderStatusChange();
        change.shopDomain = order.shopDomain;
        change.shopifyCustomerId = order.shopifyCustomerId;
        change.shopifyOrderId = order.shopifyId;
        change.orderNumber = order.orderNumber;
        change.changes = changes;
        change.financialStatus = order.financialStatus;
        change.fulfillmentStatus = order.fulfillmentStatus;
        change.cancelledAt = order.cancelledAt;
        change.occurredAt = occurredAt;
        return change;
    }

    /** A new fulfillment, or new tracking on one. */
    public static OrderStatusChange of(CustomerOrder order, OrderFulfillment fulfillment, String changes,
                                       Instant occurredAt) {
        OrderStatusChange change = of(order, changes, occurredAt);
        change.shopifyFulfillmentId = fulfillment.shopifyFulfillmentId;
        change.fulfillmentStatusDetail = fulfillment.status;
        change.trackingCompany = fulfillment.trackingCompany;
        change.trackingNumber = fulfillment.trackingNumber;
        change.trackingUrl = fulfillment.trackingUrl;
        return change;
    }
}
