package com.lavish.shopifyfake.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A selling plan's input ({@code SellingPlanInput}) applied to a plan, checked as Shopify checks it: the user errors
 * go to the mutation's errors, and the mutation changes nothing when there are any.
 */
final class SellingPlanInput {

    private static final String ERROR = "SellingPlanGroupUserError";
    private static final Set<String> INTERVALS = Set.of("DAY", "WEEK", "MONTH", "YEAR");

    private final ShopData shop;
    private final UserErrors errors;

    SellingPlanInput(ShopData shop, UserErrors errors) {
        this.shop = shop;
        this.errors = errors;
    }

    private void error(String code, String message, String... field) {
        errors.add(ERROR, code, message, field);
    }

    /** A new plan with Shopify's defaults, registered for node lookups. */
    SellingPlan newPlan() {
        SellingPlan plan = shop.add(new SellingPlan(shop.nextId("SellingPlan")));
        plan.put("createdAt", shop.nowText());
        plan.put("options", List.of());
        plan.put("pricingPolicies", List.of());
        plan.put("category", "SUBSCRIPTION");
        return plan;
    }

    @SuppressWarnings("unchecked")
    void apply(SellingPlan plan, Map<String, Object> input, boolean creating, String... path) {
        if (input.containsKey("name") || creating) {
            String name = (String) input.get("name");
            if (name == null || name.isBlank()) {
                error("BLANK", "Name can't be blank", append(path, "name"));
            }
            plan.put("name", name);
        }
        for (String field : List.of("description", "position", "category")) {
            if (input.containsKey(field) && (input.get(field) != null || !field.equals("category"))) {
                plan.put(field, input.get(field));
            }
        }
        if (input.containsKey("options") && input.get("options") != null) {
            plan.put("options", List.copyOf((List<String>) input.get("options")));
        }
        Map<String, Object> billing = (Map<String, Object>) input.get("billingPolicy");
        Map<String, Object> delivery = (Map<String, Object>) input.get("deliveryPolicy");
        if (creating && billing == null) {
            error(
                    "SELLING_PLAN_BILLING_POLICY_MISSING",
                    "Selling plan billing policy must be present",
                    append(path, "billingPolicy"));
        }
        if (creating && delivery == null) {
            error(
                    "SELLING_PLAN_DELIVERY_POLICY_MISSING",
                    "Selling plan delivery policy must be present",
                    append(path, "deliveryPolicy"));
        }
        String now = shop.nowText();
        if (billing != null) {
            if (billing.get("recurring") != null && billing.get("fixed") != null) {
                error(
                        "ONLY_ONE_OF_FIXED_OR_RECURRING_BILLING",
                        "Only one of fixed or recurring billing is allowed",
                        append(path, "billingPolicy"));
            } else if (billing.get("recurring") instanceof Map<?, ?> recurring) {
                Map<String, Object> r = (Map<String, Object>) recurring;
                Map<String, Object> policy = merged(plan.get("billingPolicy"), "SellingPlanRecurringBillingPolicy");
                copy(r, policy, "interval", "intervalCount", "minCycles", "maxCycles");
                policy.put("anchors", anchors(r.get("anchors"), policy.get("anchors")));
                policy.putIfAbsent("createdAt", now);
                plan.put("billingPolicy", policy);
            } else if (billing.get("fixed") instanceof Map<?, ?> fixed) {
                Map<String, Object> policy = merged(plan.get("billingPolicy"), "SellingPlanFixedBillingPolicy");
                policy.putAll((Map<String, Object>) fixed);
                policy.put(
                        "remainingBalanceChargeTrigger",
                        policy.getOrDefault("remainingBalanceChargeTrigger", "NO_REMAINING_BALANCE"));
                plan.put("billingPolicy", policy);
            }
        }
        if (delivery != null) {
            if (delivery.get("recurring") != null && delivery.get("fixed") != null) {
                error(
                        "ONLY_ONE_OF_FIXED_OR_RECURRING_DELIVERY",
                        "Only one of fixed or recurring delivery is allowed",
                        append(path, "deliveryPolicy"));
            } else if (delivery.get("recurring") instanceof Map<?, ?> recurring) {
                Map<String, Object> r = (Map<String, Object>) recurring;
                Map<String, Object> policy = merged(plan.get("deliveryPolicy"), "SellingPlanRecurringDeliveryPolicy");
                copy(r, policy, "interval", "intervalCount", "cutoff");
                policy.put(
                        "intent",
                        r.get("intent") != null ? r.get("intent") : policy.getOrDefault("intent", "FULFILLMENT_BEGIN"));
                policy.put(
                        "preAnchorBehavior",
                        r.get("preAnchorBehavior") != null
                                ? r.get("preAnchorBehavior")
                                : policy.getOrDefault("preAnchorBehavior", "ASAP"));
                policy.put("anchors", anchors(r.get("anchors"), policy.get("anchors")));
                policy.putIfAbsent("createdAt", now);
                plan.put("deliveryPolicy", policy);
            } else if (delivery.get("fixed") instanceof Map<?, ?> fixed) {
                Map<String, Object> policy = merged(plan.get("deliveryPolicy"), "SellingPlanFixedDeliveryPolicy");
                policy.putAll((Map<String, Object>) fixed);
                policy.put("anchors", anchors(((Map<String, Object>) fixed).get("anchors"), List.of()));
                plan.put("deliveryPolicy", policy);
            }
        }
        if (input.containsKey("pricingPolicies")) {
            List<Map<String, Object>> policies = list(input.get("pricingPolicies"));
            if (policies.size() > 2) {
                error(
                        "SELLING_PLAN_PRICING_POLICIES_LIMIT",
                        "Selling plans can't have more than 2 pricing policies",
                        append(path, "pricingPolicies"));
            }
            List<Map<String, Object>> stored = new ArrayList<>();
            for (Map<String, Object> policy : policies) {
                boolean recurring = policy.get("recurring") != null;
                if (recurring == (policy.get("fixed") != null)) {
                    error(
                            "ONLY_NEED_ONE_PRICING_POLICY_TYPE",
                            "Only one pricing policy type is needed",
                            append(path, "pricingPolicies"));
                    continue;
                }
                Map<String, Object> p =
                        (Map<String, Object>) (recurring ? policy.get("recurring") : policy.get("fixed"));
                Map<String, Object> out = SchemaValues.object(
                        recurring ? "SellingPlanRecurringPricingPolicy" : "SellingPlanFixedPricingPolicy",
                        "adjustmentType",
                        p.get("adjustmentType"),
                        "createdAt",
                        now);
                Map<String, Object> value = (Map<String, Object>) p.get("adjustmentValue");
                if (value == null || value.get("percentage") != null == (value.get("fixedValue") != null)) {
                    error(
                            "ONLY_NEED_ONE_PRICING_POLICY_VALUE",
                            "Only one pricing policy adjustment value is needed",
                            append(path, "pricingPolicies"));
                    continue;
                }
                boolean percentage = value.get("percentage") != null;
                if (percentage != "PERCENTAGE".equals(p.get("adjustmentType"))) {
                    error(
                            "PRICING_POLICY_ADJUSTMENT_VALUE_AND_TYPE_MUST_MATCH",
                            "Pricing policy adjustment value and type must match",
                            append(path, "pricingPolicies"));
                    continue;
                }
                out.put(
                        "adjustmentValue",
                        percentage
                                ? SchemaValues.object(
                                        "SellingPlanPricingPolicyPercentageValue",
                                        "percentage",
                                        ((Number) value.get("percentage")).doubleValue())
                                : SchemaValues.money(new java.math.BigDecimal(
                                        value.get("fixedValue").toString())));
                if (recurring) {
                    out.put("afterCycle", p.get("afterCycle"));
                }
                stored.add(out);
            }
            plan.put("pricingPolicies", stored);
        }
        checkPolicies(plan, path);
    }

