package com.lavish.shopifyfake.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import graphql.schema.DataFetcher;

/**
 * The selling plan mutations (docs/shopify-reference.md §3.3) with Shopify's payloads and user errors:
 * {@code sellingPlanGroupCreate|Update|Delete|AddProducts|RemoveProducts} and
 * {@code productJoinSellingPlanGroups|productLeaveSellingPlanGroups}. A request with a user error changes nothing.
 */
final class SellingPlanGroups {

    private static final String ERROR = "SellingPlanGroupUserError";
    private static final Set<String> INTERVALS = Set.of("DAY", "WEEK", "MONTH", "YEAR");

    private final ShopData shop;
    private final Outbox outbox;
    private final UserErrors errors = new UserErrors();

    SellingPlanGroups(ShopData shop, Outbox outbox) {
        this.shop = shop;
        this.outbox = outbox;
    }

    private void error(String code, String message, String... field) {
        errors.add(ERROR, code, message, field);
    }

    // ---- mutations ----

    @SuppressWarnings("unchecked")
    Map<String, Object> create(Map<String, Object> input, Map<String, Object> resources) {
        String name = (String) input.get("name");
        if (name == null || name.isBlank()) {
            error("BLANK", "Name can't be blank", "input", "name");
        }
        List<Map<String, Object>> toCreate = list(input.get("sellingPlansToCreate"));
        List<Map<String, Object>> plans = new ArrayList<>();
        for (int i = 0; i < toCreate.size(); i++) {
            Map<String, Object> plan = newPlan();
            applyPlan(plan, toCreate.get(i), true, "input", "sellingPlansToCreate", String.valueOf(i));
            plans.add(plan);
        }
        checkPlansTogether(plans);
        List<Long> productIds = products(resources == null ? null : resources.get("productIds"), "resources",
                "productIds");
        List<String> variantIds = resources == null ? List.of() : (List<String>) resources.getOrDefault(
                "productVariantIds", List.of());
        if (variantIds != null) {
            for (String variantId : variantIds) {
                if (shop.find("ProductVariant", variantId) == null) {
                    error("PRODUCT_VARIANT_DOES_NOT_EXIST", "Product variant does not exist.", "resources",
                            "productVariantIds");
                }
            }
        }
        if (!errors.isEmpty()) {
            plans.forEach(p -> shop.forget((String) p.get("id")));
            return errors.payload("SellingPlanGroupCreatePayload", "sellingPlanGroup", null);
        }
        Map<String, Object> group = shop.create("SellingPlanGroup");
        String now = shop.nowText();
        group.put("name", name);
        Object merchantCode = input.get("merchantCode");
        group.put("merchantCode", merchantCode == null ? name : merchantCode);
        group.put("description", input.get("description"));
        group.put("options", input.get("options") == null ? List.of() : List.copyOf((List<String>) input.get("options")));
        group.put("position", input.get("position"));
        group.put("appId", input.get("appId"));
        group.put("createdAt", now);
        group.put("sellingPlans", plans);
        Set<Long> attached = ShopData.newIdSet();
        attached.addAll(productIds);
        group.put("_productIds", attached);
        if (variantIds != null) {
            for (String variantId : variantIds) {
                attached.add((Long) shop.find("ProductVariant", variantId).get("_productId"));
            }
        }
        wireGroup(group);
        shop.groups.put(ShopData.id(group), group);
        outbox.add("selling_plan_groups/create", WebhookPayloads.group(shop, group));
        productsChanged(attached);
        return errors.payload("SellingPlanGroupCreatePayload", "sellingPlanGroup", group);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> update(String id, Map<String, Object> input) {
        Map<String, Object> group = shop.find("SellingPlanGroup", id);
        if (group == null) {
            error("GROUP_DOES_NOT_EXIST", "Selling plan group does not exist.", "id");
            return errors.payload("SellingPlanGroupUpdatePayload", "deletedSellingPlanIds", null, "sellingPlanGroup", null);
        }
        if (input.containsKey("name") && (input.get("name") == null || ((String) input.get("name")).isBlank())) {
            error("BLANK", "Name can't be blank", "input", "name");
        }
        List<Map<String, Object>> current = (List<Map<String, Object>>) group.get("sellingPlans");
        List<Map<String, Object>> plans = new ArrayList<>();
        for (Map<String, Object> plan : current) {
            plans.add(new LinkedHashMap<>(plan));
        }
        List<String> deleted = new ArrayList<>();
        List<String> toDelete = (List<String>) input.getOrDefault("sellingPlansToDelete", List.of());
        for (String planId : toDelete == null ? List.<String>of() : toDelete) {
            if (plans.removeIf(p -> planId.equals(p.get("id")))) {
                deleted.add(planId);
            } else {
                error("PLAN_DOES_NOT_EXIST", "Selling plan does not exist.", "input", "sellingPlansToDelete");
            }
        }
        List<Map<String, Object>> toUpdate = list(input.get("sellingPlansToUpdate"));
        for (int i = 0; i < toUpdate.size(); i++) {
            Map<String, Object> change = toUpdate.get(i);
            String planId = (String) change.get("id");
            if (planId == null) {
                error("PLAN_ID_MUST_BE_SPECIFIED_TO_UPDATE", "Id must be specified to update a Selling Plan.",
                        "input", "sellingPlansToUpdate", String.valueOf(i), "id");
                continue;
            }
            Map<String, Object> plan = plans.stream().filter(p -> planId.equals(p.get("id"))).findFirst().orElse(null);
            if (plan == null) {
                error("PLAN_DOES_NOT_EXIST", "Selling plan does not exist.", "input", "sellingPlansToUpdate",
                        String.valueOf(i), "id");
                continue;
            }
            applyPlan(plan, change, false, "input", "sellingPlansToUpdate", String.valueOf(i));
        }
        List<Map<String, Object>> toCreate = list(input.get("sellingPlansToCreate"));
        List<Map<String, Object>> created = new ArrayList<>();
        for (int i = 0; i < toCreate.size(); i++) {
            Map<String, Object> plan = newPlan();
            applyPlan(plan, toCreate.get(i), true, "input", "sellingPlansToCreate", String.valueOf(i));
            created.add(plan);
        }
        plans.addAll(created);
        checkPlansTogether(plans);
        if (!errors.isEmpty()) {
            created.forEach(p -> shop.forget((String) p.get("id")));
            return errors.payload("SellingPlanGroupUpdatePayload", "deletedSellingPlanIds", null, "sellingPlanGroup", null);
        }
        for (String field : List.of("name", "merchantCode", "description", "position", "appId")) {
            if (input.containsKey(field)) {
                group.put(field, input.get(field));
            }
        }
        if (input.containsKey("options")) {
            group.put("options", input.get("options") == null ? List.of() : List.copyOf((List<String>) input.get("options")));
        }
        deleted.forEach(shop::forget);
        // the updated plans replace the stored ones (same ids, so node(id) finds the new state)
        for (Map<String, Object> plan : plans) {
            shop.forget((String) plan.get("id"));
            shop.register(plan);
        }
        group.put("sellingPlans", plans);
        outbox.add("selling_plan_groups/update", WebhookPayloads.group(shop, group));
        return errors.payload("SellingPlanGroupUpdatePayload", "deletedSellingPlanIds", deleted.isEmpty() ? null : deleted,
                "sellingPlanGroup", group);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> delete(String id) {
        Map<String, Object> group = shop.find("SellingPlanGroup", id);
        if (group == null) {
            error("GROUP_DOES_NOT_EXIST", "Selling plan group does not exist.", "id");
            return errors.payload("SellingPlanGroupDeletePayload", "deletedSellingPlanGroupId", null);
        }
        shop.groups.remove(ShopData.id(group));
        shop.forget(id);
        ((List<Map<String, Object>>) group.get("sellingPlans")).forEach(p -> shop.forget((String) p.get("id")));
        outbox.add("selling_plan_groups/delete", WebhookPayloads.groupDeleted(group));
        productsChanged(ShopData.productIdsOf(group));
        return errors.payload("SellingPlanGroupDeletePayload", "deletedSellingPlanGroupId", id);
    }

    /** sellingPlanGroupAddProducts ({@code add}) and sellingPlanGroupRemoveProducts. */
    Map<String, Object> groupProducts(String id, List<String> productGids, boolean add) {
        String payloadType = add ? "SellingPlanGroupAddProductsPayload" : "SellingPlanGroupRemoveProductsPayload";
        String answer = add ? "sellingPlanGroup" : "removedProductIds";
        Map<String, Object> group = shop.find("SellingPlanGroup", id);
        if (group == null) {
            error("GROUP_DOES_NOT_EXIST", "Selling plan group does not exist.", "id");
        }
        List<Long> productIds = products(productGids, "productIds");
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, answer, null);
        }
        Set<Long> changed = ShopData.newIdSet();
        for (long productId : productIds) {
            if (add ? ShopData.productIdsOf(group).add(productId) : ShopData.productIdsOf(group).remove(productId)) {
                changed.add(productId);
            }
        }
        if (!changed.isEmpty()) {
            outbox.add("selling_plan_groups/update", WebhookPayloads.group(shop, group));
            productsChanged(changed);
        }
        return errors.payload(payloadType, answer, add ? group
                : changed.stream().map(productId -> Gids.of("Product", productId)).toList());
    }

