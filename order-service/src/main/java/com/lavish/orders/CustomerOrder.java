package com.lavish.orders;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Shopify order of one shop, as order-service last applied it: the consumer writes it set-based
 * ({@code OrderWrites}), the storefront, the admin and the export read it through this entity. Identified by shop and
 * Shopify id; the surrogate {@code id} is ours and never leaves the service. (Not named {@code Order}: that is a word
 * of HQL.) What names, reaches or locates a person is stored encrypted and bound to the row
 * ({@link EncryptedColumns}): the plaintext fields are filled from the stored ones when the order is loaded, and never
 * written through the entity. Province and country stay clear.
 */
@Entity
@Table(name = "customer_order")
@EntityListeners(EncryptedColumns.OrderPersonalData.class)
public class CustomerOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long shopifyId;
    public Long shopifyCustomerId;
    public Long orderNumber;
    public String name;

    @Transient
    public String email;

    @Transient
    public String phone;

    @Transient
    public String customerFirstName;

    @Transient
    public String customerLastName;

    @Transient
    public String note;

    public String currency;
    public BigDecimal subtotalPrice;
    public BigDecimal totalShippingPrice;
    public BigDecimal totalTax;
    public BigDecimal totalDiscounts;
    public BigDecimal totalPrice;

    public String financialStatus;
    public String fulfillmentStatus;
    public Instant cancelledAt;
    public String cancelReason;

    public Instant createdAt;
    public Instant processedAt;
    public Instant placedAt;
    public Instant updatedAt;
    public Instant lastEditedAt;

    @Transient
    public String shippingName;

    @Transient
    public String shippingCompany;

    @Transient
    public String shippingAddress1;

    @Transient
    public String shippingAddress2;

    @Transient
    public String shippingCity;

    public String shippingProvince;
    public String shippingProvinceCode;
    public String shippingCountry;
    public String shippingCountryCode;

    @Transient
    public String shippingZip;

    @Transient
    public String shippingPhone;

    @Transient
    public String billingName;

    @Transient
    public String billingAddress1;

    @Transient
    public String billingAddress2;

    @Transient
    public String billingCity;

    public String billingProvince;
    public String billingCountryCode;

    @Transient
    public String billingZip;

    @Transient
    public String billingPhone;

    // the columns as stored: ciphertext, never written through the entity
    @Column(name = "email", insertable = false, updatable = false)
    String storedEmail;

    @Column(name = "phone", insertable = false, updatable = false)
    String storedPhone;

    @Column(name = "customer_first_name", insertable = false, updatable = false)
    String storedCustomerFirstName;

    @Column(name = "customer_last_name", insertable = false, updatable = false)
    String storedCustomerLastName;

    @Column(name = "note", insertable = false, updatable = false)
    String storedNote;

    @Column(name = "shipping_name", insertable = false, updatable = false)
    String storedShippingName;

    @Column(name = "shipping_company", insertable = false, updatable = false)
    String storedShippingCompany;

    @Column(name = "shipping_address1", insertable = false, updatable = false)
    String storedShippingAddress1;

    @Column(name = "shipping_address2", insertable = false, updatable = false)
    String storedShippingAddress2;

    @Column(name = "shipping_city", insertable = false, updatable = false)
    String storedShippingCity;

    @Column(name = "shipping_zip", insertable = false, updatable = false)
    String storedShippingZip;

    @Column(name = "shipping_phone", insertable = false, updatable = false)
    String storedShippingPhone;

    @Column(name = "billing_name", insertable = false, updatable = false)
    String storedBillingName;

    @Column(name = "billing_address1", insertable = false, updatable = false)
    String storedBillingAddress1;

    @Column(name = "billing_address2", insertable = false, updatable = false)
    String storedBillingAddress2;

    @Column(name = "billing_city", insertable = false, updatable = false)
    String storedBillingCity;

    @Column(name = "billing_zip", insertable = false, updatable = false)
    String storedBillingZip;

    @Column(name = "billing_phone", insertable = false, updatable = false)
    String storedBillingPhone;

    public Instant redactedAt;
    public Instant deletedAt;
    public Instant syncedAt;
    /** Items ordered after edits and removals (the lines' current quantities), kept for the storefront's list. */
    public int itemCount;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<OrderFulfillment> fulfillments = new ArrayList<>();
}
