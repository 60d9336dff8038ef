package com.lavish.customers;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Shopify customer of one shop, as customer-service last applied it. Identified by shop and Shopify id; the
 * surrogate {@code id} is ours and never leaves the service. Email, names, phone and note are stored encrypted and
 * bound to the row ({@link EncryptedColumns}): the plaintext fields are filled from the stored ones when the customer
 * is loaded. Only read here; {@code CustomerWrites} writes the rows.
 */
@Entity
@Table(name = "customer")
@EntityListeners(EncryptedColumns.CustomerPersonalData.class)
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long shopifyId;

    @Transient
    public String email;

    @Transient
    public String firstName;

    @Transient
    public String lastName;

    @Transient
    public String phone;
    /** Shopify's account state: {@code disabled}, {@code invited}, {@code enabled}, {@code declined}. */
    public String state;

    public String tags;
    public String emailMarketingState;
    public String emailMarketingOptInLevel;
    public Instant emailMarketingUpdatedAt;
    public Instant emailConsentVersion;
    public String smsMarketingState;
    public String smsMarketingOptInLevel;
    public Instant smsMarketingUpdatedAt;
    public Instant smsConsentVersion;
    /** Shopify's purchasing summary: how many orders the customer placed and what they spent, in that currency. */
    public Long numberOfOrders;

    public BigDecimal amountSpent;
    public String amountSpentCurrency;
    public Instant purchasingSummaryVersion;
    /** Set by customers/merge on the customer merged away (a tombstone): the Shopify id it lives on as. */
    public Long mergedIntoShopifyId;

    @Transient
    public String note;

    public Boolean verifiedEmail;
    public String currency;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deletedAt;

    // the columns as stored: ciphertext, never written through the entity
    @Column(name = "email", insertable = false, updatable = false)
    String storedEmail;

    @Column(name = "first_name", insertable = false, updatable = false)
    String storedFirstName;

    @Column(name = "last_name", insertable = false, updatable = false)
    String storedLastName;

    @Column(name = "phone", insertable = false, updatable = false)
    String storedPhone;

    @Column(name = "note", insertable = false, updatable = false)
    String storedNote;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<CustomerAddress> addresses = new ArrayList<>();

    public static Customer of(String shopDomain, long shopifyId) {
        Customer customer = new Customer();
        customer.shopDomain = shopDomain;
        customer.shopifyId = shopifyId;
        return customer;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** What customers/delete leaves: the ids, the times and nothing that names or reaches a person. */
    public void eraseAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
        email = null;
        firstName = null;
        lastName = null;
        phone = null;
        tags = null;
        note = null;
        emailMarketingState = null;
        emailMarketingOptInLevel = null;
        emailMarketingUpdatedAt = null;
        smsMarketingState = null;
        smsMarketingOptInLevel = null;
        smsMarketingUpdatedAt = null;
        verifiedEmail = null;
        addresses.clear();
    }
}