    private void checkPolicies(SellingPlan plan, String... path) {
        Map<String, Object> billing = plan.billingPolicy();
        Map<String, Object> delivery = plan.deliveryPolicy();
        if (billing == null || delivery == null) {
            return;
        }
        boolean billingRecurring = "SellingPlanRecurringBillingPolicy".equals(billing.get(ShopData.TYPENAME));
        boolean deliveryRecurring = "SellingPlanRecurringDeliveryPolicy".equals(delivery.get(ShopData.TYPENAME));
        if (billingRecurring != deliveryRecurring) {
            error(
                    "BILLING_AND_DELIVERY_POLICY_TYPES_MUST_BE_THE_SAME",
                    "Billing and delivery policy types must be the same.",
                    path);
            return;
        }
        if (!billingRecurring) {
            return;
        }
        for (Map<String, Object> policy : List.of(billing, delivery)) {
            String which = policy == billing ? "billingPolicy" : "deliveryPolicy";
            if (!INTERVALS.contains(String.valueOf(policy.get("interval")))) {
                error("BLANK", "Interval can't be blank", append(path, which, "recurring", "interval"));
                return;
            }
            if (!(policy.get("intervalCount") instanceof Integer count) || count < 1) {
                error(
                        "GREATER_THAN",
                        "Interval count must be greater than 0",
                        append(path, which, "recurring", "intervalCount"));
                return;
            }
        }
        if (!isMultiple(
                (String) billing.get("interval"),
                (Integer) billing.get("intervalCount"),
                (String) delivery.get("interval"),
                (Integer) delivery.get("intervalCount"))) {
            error(
                    "SELLING_PLAN_BILLING_CYCLE_MUST_BE_A_MULTIPLE_OF_DELIVERY_CYCLE",
                    "Selling plan's billing cycle must be a multiple of delivery cycle",
                    path);
        }
        Integer min = (Integer) billing.get("minCycles");
        Integer max = (Integer) billing.get("maxCycles");
        if (min != null && max != null && max < min) {
            error(
                    "SELLING_PLAN_MAX_CYCLES_MUST_BE_GREATER_THAN_MIN_CYCLES",
                    "Selling plan's max cycles must be greater than min cycles",
                    append(path, "billingPolicy", "recurring", "maxCycles"));
        }
    }

