package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shop's data as a theme's Liquid sees it: Shopify's {@code product} (with its variants' selling plan
 * allocations and its {@code selling_plan_groups}) and {@code customer} objects, built from the Admin API's state.
 * Liquid speaks snake_case, money in the currency's subunit (cents) and ids as numbers; the Admin API speaks
 * camelCase, decimal strings and gids: this class is where one becomes the other. Plain maps and lists, which the
 * template engine reads as they are.
 */
public final class StorefrontCatalog {

    private final ShopData shop;

    public StorefrontCatalog(ShopData shop) {
        this.shop = shop;
    }

    /** The product with this handle as Liquid's {@code product}, with a selected variant and plan if the URL names them. */
    public Optional<Map<String, Object>> product(String handle, Long variantId, Long sellingPlanId) {
        shop.lock().lock();
        try {
            return shop.products.values().stream()
                    .filter(p -> handle.equals(p.handle()))
                    .findFirst()
                    .map(p -> liquidProduct(p, variantId, sellingPlanId));
        } finally {
            shop.lock().unlock();
        }
    }

    /** Every product's title and handle, for the fake's index page. */
    public List<Map<String, Object>> products() {
        shop.lock().lock();
        try {
            return shop.products.values().stream()
                    .map(p -> Map.<String, Object>of(
                            "title", p.title(), "handle", p.handle(), "url", "/products/" + p.handle()))
                    .toList();
        } finally {
            shop.lock().unlock();
        }
    }

    /** The variant with this id as a cart line sees it: its product's title, its price, and the plan's allocation. */
    public Optional<Map<String, Object>> variant(long variantId) {
        shop.lock().lock();
        try {
            ProductVariant variant = shop.variants.get(variantId);
            if (variant == null) {
                return Optional.empty();
            }
            Product product = shop.products.get(variant.productId());
            Map<String, Object> liquid = liquidVariant(variant, shop.groupsOf(product.id()));
            liquid.put("product_title", product.title());
            liquid.put("handle", product.handle());
            return Optional.of(liquid);
        } finally {
            shop.lock().unlock();
        }
    }

    /** Liquid's {@code customer} for a logged-in customer: the shop's record, or a bare one for an id it has not seen. */
    public Map<String, Object> customer(long customerId) {
        shop.lock().lock();
        try {
            Customer known = shop.customers.get(customerId);
            String first = known == null ? null : known.firstName();
            String last = known == null ? null : known.lastName();
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", customerId);
            customer.put("first_name", first);
            customer.put("last_name", last);
            customer.put("name", known == null ? null : known.displayName());
            customer.put("email", known == null ? null : known.email());
            return customer;
        } finally {
            shop.lock().unlock();
        }
    }

    /** The shop's customers (id and name), for the fake's log-in page. */
    public List<Map<String, Object>> customers() {
        shop.lock().lock();
        try {
            return shop.customers.values().stream()
                    .map(c -> Map.<String, Object>of(
                            "id",
                            Long.toUnsignedString(c.id()),
                            "name",
                            Objects.toString(c.displayName(), ""),
                            "email",
                            Objects.toString(c.email(), "")))
                    .toList();
        } finally {
            shop.lock().unlock();
        }
    }

    // ---- Liquid objects ----

    @SuppressWarnings("unchecked")
    private Map<String, Object> liquidProduct(Product product, Long variantId, Long sellingPlanId) {
        List<SellingPlanGroup> groups = shop.groupsOf(product.id()).stream()
                .filter(g -> !g.plans().isEmpty())
                .toList();
        List<Map<String, Object>> variants =
                product.variants().stream().map(v -> liquidVariant(v, groups)).toList();
        Map<String, Object> selected = variants.stream()
                .filter(v -> Objects.equals(v.get("id"), variantId))
                .findFirst()
                .orElse(null);
        Map<String, Object> liquid = new LinkedHashMap<>();
        liquid.put("id", product.id());
        liquid.put("title", product.title());
        liquid.put("handle", product.handle());
        liquid.put("url", "/products/" + product.handle());
        liquid.put("vendor", product.get("vendor"));
        liquid.put("type", product.get("productType"));
        liquid.put("description", product.get("descriptionHtml"));
        liquid.put("variants", variants);
        liquid.put("has_only_default_variant", product.get("hasOnlyDefaultVariant"));
        liquid.put("price", variants.get(0).get("price"));
        liquid.put("selected_variant", selected);
        liquid.put("first_available_variant", variants.get(0));
        liquid.put("selected_or_first_available_variant", selected != null ? selected : variants.get(0));
        liquid.put("requires_selling_plan", product.get("requiresSellingPlan"));
        List<Map<String, Object>> liquidGroups =
                groups.stream().map(StorefrontCatalog::liquidGroup).toList();
        liquid.put("selling_plan_groups", liquidGroups);
        liquid.put(
                "selected_selling_plan",
                liquidGroups.stream()
                        .flatMap(g -> ((List<Map<String, Object>>) g.get("selling_plans")).stream())
                        .filter(plan -> Objects.equals(plan.get("id"), sellingPlanId))
                        .findFirst()
                        .orElse(null));
        return liquid;
    }

