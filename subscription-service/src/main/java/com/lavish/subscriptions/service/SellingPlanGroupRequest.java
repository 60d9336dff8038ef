package com.lavish.subscriptions.service;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The admin's new selling plan group: its plans and the products it applies to.
 *
 * @param shop       the shop domain, one this suite serves
 * @param options    the group's option names (the buyer picks a plan by its option value), e.g. "Delivery every"
 * @param productIds Shopify product ids (digits or gids)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "SellingPlanGroupCreate")
public record SellingPlanGroupRequest(String shop, String name, String description, List<String> options,
                                      List<Plan> plans, List<String> productIds) {

    /**
     * A recurring plan: bill and deliver every {@code intervalCount} {@code interval}s.
     *
     * @param option                its value of the group's option, e.g. "1 month"
     * @param interval              day, week, month or year
     * @param deliveryIntervalCount deliveries per billing must divide the billing interval; default the same
     * @param percentageOff         a percentage price adjustment (10 for 10% off), or none
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Plan(String name, String option, String interval, Integer intervalCount,
                       Integer deliveryIntervalCount, BigDecimal percentageOff) {
    }
}
