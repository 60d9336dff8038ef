package com.lavish.subscriptions;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One billing attempt: asked by the billing run for a contract's cycle (one row per cycle and attempt number, unique,
 * so it is asked once), or reported by Shopify. Correlated with Shopify's webhooks by {@code idempotencyKey}.
 */
@Entity
@Table(name = "billing_attempt")
public class BillingAttempt {

    /** Written with its command; sync-service has not answered yet. */
    public static final String REQUESTED = "requested";
    /** Shopify took it (sync.results SUCCEEDED); its outcome comes as a subscription_billing_attempts webhook. */
    public static final String SUBMITTED = "submitted";

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CHALLENGED = "challenged";
    /** Shopify refused to create it (userErrors). */
    public static final String REJECTED = "rejected";
    /** sync-service could not reach Shopify: sent again later with the same key. */
    public static final String UNSENT = "unsent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long contractShopifyId;
    public LocalDate cycleDate;
    public int attemptNumber;
    public String idempotencyKey;
    public String commandId;
    public String state;
    public Long shopifyAttemptId;
    public Long orderId;
    public BigDecimal amount;
    public String currencyCode;
    public String errorCode;
    public String errorMessage;
    public Instant requestedAt;
    public Instant completedAt;

    /** Whether Shopify's outcome is known: a later report of it changes nothing. */
    public boolean isSettled() {
        return SUCCEEDED.equals(state) || FAILED.equals(state) || CHALLENGED.equals(state) || REJECTED.equals(state);
    }
}
