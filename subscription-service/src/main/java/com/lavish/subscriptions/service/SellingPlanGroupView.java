package com.lavish.subscriptions.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.edge.json.MoneyText;
import com.lavish.subscriptions.SellingPlan;
import com.lavish.subscriptions.SellingPlanGroup;
import com.lavish.subscriptions.SellingPlanGroupProduct;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A selling plan group as the admin sees it: {@code id} is this service's, {@code shopify_id} Shopify's once the
 * group is live.
 *
 * @param state   pending (sent to Shopify), live, rejected, failed or deleted
 * @param message Shopify's message when it refused the group
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "SellingPlanGroup")
public record SellingPlanGroupView(
        String id,
        String shop,
        String shopifyId,
        String name,
        String merchantCode,
        String description,
        List<String> options,
        String state,
        String message,
        Instant createdAt,
        List<Plan> plans,
        List<Product> products) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Plan(
            String shopifyId,
            String name,
            String option,
            String interval,
            Integer intervalCount,
            String deliveryInterval,
            Integer deliveryIntervalCount,
            String adjustmentType,
            String adjustmentValue) {}

    /** @param state live, adding or removing */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Product(String productId, String state) {}

    public static SellingPlanGroupView of(SellingPlanGroup group, List<SellingPlanGroupProduct> products) {
        return new SellingPlanGroupView(
                Long.toString(group.id),
                group.shopDomain,
                text(group.shopifyId),
                group.name,
                group.merchantCode,
                group.description,
                group.options == null || group.options.isEmpty() ? List.of() : List.of(group.options.split("\n")),
                group.state,
                group.message,
                group.createdAt,
                group.plans.stream().map(SellingPlanGroupView::plan).toList(),
                products.stream()
                        .map(p -> new Product(Long.toString(p.productId), p.state))
                        .toList());
    }

    private static Plan plan(SellingPlan plan) {
        return new Plan(
                text(plan.shopifyId),
                plan.name,
                plan.optionValue,
                plan.billingInterval,
                plan.billingIntervalCount,
                plan.deliveryInterval,
                plan.deliveryIntervalCount,
                plan.adjustmentType,
                plan.adjustmentValue == null ? null : MoneyText.of(plan.adjustmentValue));
    }

    private static String text(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
