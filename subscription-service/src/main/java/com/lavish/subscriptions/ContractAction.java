package com.lavish.subscriptions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A change asked of Shopify for one contract, by the customer, the admin or dunning, and what Shopify answered. While
 * it is pending the contract shows it; a refusal keeps Shopify's message for the customer to read. An update's edit
 * may carry a delivery address: it is stored encrypted, bound to the row ({@link EncryptedColumns}).
 */
@Entity
@Table(name = "contract_action")
@EntityListeners(EncryptedColumns.ActionPersonalData.class)
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
    /** An update's change as JSON ({@code ContractEditRequest}), in plaintext. */
    @Transient
    public String edit;

    public String message;
    public Instant requestedAt;
    public Instant completedAt;

    /** The edit as stored: encrypted when inserted through the entity, and never updated through it. */
    @Column(name = "edit", updatable = false)
    String storedEdit;

    public ContractActionType type() {
        return ContractActionType.of(action);
    }

    public boolean isPending() {
        return PENDING.equals(state);
    }
}
