package com.lavish.shopifyfake.admin;

import graphql.schema.DataFetcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The selling plan mutations (docs/shopify-reference.md §3.3) with Shopify's payloads and user errors:
 * {@code sellingPlanGroupCreate|Update|Delete|AddProducts|RemoveProducts} and
 * {@code productJoinSellingPlanGroups|productLeaveSellingPlanGroups}. A request with a user error changes nothing.
 */
final class SellingPlanGroups {

    private static final String ERROR = "SellingPlanGroupUserError";

    private final ShopData shop;
    private final Outbox outbox;
    private final UserErrors errors = new UserErrors();
    private final SellingPlanInput plans;

    SellingPlanGroups(ShopData shop, Outbox outbox) {
        this.shop = shop;
        this.outbox = outbox;
        this.plans = new SellingPlanInput(shop, errors);
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
        List<Map<String, Object>> toCreate = SellingPlanInput.list(input.get("sellingPlansToCreate"));
        List<SellingPlan> created = new ArrayList<>();
        for (int i = 0; i < toCreate.size(); i++) {
            SellingPlan plan = plans.newPlan();
            plans.apply(plan, toCreate.get(i), true, "input", "sellingPlansToCreate", String.valueOf(i));
            created.add(plan);
        }
        plans.checkTogether(created);
        List<Long> productIds =
                products(resources == null ? null : resources.get("productIds"), "resources", "productIds");
        List<String> variantIds =
                resources == null ? List.of() : (List<String>) resources.getOrDefault("productVariantIds", List.of());
        if (variantIds != null) {
            for (String variantId : variantIds) {
                if (shop.find(ProductVariant.class, variantId) == null) {
                    error(
                            "PRODUCT_VARIANT_DOES_NOT_EXIST",
                            "Product variant does not exist.",
                            "resources",
                            "productVariantIds");
                }
            }
        }
        if (!errors.isEmpty()) {
            created.forEach(p -> shop.forget(p.gid()));
            return errors.payload("SellingPlanGroupCreatePayload", "sellingPlanGroup", null);
        }
        SellingPlanGroup group = shop.add(new SellingPlanGroup(shop.nextId("SellingPlanGroup")));
        String now = shop.nowText();
        group.put("name", name);
        Object merchantCode = input.get("merchantCode");
        group.put("merchantCode", merchantCode == null ? name : merchantCode);
        group.put("description", input.get("description"));
        group.put(
                "options", input.get("options") == null ? List.of() : List.copyOf((List<String>) input.get("options")));
        group.put("position", input.get("position"));
        group.put("appId", input.get("appId"));
        group.put("createdAt", now);
        group.plans(created);
        Set<Long> attached = group.productIds();
        attached.addAll(productIds);
        if (variantIds != null) {
            for (String variantId : variantIds) {
                attached.add(shop.find(ProductVariant.class, variantId).productId());
            }
        }
        wireGroup(group);
        shop.groups.put(group.id(), group);
        outbox.add("selling_plan_groups/create", CatalogWebhookPayloads.group(shop, group));
        productsChanged(attached);
        return errors.payload("SellingPlanGroupCreatePayload", "sellingPlanGroup", group);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> update(String id, Map<String, Object> input) {
        SellingPlanGroup group = shop.find(SellingPlanGroup.class, id);
        if (group == null) {
            error("GROUP_DOES_NOT_EXIST", "Selling plan group does not exist.", "id");
            return errors.payload(
                    "SellingPlanGroupUpdatePayload", "deletedSellingPlanIds", null, "sellingPlanGroup", null);
        }
        if (input.containsKey("name") && (input.get("name") == null || ((String) input.get("name")).isBlank())) {
            error("BLANK", "Name can't be blank", "input", "name");
        }
        // the update works on copies, so a user error leaves the stored plans as they were
        List<SellingPlan> updated = new ArrayList<>();
        for (SellingPlan plan : group.plans()) {
            updated.add(new SellingPlan(plan));
        }
        List<String> deleted = new ArrayList<>();
        List<String> toDelete = (List<String>) input.getOrDefault("sellingPlansToDelete", List.of());
        for (String planId : toDelete == null ? List.<String>of() : toDelete) {
            if (updated.removeIf(p -> planId.equals(p.gid()))) {
                deleted.add(planId);
            } else {
                error("PLAN_DOES_NOT_EXIST", "Selling plan does not exist.", "input", "sellingPlansToDelete");
            }
        }
        List<Map<String, Object>> toUpdate = SellingPlanInput.list(input.get("sellingPlansToUpdate"));
        for (int i = 0; i < toUpdate.size(); i++) {
            Map<String, Object> change = toUpdate.get(i);
            String planId = (String) change.get("id");
            if (planId == null) {
                error(
                        "PLAN_ID_MUST_BE_SPECIFIED_TO_UPDATE",
                        "Id must be specified to update a Selling Plan.",
                        "input",
                        "sellingPlansToUpdate",
                        String.valueOf(i),
                        "id");
                continue;
            }
            SellingPlan plan = updated.stream()
                    .filter(p -> planId.equals(p.gid()))
                    .findFirst()
                    .orElse(null);
            if (plan == null) {
                error(
                        "PLAN_DOES_NOT_EXIST",
                        "Selling plan does not exist.",
                        "input",
                        "sellingPlansToUpdate",
                        String.valueOf(i),
                        "id");
                continue;
            }
            plans.apply(plan, change, false, "input", "sellingPlansToUpdate", String.valueOf(i));
        }
        List<Map<String, Object>> toCreate = SellingPlanInput.list(input.get("sellingPlansToCreate"));
        List<SellingPlan> created = new ArrayList<>();
        for (int i = 0; i < toCreate.size(); i++) {
            SellingPlan plan = plans.newPlan();
            plans.apply(plan, toCreate.get(i), true, "input", "sellingPlansToCreate", String.valueOf(i));
            created.add(plan);
        }
        updated.addAll(created);
        plans.checkTogether(updated);
        if (!errors.isEmpty()) {
            created.forEach(p -> shop.forget(p.gid()));
            return errors.payload(
                    "SellingPlanGroupUpdatePayload", "deletedSellingPlanIds", null, "sellingPlanGroup", null);
        }
        for (String field : List.of("name", "merchantCode", "description", "position", "appId")) {
            if (input.containsKey(field)) {
                group.put(field, input.get(field));
            }
        }
        if (input.containsKey("options")) {
            group.put(
                    "options",
                    input.get("options") == null ? List.of() : List.copyOf((List<String>) input.get("options")));
        }
        deleted.forEach(shop::forget);
        // the updated plans replace the stored ones (same ids, so node(id) finds the new state)
        for (SellingPlan plan : updated) {
            shop.add(plan);
        }
        group.plans(updated);
        outbox.add("selling_plan_groups/update", CatalogWebhookPayloads.group(shop, group));
        return errors.payload(
                "SellingPlanGroupUpdatePayload",
                "deletedSellingPlanIds",
                deleted.isEmpty() ? null : deleted,
                "sellingPlanGroup",
                group);
    }

    Map<String, Object> delete(String id) {
        SellingPlanGroup group = shop.find(SellingPlanGroup.class, id);
        if (group == null) {
            error("GROUP_DOES_NOT_EXIST", "Selling plan group does not exist.", "id");
            return errors.payload("SellingPlanGroupDeletePayload", "deletedSellingPlanGroupId", null);
        }
        shop.groups.remove(group.id());
        shop.forget(id);
        group.plans().forEach(p -> shop.forget(p.gid()));
        outbox.add("selling_plan_groups/delete", CatalogWebhookPayloads.groupDeleted(group));
        productsChanged(group.productIds());
        return errors.payload("SellingPlanGroupDeletePayload", "deletedSellingPlanGroupId", id);
    }

    /** sellingPlanGroupAddProducts ({@code add}) and sellingPlanGroupRemoveProducts. */
    Map<String, Object> groupProducts(String id, List<String> productGids, boolean add) {
        String payloadType = add ? "SellingPlanGroupAddProductsPayload" : "SellingPlanGroupRemoveProductsPayload";
        String answer = add ? "sellingPlanGroup" : "removedProductIds";
        SellingPlanGroup group = shop.find(SellingPlanGroup.class, id);
        if (group == null) {
            error("GROUP_DOES_NOT_EXIST", "Selling plan group does not exist.", "id");
        }
        List<Long> productIds = products(productGids, "productIds");
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, answer, null);
        }
        Set<Long> changed = new LinkedHashSet<>();
        for (long productId : productIds) {
            if (add ? group.productIds().add(productId) : group.productIds().remove(productId)) {
                changed.add(productId);
            }
        }
        if (!changed.isEmpty()) {
            outbox.add("selling_plan_groups/update", CatalogWebhookPayloads.group(shop, group));
            productsChanged(changed);
        }
        return errors.payload(
                payloadType,
                answer,
                add
                        ? group
                        : changed.stream()
                                .map(productId -> Gids.of("Product", productId))
                                .toList());
    }

    /** productJoinSellingPlanGroups ({@code join}) and productLeaveSellingPlanGroups. */
    Map<String, Object> productGroups(String productGid, List<String> groupIds, boolean join) {
        String payloadType = join ? "ProductJoinSellingPlanGroupsPayload" : "ProductLeaveSellingPlanGroupsPayload";
        Product product = shop.find(Product.class, productGid);
        if (product == null) {
            error("PRODUCT_DOES_NOT_EXIST", "Product does not exist.", "id");
        }
        List<SellingPlanGroup> groups = new ArrayList<>();
        for (String groupId : groupIds) {
            SellingPlanGroup group = shop.find(SellingPlanGroup.class, groupId);
            if (group == null) {
                error("GROUP_DOES_NOT_EXIST", "Selling plan group does not exist.", "sellingPlanGroupIds");
            } else {
                groups.add(group);
            }
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "product", null);
        }
        long productId = product.id();
        boolean changed = false;
        for (SellingPlanGroup group : groups) {
            Set<Long> ids = group.productIds();
            if (join ? ids.add(productId) : ids.remove(productId)) {
                changed = true;
                outbox.add("selling_plan_groups/update", CatalogWebhookPayloads.group(shop, group));
            }
        }
        if (changed) {
            productsChanged(Set.of(productId));
        }
        return errors.payload(payloadType, "product", product);
    }

    // ---- wiring ----

    /** The group's computed fields: its products, variants, counts and summary. */
    private void wireGroup(SellingPlanGroup group) {
        Set<Long> productIds = group.productIds();
        group.put("products", (Supplier<Object>) () -> productIds.stream()
                .map(shop.products::get)
                .filter(java.util.Objects::nonNull)
                .toList());
        group.put("productsCount", (Supplier<Object>) () -> SchemaValues.count(productIds.size()));
        group.put("productVariants", (Supplier<Object>) () -> List.of());
        group.put("productVariantsCount", (Supplier<Object>) () -> SchemaValues.count(0));
        group.put("appliesToProduct", (DataFetcher<Object>)
                env -> productIds.contains(Gids.number(env.getArgument("productId"))));
        group.put("appliesToProductVariants", (DataFetcher<Object>)
                env -> productIds.contains(Gids.number(env.getArgument("productId"))));
        group.put("appliesToProductVariant", (DataFetcher<Object>) env -> {
            ProductVariant variant = shop.find(ProductVariant.class, env.getArgument("productVariantId"));
            return variant != null && productIds.contains(variant.productId());
        });
        group.put("summary", (Supplier<Object>) group::summary);
    }

    private void productsChanged(Set<Long> productIds) {
        for (long productId : productIds) {
            shop.touchProduct(productId);
            Product product = shop.products.get(productId);
            if (product != null) {
                outbox.add("products/update", CatalogWebhookPayloads.product(product));
            }
        }
    }

    // ---- input helpers ----

    @SuppressWarnings("unchecked")
    private List<Long> products(Object gids, String... field) {
        List<Long> ids = new ArrayList<>();
        for (String gid : gids == null ? List.<String>of() : (List<String>) gids) {
            Product product = shop.find(Product.class, gid);
            if (product == null) {
                error("PRODUCT_DOES_NOT_EXIST", "Product does not exist.", field);
            } else {
                ids.add(product.id());
            }
        }
        return ids;
    }
}
