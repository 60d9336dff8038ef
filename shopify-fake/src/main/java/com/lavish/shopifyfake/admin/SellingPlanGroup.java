package com.lavish.shopifyfake.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A selling plan group: its plans, and the products it applies to (kept by id; a product lists its groups). */
final class SellingPlanGroup extends Entity {

    private final Set<Long> productIds = new LinkedHashSet<>();
    private List<SellingPlan> plans = new ArrayList<>();

    SellingPlanGroup(long id) {
        super("SellingPlanGroup", id);
        put("sellingPlans", (java.util.function.Supplier<Object>) () -> this.plans);
    }

    /** The products' ids, in the order they joined; changed in place by joins and leaves. */
    Set<Long> productIds() {
        return productIds;
    }

    List<SellingPlan> plans() {
        return plans;
    }

    /** An update's plans take the place of the group's. */
    void plans(List<SellingPlan> plans) {
        this.plans = plans;
    }

    String name() {
        return (String) get("name");
    }

    @SuppressWarnings("unchecked")
    List<String> options() {
        return (List<String>) get("options");
    }

    /** Shopify's summary of a group: how many delivery frequencies, and whether any plan discounts. */
    String summary() {
        long discounted =
                plans.stream().filter(p -> !p.pricingPolicies().isEmpty()).count();
        return plans.size() + " delivery frequenc" + (plans.size() == 1 ? "y" : "ies")
                + (discounted > 0 ? ", discount" : "");
    }
}