    private static Map<String, Object> liquidVariant(ProductVariant variant, List<SellingPlanGroup> groups) {
        long price = cents(variant.price());
        List<Map<String, Object>> allocations = new ArrayList<>();
        for (SellingPlanGroup group : groups) {
            for (SellingPlan plan : group.plans()) {
                long planPrice = adjusted(price, plan);
                Map<String, Object> allocation = new LinkedHashMap<>();
                allocation.put("price", planPrice);
                allocation.put("compare_at_price", price);
                allocation.put("per_delivery_price", planPrice);
                allocation.put("selling_plan_group_id", group.get("legacyResourceId"));
                allocation.put("selling_plan", liquidPlan(group, plan));
                allocations.add(allocation);
            }
        }
        Map<String, Object> liquid = new LinkedHashMap<>();
        liquid.put("id", variant.id());
        liquid.put("title", variant.title());
        liquid.put("sku", variant.sku());
        liquid.put("price", price);
        liquid.put("compare_at_price", null);
        liquid.put("available", variant.get("availableForSale"));
        liquid.put("selling_plan_allocations", allocations);
        return liquid;
    }

    private static Map<String, Object> liquidGroup(SellingPlanGroup group) {
        Map<String, Object> liquid = new LinkedHashMap<>();
        liquid.put("id", group.get("legacyResourceId"));
        liquid.put("name", group.name());
        liquid.put("app_id", group.get("appId"));
        liquid.put(
                "selling_plans",
                group.plans().stream().map(plan -> liquidPlan(group, plan)).toList());
        return liquid;
    }

    private static Map<String, Object> liquidPlan(SellingPlanGroup group, SellingPlan plan) {
        Map<String, Object> liquid = new LinkedHashMap<>();
        liquid.put("id", plan.id());
        liquid.put("name", plan.name());
        liquid.put("description", plan.get("description"));
        liquid.put("group_id", group.get("legacyResourceId"));
        liquid.put("recurring_deliveries", true);
        List<Map<String, Object>> adjustments = new ArrayList<>();
        int position = 1;
        for (SellingPlan.Pricing pricing : plan.pricing()) {
            boolean percentage = "PERCENTAGE".equals(pricing.adjustmentType());
            adjustments.add(Map.of(
                    "position",
                    position++,
                    "order_count",
                    Objects.requireNonNullElse(pricing.afterCycle(), 0),
                    "value_type",
                    percentage
                            ? "percentage"
                            : "FIXED_AMOUNT".equals(pricing.adjustmentType()) ? "fixed_amount" : "price",
                    "value",
                    percentage ? Math.round(pricing.percentage()) : cents(pricing.amount())));
        }
        liquid.put("price_adjustments", adjustments);
        return liquid;
    }

    /** The variant's price under the plan's first pricing policy (the one that applies from the first order). */
    private static long adjusted(long price, SellingPlan plan) {
        List<SellingPlan.Pricing> policies = plan.pricing();
        if (policies.isEmpty()) {
            return price;
        }
        SellingPlan.Pricing pricing = policies.get(0);
        return switch (String.valueOf(pricing.adjustmentType())) {
            case "PERCENTAGE" ->
                BigDecimal.valueOf(price)
                        .multiply(BigDecimal.valueOf(100 - pricing.percentage()))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                        .longValue();
            case "FIXED_AMOUNT" -> Math.max(0, price - cents(pricing.amount()));
            case "PRICE" -> cents(pricing.amount());
            default -> price;
        };
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
