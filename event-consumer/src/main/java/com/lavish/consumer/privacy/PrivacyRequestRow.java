package com.lavish.consumer.privacy;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the consuming service's own {@code privacy_request} table, for queries only: writes go through
 * {@link PrivacyRequestLedger}'s statements. Queried through this entity rather than native SQL, whose plans
 * Hibernate cannot cache for a select with a result type and so caches anew on every call.
 */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequestRow {

    @Id
    public String ceId;
    public String shopDomain;
    public String type;
    public Long shopifyCustomerId;
    public Instant receivedAt;
    public Instant completedAt;
}
