package com.lavish.orders;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A Shopify order of one shop, as order-service last applied it: the consumer writes it set-based
 * ({@code OrderWrites}), the storefront, the admin and the export read it through this entity. Identified by shop and
 * Shopify id; the surrogate {@code id} is ours and never leaves the service. (Not named {@code Order}: that is a word
 * of HQL.) What names, reaches or locates a person is stored encrypted ({@link EncryptedColumns}); province and
 * country stay clear.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long shopifyId;
    public Long shopifyCustomerId;
    public Long orderNumber;
    public String name;

    @Convert(converter = EncryptedColumns.Email.class)
    public String email;
    @Convert(converter = EncryptedColumns.Phone.class)
    public String phone;
    @Convert(converter = EncryptedColumns.CustomerFirstName.class)
    public String customerFirstName;
    @Convert(converter = EncryptedColumns.CustomerLastName.class)
    public String customerLastName;
    @Convert(converter = EncryptedColumns.Note.class)
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

    @Convert(converter = EncryptedColumns.ShippingName.class)
    public String shippingName;
    @Convert(converter = EncryptedColumns.ShippingCompany.class)
    public String shippingCompany;
    @Convert(converter = EncryptedColumns.ShippingAddress1.class)
    public String shippingAddress1;
    @Convert(converter = EncryptedColumns.ShippingAddress2.class)
    public String shippingAddress2;
    @Convert(converter = EncryptedColumns.ShippingCity.class)
    public String shippingCity;
    public String shippingProvince;
    public String shippingProvinceCode;
    public String shippingCountry;
    public String shippingCountryCode;
    @Convert(converter = EncryptedColumns.ShippingZip.class)
    public String shippingZip;
    @Convert(converter = EncryptedColumns.ShippingPhone.class)
    public String shippingPhone;

    @Convert(converter = EncryptedColumns.BillingName.class)
    public String billingName;
    @Convert(converter = EncryptedColumns.BillingAddress1.class)
    public String billingAddress1;
    @Convert(converter = EncryptedColumns.BillingAddress2.class)
    public String billingAddress2;
    @Convert(converter = EncryptedColumns.BillingCity.class)
    public String billingCity;
    public String billingProvince;
    public String billingCountryCode;
    @Convert(converter = EncryptedColumns.BillingZip.class)
    public String billingZip;
    @Convert(converter = EncryptedColumns.BillingPhone.class)
    public String billingPhone;

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