    /** Whether a billing cycle is a whole number of delivery cycles (months and years; days and weeks). */
    static boolean isMultiple(String billingInterval, int billingCount, String deliveryInterval, int deliveryCount) {
        long billing = units(billingInterval, billingCount);
        long delivery = units(deliveryInterval, deliveryCount);
        boolean billingMonths = billingInterval.equals("MONTH") || billingInterval.equals("YEAR");
        boolean deliveryMonths = deliveryInterval.equals("MONTH") || deliveryInterval.equals("YEAR");
        return billingMonths == deliveryMonths && billing % delivery == 0;
    }

    private static long units(String interval, int count) {
        return switch (interval) {
            case "YEAR" -> 12L * count;
            case "WEEK" -> 7L * count;
            default -> count;
        };
    }

    /** The plans a group would have: names and options unique among them. */
    void checkTogether(List<SellingPlan> plans) {
        Set<String> names = new HashSet<>();
        Set<List<?>> options = new HashSet<>();
        for (SellingPlan plan : plans) {
            Object name = plan.name();
            if (name != null && !names.add(name.toString().toLowerCase(java.util.Locale.ROOT))) {
                error(
                        "SELLING_PLAN_DUPLICATE_NAME",
                        "Selling plans in a group must have unique names: '" + name + "' appears twice",
                        "input",
                        "sellingPlansToCreate");
            }
            List<?> planOptions = plan.options();
            if (planOptions != null && !planOptions.isEmpty() && !options.add(planOptions)) {
                error(
                        "SELLING_PLAN_DUPLICATE_OPTIONS",
                        "Selling plans in a group must have unique options",
                        "input",
                        "sellingPlansToCreate");
            }
        }
    }

    // ---- input helpers ----

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(Object current, String type) {
        Map<String, Object> policy = new LinkedHashMap<>();
        if (current instanceof Map<?, ?> map && type.equals(map.get(ShopData.TYPENAME))) {
            policy.putAll((Map<String, Object>) map);
        }
        policy.put(ShopData.TYPENAME, type);
        return policy;
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... fields) {
        for (String field : fields) {
            if (from.containsKey(field)) {
                to.put(field, from.get(field));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> anchors(Object input, Object current) {
        if (input == null) {
            return current == null ? List.of() : (List<Map<String, Object>>) current;
        }
        List<Map<String, Object>> anchors = new ArrayList<>();
        for (Map<String, Object> anchor : (List<Map<String, Object>>) input) {
            anchors.add(SchemaValues.object(
                    "SellingPlanAnchor",
                    "type",
                    anchor.get("type"),
                    "day",
                    anchor.get("day"),
                    "month",
                    anchor.get("month"),
                    "cutoffDay",
                    anchor.get("cutoffDay")));
        }
        return anchors;
    }

    private static String[] append(String[] path, String... more) {
        String[] all = new String[path.length + more.length];
        System.arraycopy(path, 0, all, 0, path.length);
        System.arraycopy(more, 0, all, path.length, more.length);
        return all;
    }
}
