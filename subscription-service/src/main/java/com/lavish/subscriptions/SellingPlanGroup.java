package com.lavish.subscriptions;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A selling plan group of one shop: created by the admin here (pending until sync-service confirms it, then live
 * with Shopify's ids) or reported by Shopify's selling_plan_groups webhooks. Its plans, and the products it applies to.
 */
@Entity
@Table(name = "selling_plan_group")
public class SellingPlanGroup {

    public static final String PENDING = "pending";
    public static final String LIVE = "live";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
    public static final String DELETED = "deleted";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public Long shopifyId;
    public String name;
    public String merchantCode;
    public String description;
    /** Option names joined by a newline. */
    public String options;

    public String state;
    public String commandId;
    public String idempotencyKey;
    public String message;
    public Instant versionTime;
    public Instant createdAt;

    @OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position, id")
    public List<SellingPlan> plans = new ArrayList<>();

    @OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("productId")
    public List<SellingPlanGroupProduct> products = new ArrayList<>();

    public boolean isLive() {
        return LIVE.equals(state);
    }
}
