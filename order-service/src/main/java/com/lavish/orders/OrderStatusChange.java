package com.lavish.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of an order's status as the customer would see it, written with the change ({@code OrderWrites}): what
 * GET orders/events streams, its id the stream's Last-Event-ID; read back through this entity when a stream resumes.
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
}