    /** productJoinSellingPlanGroups ({@code join}) and productLeaveSellingPlanGroups. */
    Map<String, Object> productGroups(String productGid, List<String> groupIds, boolean join) {
        String payloadType = join ? "ProductJoinSellingPlanGroupsPayload" : "ProductLeaveSellingPlanGroupsPayload";
        Map<String, Object> product = shop.find("Product", productGid);
        if (product == null) {
            error("PRODUCT_DOES_NOT_EXIST", "Product does not exist.", "id");
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String groupId : groupIds) {
            Map<String, Object> group = shop.find("SellingPlanGroup", groupId);
            if (group == null) {
                error("GROUP_DOES_NOT_EXIST", "Selling plan group does not exist.", "sellingPlanGroupIds");
            } else {
                groups.add(group);
            }
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "product", null);
        }
        long productId = ShopData.id(product);
        boolean changed = false;
        for (Map<String, Object> group : groups) {
            Set<Long> ids = ShopData.productIdsOf(group);
            if (join ? ids.add(productId) : ids.remove(productId)) {
                changed = true;
                outbox.add("selling_plan_groups/update", WebhookPayloads.group(shop, group));
            }
        }
        if (changed) {
            productsChanged(Set.of(productId));
        }
        return errors.payload(payloadType, "product", product);
    }

    // ---- plans ----

    private Map<String, Object> newPlan() {
        Map<String, Object> plan = shop.create("SellingPlan");
        plan.put("createdAt", shop.nowText());
        plan.put("options", List.of());
        plan.put("pricingPolicies", List.of());
        plan.put("category", "SUBSCRIPTION");
        return plan;
    }

    @SuppressWarnings("unchecked")
    private void applyPlan(Map<String, Object> plan, Map<String, Object> input, boolean creating, String... path) {
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
            error("SELLING_PLAN_BILLING_POLICY_MISSING", "Selling plan billing policy must be present",
                    append(path, "billingPolicy"));
        }
        if (creating && delivery == null) {
            error("SELLING_PLAN_DELIVERY_POLICY_MISSING", "Selling plan delivery policy must be present",
                    append(path, "deliveryPolicy"));
        }
        String now = shop.nowText();
        if (billing != null) {
            if (billing.get("recurring") != null && billing.get("fixed") != null) {
                error("ONLY_ONE_OF_FIXED_OR_RECURRING_BILLING", "Only one of fixed or recurring billing is allowed",
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
                policy.put("remainingBalanceChargeTrigger", policy.getOrDefault("remainingBalanceChargeTrigger",
                        "NO_REMAINING_BALANCE"));
                plan.put("billingPolicy", policy);
            }
        }
        if (delivery != null) {
            if (delivery.get("recurring") != null && delivery.get("fixed") != null) {
                error("ONLY_ONE_OF_FIXED_OR_RECURRING_DELIVERY", "Only one of fixed or recurring delivery is allowed",
                        append(path, "deliveryPolicy"));
            } else if (delivery.get("recurring") instanceof Map<?, ?> recurring) {
                Map<String, Object> r = (Map<String, Object>) recurring;
                Map<String, Object> policy = merged(plan.get("deliveryPolicy"), "SellingPlanRecurringDeliveryPolicy");
                copy(r, policy, "interval", "intervalCount", "cutoff");
                policy.put("intent", r.get("intent") != null ? r.get("intent")
                        : policy.getOrDefault("intent", "FULFILLMENT_BEGIN"));
                policy.put("preAnchorBehavior", r.get("preAnchorBehavior") != null ? r.get("preAnchorBehavior")
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
                error("SELLING_PLAN_PRICING_POLICIES_LIMIT", "Selling plans can't have more than 2 pricing policies",
                        append(path, "pricingPolicies"));
            }
            List<Map<String, Object>> stored = new ArrayList<>();
            for (Map<String, Object> policy : policies) {
                boolean recurring = policy.get("recurring") != null;
                if (recurring == (policy.get("fixed") != null)) {
                    error("ONLY_NEED_ONE_PRICING_POLICY_TYPE", "Only one pricing policy type is needed",
                            append(path, "pricingPolicies"));
                    continue;
                }
                Map<String, Object> p = (Map<String, Object>) (recurring ? policy.get("recurring") : policy.get("fixed"));
                Map<String, Object> out = ShopData.object(recurring ? "SellingPlanRecurringPricingPolicy"
                        : "SellingPlanFixedPricingPolicy", "adjustmentType", p.get("adjustmentType"), "createdAt", now);
                Map<String, Object> value = (Map<String, Object>) p.get("adjustmentValue");
                if (value == null || value.get("percentage") != null == (value.get("fixedValue") != null)) {
                    error("ONLY_NEED_ONE_PRICING_POLICY_VALUE", "Only one pricing policy adjustment value is needed",
                            append(path, "pricingPolicies"));
                    continue;
                }
                boolean percentage = value.get("percentage") != null;
                if (percentage != "PERCENTAGE".equals(p.get("adjustmentType"))) {
                    error("PRICING_POLICY_ADJUSTMENT_VALUE_AND_TYPE_MUST_MATCH",
                            "Pricing policy adjustment value and type must match", append(path, "pricingPolicies"));
                    continue;
                }
                out.put("adjustmentValue", percentage
                        ? ShopData.object("SellingPlanPricingPolicyPercentageValue", "percentage",
                                ((Number) value.get("percentage")).doubleValue())
                        : ShopData.money(new java.math.BigDecimal(value.get("fixedValue").toString())));
                if (recurring) {
                    out.put("afterCycle", p.get("afterCycle"));
                }
                stored.add(out);
            }
            plan.put("pricingPolicies", stored);
        }
        checkPolicies(plan, path);
    }

    @SuppressWarnings("unchecked")
    private void checkPolicies(Map<String, Object> plan, String... path) {
        Map<String, Object> billing = (Map<String, Object>) plan.get("billingPolicy");
        Map<String, Object> delivery = (Map<String, Object>) plan.get("deliveryPolicy");
        if (billing == null || delivery == null) {
            return;
        }
        boolean billingRecurring = "SellingPlanRecurringBillingPolicy".equals(billing.get(ShopData.TYPENAME));
        boolean deliveryRecurring = "SellingPlanRecurringDeliveryPolicy".equals(delivery.get(ShopData.TYPENAME));
        if (billingRecurring != deliveryRecurring) {
            error("BILLING_AND_DELIVERY_POLICY_TYPES_MUST_BE_THE_SAME",
                    "Billing and delivery policy types must be the same.", path);
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
                error("GREATER_THAN", "Interval count must be greater than 0",
                        append(path, which, "recurring", "intervalCount"));
                return;
            }
        }
        if (!isMultiple((String) billing.get("interval"), (Integer) billing.get("intervalCount"),
                (String) delivery.get("interval"), (Integer) delivery.get("intervalCount"))) {
            error("SELLING_PLAN_BILLING_CYCLE_MUST_BE_A_MULTIPLE_OF_DELIVERY_CYCLE",
                    "Selling plan's billing cycle must be a multiple of delivery cycle", path);
        }
        Integer min = (Integer) billing.get("minCycles");
        Integer max = (Integer) billing.get("maxCycles");
        if (min != null && max != null && max < min) {
            error("SELLING_PLAN_MAX_CYCLES_MUST_BE_GREATER_THAN_MIN_CYCLES",
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

    private void checkPlansTogether(List<Map<String, Object>> plans) {
        Set<String> names = new HashSet<>();
        Set<List<?>> options = new HashSet<>();
        for (Map<String, Object> plan : plans) {
            Object name = plan.get("name");
            if (name != null && !names.add(name.toString().toLowerCase(java.util.Locale.ROOT))) {
                error("SELLING_PLAN_DUPLICATE_NAME", "Selling plans in a group must have unique names: '" + name
                        + "' appears twice", "input", "sellingPlansToCreate");
            }
            List<?> planOptions = (List<?>) plan.get("options");
            if (planOptions != null && !planOptions.isEmpty() && !options.add(planOptions)) {
                error("SELLING_PLAN_DUPLICATE_OPTIONS", "Selling plans in a group must have unique options",
                        "input", "sellingPlansToCreate");
            }
        }
    }

    // ---- wiring ----

    /** The group's computed fields: its products, variants, counts and summary. */
    private void wireGroup(Map<String, Object> group) {
        Set<Long> productIds = ShopData.productIdsOf(group);
        group.put("products", (Supplier<Object>) () -> productIds.stream().map(shop.products::get)
                .filter(java.util.Objects::nonNull).toList());
        group.put("productsCount", (Supplier<Object>) () -> ShopData.count(productIds.size()));
        group.put("productVariants", (Supplier<Object>) () -> List.of());
        group.put("productVariantsCount", (Supplier<Object>) () -> ShopData.count(0));
        group.put("appliesToProduct", (DataFetcher<Object>) env ->
                productIds.contains(Gids.number(env.getArgument("productId"))));
        group.put("appliesToProductVariants", (DataFetcher<Object>) env ->
                productIds.contains(Gids.number(env.getArgument("productId"))));
        group.put("appliesToProductVariant", (DataFetcher<Object>) env -> {
            Map<String, Object> variant = shop.find("ProductVariant", env.getArgument("productVariantId"));
            return variant != null && productIds.contains((Long) variant.get("_productId"));
        });
        group.put("summary", (Supplier<Object>) () -> summary(group));
    }

    @SuppressWarnings("unchecked")
    static String summary(Map<String, Object> group) {
        List<Map<String, Object>> plans = (List<Map<String, Object>>) group.get("sellingPlans");
        long discounted = plans.stream().filter(p -> !((List<?>) p.get("pricingPolicies")).isEmpty()).count();
        return plans.size() + " delivery frequenc" + (plans.size() == 1 ? "y" : "ies")
                + (discounted > 0 ? ", discount" : "");
    }

    private void productsChanged(Set<Long> productIds) {
        for (long productId : productIds) {
            shop.touchProduct(productId);
            Map<String, Object> product = shop.products.get(productId);
            if (product != null) {
                outbox.add("products/update", WebhookPayloads.product(product));
            }
        }
    }

    // ---- input helpers ----

    @SuppressWarnings("unchecked")
    private List<Long> products(Object gids, String... field) {
        List<Long> ids = new ArrayList<>();
        for (String gid : gids == null ? List.<String>of() : (List<String>) gids) {
            Map<String, Object> product = shop.find("Product", gid);
            if (product == null) {
                error("PRODUCT_DOES_NOT_EXIST", "Product does not exist.", field);
            } else {
                ids.add(ShopData.id(product));
            }
        }
        return ids;
    }

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
            anchors.add(ShopData.object("SellingPlanAnchor", "type", anchor.get("type"), "day", anchor.get("day"),
                    "month", anchor.get("month"), "cutoffDay", anchor.get("cutoffDay")));
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
