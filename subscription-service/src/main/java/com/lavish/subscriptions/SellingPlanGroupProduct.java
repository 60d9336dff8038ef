package com.lavish.subscriptions;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A product a selling plan group applies to (group M:N product), by Shopify product id. */
@Entity
@Table(name = "selling_plan_group_product")
public class SellingPlanGroupProduct {

    public static final String LIVE = "live";
    /** Asked of Shopify, not yet confirmed. */
    public static final String ADDING = "adding";

    public static final String REMOVING = "removing";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    public SellingPlanGroup group;

    public String shopDomain;
    public long productId;
    public String state;
    public String commandId;

    public static SellingPlanGroupProduct of(SellingPlanGroup group, long productId, String state) {
        SellingPlanGroupProduct row = new SellingPlanGroupProduct();
        row.group = group;
        row.shopDomain = group.shopDomain;
        row.productId = productId;
        row.state = state;
        return row;
    }
}
