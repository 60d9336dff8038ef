package com.lavish.subscriptions;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription contract of one shop as this service last knows it: what the thin webhooks carry (status,
 * policies, customer, origin order, revision) completed by the Admin API node sync-service reads back (lines, next
 * billing date, delivery address), plus the billing schedule's own state (what is in flight, dunning). Identified by
 * shop and Shopify id; the surrogate {@code id} never leaves the service. The delivery address's personal fields are
 * stored encrypted and bound to the row ({@link EncryptedColumns}): the plaintext fields are filled from the stored
 * ones when the contract is loaded, and only {@code ContractWrites} (and customers/redact) write those columns.
 */
@Entity
@Table(name = "subscription_contract")
@EntityListeners(EncryptedColumns.ContractPersonalData.class)
public class SubscriptionContract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long shopifyId;
    public Long shopifyCustomerId;
    public Long originOrderId;
    public String status;
    public String currencyCode;
    public BigInteger revisionId;
    public Instant versionTime;
    public BigInteger fetchedRevisionId;
    public Instant nextBillingDate;

    public String billingInterval;
    public Integer billingIntervalCount;
    public Integer billingMinCycles;
    public Integer billingMaxCycles;
    public String deliveryInterval;
    public Integer deliveryIntervalCount;

    @Transient
    public String deliveryFirstName;

    @Transient
    public String deliveryLastName;

    @Transient
    public String deliveryAddress1;

    @Transient
    public String deliveryAddress2;

    @Transient
    public String deliveryCity;

    public String deliveryProvinceCode;
    public String deliveryCountryCode;

    @Transient
    public String deliveryZip;

    @Transient
    public String deliveryPhone;

    public Long pendingActionId;
    public String billingInFlight;
    public int failedAttempts;
    public Instant nextRetryAt;
    public Instant endedAt;
    public Instant createdAt;
    public Instant syncedAt;

    // the delivery columns as stored: ciphertext, never written through the entity
    @Column(name = "delivery_first_name", insertable = false, updatable = false)
    String storedDeliveryFirstName;

    @Column(name = "delivery_last_name", insertable = false, updatable = false)
    String storedDeliveryLastName;

    @Column(name = "delivery_address1", insertable = false, updatable = false)
    String storedDeliveryAddress1;

    @Column(name = "delivery_address2", insertable = false, updatable = false)
    String storedDeliveryAddress2;

    @Column(name = "delivery_city", insertable = false, updatable = false)
    String storedDeliveryCity;

    @Column(name = "delivery_zip", insertable = false, updatable = false)
    String storedDeliveryZip;

    @Column(name = "delivery_phone", insertable = false, updatable = false)
    String storedDeliveryPhone;

    @OneToMany(mappedBy = "contract", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<SubscriptionLine> lines = new ArrayList<>();

    public static SubscriptionContract of(String shopDomain, long shopifyId) {
        SubscriptionContract contract = new SubscriptionContract();
        contract.shopDomain = shopDomain;
        contract.shopifyId = shopifyId;
        contract.createdAt = Instant.now();
        return contract;
    }

    public ContractStatus contractStatus() {
        return ContractStatus.parse(status);
    }

    /** Sets the status, noting when the contract stopped (for churn) or started again. */
    public void changeStatus(ContractStatus next, Instant at) {
        status = next.value();
        if (next.isEnded()) {
            if (endedAt == null) {
                endedAt = at;
            }
        } else {
            endedAt = null;
        }
    }

    /** Whether the contract holds a delivery address. */
    public boolean hasDeliveryAddress() {
        return deliveryAddress1 != null || deliveryCity != null || deliveryCountryCode != null;
    }

    /** What customers/redact takes away: the delivery address, which names and locates a person. */
    public void redactPersonalData() {
        deliveryFirstName = null;
        deliveryLastName = null;
        deliveryAddress1 = null;
        deliveryAddress2 = null;
        deliveryCity = null;
        deliveryProvinceCode = null;
        deliveryCountryCode = null;
        deliveryZip = null;
        deliveryPhone = null;
    }
}
