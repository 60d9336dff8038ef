package com.lavish.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A Shopify customer of one shop, as customer-service last applied it. Identified by shop and Shopify id; the
 * surrogate {@code id} is ours and never leaves the service. Email, names, phone and note are stored encrypted
 * ({@link EncryptedColumns}).
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long shopifyId;

    @Convert(converter = EncryptedColumns.CustomerEmail.class)
    public String email;
    @Convert(converter = EncryptedColumns.CustomerFirstName.class)
    public String firstName;
    @Convert(converter = EncryptedColumns.CustomerLastName.class)
    public String lastName;
    @Convert(converter = EncryptedColumns.CustomerPhone.class)
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
    @Convert(converter = EncryptedColumns.CustomerNote.class)
    public String note;
    public Boolean verifiedEmail;
    public String currency;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deletedAt;

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
