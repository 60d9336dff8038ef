package com.lavish.subscriptions.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.edge.validation.ShopifyId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH subscriptions/{id}}: any of a new frequency (another plan of the same selling plan
 * group), a line's quantity, a delivery address. What is absent stays as it is. Its shape is checked by its
 * constraints; whether the plan and the line are the contract's, by {@link ContractActions}.
 *
 * @param sellingPlanId   the plan to move to, as its id (digits or gid); one of the contract's plan alternatives
 * @param lineId          the line whose quantity changes; may be left out when the contract has one line
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "SubscriptionChange")
public record ContractChangeRequest(
        @ShopifyId(message = "selling_plan_id is a plan id, digits or a gid")
        String sellingPlanId,

        @Min(value = 1, message = QUANTITY_RULE) @Max(value = MAX_QUANTITY, message = QUANTITY_RULE)
        Integer quantity,

        String lineId,
        @Valid DeliveryAddress deliveryAddress) {

    /** The most of one line a customer may ask for. */
    public static final int MAX_QUANTITY = 100;

    static final String QUANTITY_RULE = "quantity must be between 1 and " + MAX_QUANTITY;

    /** A shipping address: ISO country code, province code where the country has them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DeliveryAddress(
            String firstName,
            String lastName,
            @NotBlank(message = ADDRESS_RULE) String address1,
            String address2,
            @NotBlank(message = ADDRESS_RULE) String city,
            String provinceCode,

            @NotNull(message = COUNTRY_RULE) @Pattern(regexp = "[A-Za-z]{2}", message = COUNTRY_RULE)
            String countryCode,

            String zip,
            String phone) {

        static final String ADDRESS_RULE = "a delivery address needs address1 and city";
        static final String COUNTRY_RULE = "country_code is the ISO 3166 two-letter code, such as AU";

        @Override
        public String toString() {
            // never the address: personal data
            return "DeliveryAddress[country=" + countryCode + "]";
        }
    }

    public boolean isEmpty() {
        return sellingPlanId == null && quantity == null && deliveryAddress == null;
    }

    @Override
    public String toString() {
        // never the address: personal data
        return "ContractChangeRequest[plan=" + sellingPlanId + " quantity=" + quantity + "]";
    }
}
