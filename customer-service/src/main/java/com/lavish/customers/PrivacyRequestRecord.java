package com.lavish.customers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A privacy request as recorded in {@code privacy_request} when it was consumed (rows are written by
 * {@link com.lavish.customers.repository.PrivacyRequestRepository}'s insert, in the transaction of the erasure);
 * read here for the admin's data-request exports.
 */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequestRecord {

    /** ce_id: X-Shopify-Webhook-Id of the request, the same in every service that consumed it. */
    @Id
    public String ceId;

    public String shopDomain;
    public String type;
    public Long shopifyCustomerId;
    public Instant receivedAt;
    public Instant completedAt;
}
