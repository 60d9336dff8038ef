package com.lavish.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An orders/edited notice: which lines an edit added or removed, and when it was committed. */
@Entity
@Table(name = "order_edit")
public class OrderEdit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long shopifyOrderEditId;
    public long shopifyOrderId;
    public Instant createdAt;
    public Instant committedAt;
    /** Shopify's {@code order_edit.line_items} object (additions and removals with deltas), as JSON text. */
    public String lineItemChanges;
}
