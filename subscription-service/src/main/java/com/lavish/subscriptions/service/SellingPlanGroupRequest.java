package com.lavish.subscriptions.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.edge.validation.ServedShop;
import com.lavish.edge.validation.ShopifyId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The admin's new selling plan group: its plans and the products it applies to. Its shape is checked by its
 * constraints; that plan names differ and that a plan's deliveries divide its billing, by {@link SellingPlanCatalogue}.
 *
 * @param shop       the shop domain, one this suite serves
 * @param options    the group's option names (the buyer picks a plan by its option value), e.g. "Delivery every"
 * @param productIds Shopify product ids (digits or gids)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "SellingPlanGroupCreate")
public record SellingPlanGroupRequest(
        @NotNull(message = SHOP_RULE) @ServedShop(message = SHOP_RULE + ": {shops}")
        String shop,

        @NotBlank(message = "name the group, as buyers will see it")
        String name,

        String description,
        List<String> options,

        @NotNull(message = PLANS_RULE) @Size(min = 1, max = MAX_PLANS, message = PLANS_RULE)
        List<@NotNull(message = PLANS_RULE) @Valid Plan> plans,

        List<@NotNull(message = PRODUCT_ID_RULE) @ShopifyId(message = PRODUCT_ID_RULE) String> productIds) {

    /** The most plans Shopify takes in one group. */
    public static final int MAX_PLANS = 31;

    static final String SHOP_RULE = "shop must be one of the shops this suite serves";
    static final String PLANS_RULE = "a group has 1 to " + MAX_PLANS + " plans";
    public static final String PRODUCT_ID_RULE = "a product id is digits or a gid";

    /**
     * A recurring plan: bill and deliver every {@code intervalCount} {@code interval}s.
     *
     * @param option                its value of the group's option, e.g. "1 month"
     * @param interval              day, week, month or year
     * @param deliveryIntervalCount deliveries per billing must divide the billing interval; default the same
     * @param percentageOff         a percentage price adjustment (10 for 10% off), or none
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Plan(
            @NotBlank(message = "each plan needs a name of its own")
            String name,

            String option,

            @NotNull(message = INTERVAL_RULE)
            @Pattern(regexp = "day|week|month|year", flags = Pattern.Flag.CASE_INSENSITIVE, message = INTERVAL_RULE)
            String interval,

            @NotNull(message = INTERVAL_COUNT_RULE)
            @Min(value = 1, message = INTERVAL_COUNT_RULE)
            @Max(value = 365, message = INTERVAL_COUNT_RULE)
            Integer intervalCount,

            @Min(value = 1, message = DELIVERY_RULE) Integer deliveryIntervalCount,

            @DecimalMin(value = "0", message = PERCENTAGE_RULE) @DecimalMax(value = "100", message = PERCENTAGE_RULE)
            BigDecimal percentageOff) {

        static final String INTERVAL_RULE = "interval is day, week, month or year";
        static final String INTERVAL_COUNT_RULE = "interval_count is 1 to 365";
        public static final String DELIVERY_RULE = "the billing interval must be a multiple of the delivery interval";
        static final String PERCENTAGE_RULE = "percentage_off is 0 to 100";
    }
}
