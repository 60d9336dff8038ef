package com.lavish.subscriptions;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A change asked of Shopify for one contract, by the customer, the admin or dunning, and what Shopify answered. While
 * it is pending the contract shows it; a refusal keeps Shopify's message for the customer to read.
 */
@Entity
@Table(name = "contract_action")
public class ContractAction {

    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long contractShopifyId;
    /** pause, resume, skip, unskip, cancel, update ({@link ContractActionType}). */
    public String action;
    /** customer, admin, dunning. */
    public String requestedBy;
    public String state;
    public String commandId;
    public String idempotencyKey;
    public LocalDate cycleDate;
    /** An update's change as JSON ({@code ContractEditRequest}). */
    public String edit;
    public String message;
    public Instant requestedAt;
    public Instant completedAt;

    public ContractActionType type() {
        return ContractActionType.of(action);
    }

    public boolean isPending() {
        return PENDING.equals(state);
    }
}
