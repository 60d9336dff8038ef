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

/**
 * One plan of a group: how often it bills and delivers, and its price adjustment. Named uniquely within its group,
 * which is how a webhook's plans (they carry no ids) are matched to stored ones.
 */
@Entity
@Table(name = "selling_plan")
public class SellingPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    public SellingPlanGroup group;

    public String shopDomain;
    public Long shopifyId;
    public String name;
    public String optionValue;
    public Integer position;
    public String billingInterval;
    public Integer billingIntervalCount;
    public String deliveryInterval;
    public Integer deliveryIntervalCount;
    public Integer minCycles;
    public Integer maxCycles;
    public String adjustmentType;
    public BigDecimal adjustmentValue;
}
