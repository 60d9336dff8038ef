package com.lavish.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One fulfillment (shipment) of an order, with its tracking. */
@Entity
@Table(name = "order_fulfillment")
public class OrderFulfillment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "order_id")
    public CustomerOrder order;

    public String shopDomain;
    public long shopifyFulfillmentId;
    public String name;
    public String status;
    public String shipmentStatus;
    public String trackingCompany;
    public String trackingNumber;
    public String trackingUrl;
    public Instant createdAt;
    public Instant updatedAt;
}
