package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A selling plan of a group. Its policies are documents shaped like the schema's policy objects (a recurring or
 * fixed billing, delivery and pricing policy each), which GraphQL, the webhooks and the storefront read as they are.
 */
final class SellingPlan extends Entity {

    /**
     * A pricing policy read from its document: fixed (from the first order) or recurring (from {@code afterCycle}),
     * its adjustment type (PERCENTAGE, FIXED_AMOUNT or PRICE) and value, a percentage or an amount.
     */
    record Pricing(boolean fixed, String adjustmentType, Double percentage, BigDecimal amount, Integer afterCycle) {}

    SellingPlan(long id) {
        super("SellingPlan", id);
    }

    /** A working copy with the same id, so an update that fails leaves the stored plan as it was. */
    SellingPlan(SellingPlan plan) {
        super("SellingPlan", plan.id());
        fields().putAll(plan.fields());
    }

    String name() {
        return (String) get("name");
    }

    @SuppressWarnings("unchecked")
    List<String> options() {
        return (List<String>) get("options");
    }

    /** The billing policy, or null while a plan being created has none yet. */
    @SuppressWarnings("unchecked")
    Map<String, Object> billingPolicy() {
        return (Map<String, Object>) get("billingPolicy");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> deliveryPolicy() {
        return (Map<String, Object>) get("deliveryPolicy");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> pricingPolicies() {
        return (List<Map<String, Object>>) get("pricingPolicies");
    }

    /** The pricing policies, typed; the documents' casts are here only. */
    List<Pricing> pricing() {
        return pricingPolicies().stream()
                .map(policy -> {
                    Map<?, ?> value = (Map<?, ?>) policy.get("adjustmentValue");
                    Object percentage = value.get("percentage");
                    Object amount = value.get("amount");
                    return new Pricing(
                            "SellingPlanFixedPricingPolicy".equals(policy.get(AdminWiring.TYPENAME)),
                            (String) policy.get("adjustmentType"),
                            percentage == null ? null : ((Number) percentage).doubleValue(),
                            amount == null ? null : new BigDecimal((String) amount),
                            (Integer) policy.get("afterCycle"));
                })
                .toList();
    }

    /** Whether the plan bills again and again (a subscription), rather than once. */
    boolean recurring() {
        Map<String, Object> billing = billingPolicy();
        return billing != null && "SellingPlanRecurringBillingPolicy".equals(billing.get(AdminWiring.TYPENAME));
    }
}
