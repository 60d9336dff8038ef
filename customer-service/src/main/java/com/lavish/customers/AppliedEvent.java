package com.lavish.customers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A delivery this service has applied; its id (ce_id, X-Shopify-Webhook-Id) is never applied twice. */
@Entity
@Table(name = "applied_event")
public class AppliedEvent {

    @Id
    public String eventId;
    public String shopDomain;
    public String eventType;
    public String shopifyEventId;
    public Instant appliedAt;
}
