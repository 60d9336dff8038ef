package com.lavish.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A Shopify order of one shop, as order-service last applied it. Identified by shop and Shopify id; the surrogate
 * {@code id} is ours and never leaves the service. (Not named {@code Order}: that is a word of HQL.)
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

    public String email;
    public String phone;
    public String customerFirstName;
    public String customerLastName;
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

    public String shippingName;
    public String shippingCompany;
    public String shippingAddress1;
    public String shippingAddress2;
    public String shippingCity;
    public String shippingProvince;
    public String shippingProvinceCode;
    public String shippingCountry;
    public String shippingCountryCode;
    public String shippingZip;
    public String shippingPhone;

    public String billingName;
    public String billingAddress1;
    public String billingAddress2;
    public String billingCity;
    public String billingProvince;
    public String billingCountryCode;
    public String billingZip;
    public String billingPhone;

    public Instant redactedAt;
    public Instant deletedAt;
    public Instant syncedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<OrderFulfillment> fulfillments = new ArrayList<>();

    public static CustomerOrder of(String shopDomain, long shopifyId) {
        CustomerOrder order = new CustomerOrder();
        order.shopDomain = shopDomain;
        order.shopifyId = shopifyId;
        return order;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The number of items: each line's current quantity (after edits), or its ordered quantity. */
    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::currentOrOrderedQuantity).sum();
    }

    /** What customers/redact takes away: everything that names or reaches a person. Figures, lines, statuses stay. */
    public void redactPersonalData(Instant redactedAt) {
        this.redactedAt = redactedAt;
        email = null;
        phone = null;
        customerFirstName = null;
        customerLastName = null;
        note = null;
        shippingName = null;
        shippingCompany = null;
        shippingAddress1 = null;
        shippingAddress2 = null;
        shippingCity = null;
        shippingProvince = null;
        shippingProvinceCode = null;
        shippingCountry = null;
        shippingCountryCode = null;
        shippingZip = null;
        shippingPhone = null;
        billingName = null;
        billingAddress1 = null;
        billingAddress2 = null;
        billingCity = null;
        billingProvince = null;
        billingCountryCode = null;
        billingZip = null;
        billingPhone = null;
    }

    /** What orders/delete leaves: the ids and the times, no lines, no personal data. */
    public void deleteAt(Instant deletedAt) {
        redactPersonalData(redactedAt);
        this.deletedAt = deletedAt;
        lines.clear();
        fulfillments.clear();
    }
}
