package com.lavish.subscriptions.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code PATCH subscriptions/{id}}: any of a new frequency (another plan of the same selling plan
 * group), a line's quantity, a delivery address. What is absent stays as it is.
 *
 * @param sellingPlanId   the plan to move to, as its id (digits or gid); one of the contract's plan alternatives
 * @param lineId          the line whose quantity changes; may be left out when the contract has one line
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "SubscriptionChange")
public record ContractChangeRequest(String sellingPlanId, Integer quantity, String lineId,
                                    DeliveryAddress deliveryAddress) {

    /** A shipping address: ISO country code, province code where the country has them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DeliveryAddress(String firstName, String lastName, String address1, String address2, String city,
                                  String provinceCode, String countryCode, String zip, String phone) {
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
