package com.lavish.subscriptions;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One line of a contract: what is delivered each cycle, on which selling plan, at which price. */
@Entity
@Table(name = "subscription_line")
public class SubscriptionLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_id")
    public SubscriptionContract contract;

    public String shopDomain;
    /** Shopify's line gid: lines have no numeric id. */
    public String shopifyLineId;

    public Long productId;
    public Long variantId;
    public Long sellingPlanId;
    public String sellingPlanName;
    public String title;
    public String variantTitle;
    public String sku;
    public int quantity;
    public BigDecimal currentPrice;
    public String currencyCode;
}
