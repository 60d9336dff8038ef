package com.lavish.customers.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.consumer.privacy.DataRequest;
import com.lavish.customers.Customer;
import com.lavish.customers.CustomerAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * customer-service's part of a customers/data_request export: everything it holds about the customer, the
 * merchant's note and tags included (the storefront profile leaves those out; the shop owner owes them too).
 *
 * @param service     which service's data this is; each service that holds customer data exports its own part
 * @param dataRequest the request
 * @param customer    null when this service holds nothing about the customer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomerDataExport(String service, DataRequest dataRequest, CustomerData customer) {

    public static final String SERVICE = "customer-service";

    /** The stored customer; after customers/redact or customers/delete only the ids and times are left. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CustomerData(
            String id,
            String adminGraphqlApiId,
            String email,
            String firstName,
            String lastName,
            String phone,
            String state,
            Boolean verifiedEmail,
            String currency,
            List<String> tags,
            String note,
            MarketingConsent emailMarketingConsent,
            MarketingConsent smsMarketingConsent,
            Long ordersCount,
            CustomerProfile.Money totalSpent,
            String mergedIntoId,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt,
            List<CustomerProfile.Address> addresses) {}

    /** Shopify's email or SMS marketing consent as last received. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MarketingConsent(String state, String optInLevel, Instant consentUpdatedAt) {}

    /** @param c the customer as stored (addresses loaded), or null when this service holds nothing of them */
    static CustomerDataExport of(DataRequest request, Customer c) {
        CustomerData customer = c == null
                ? null
                : new CustomerData(
                        Long.toString(c.shopifyId),
                        "gid://shopify/Customer/" + c.shopifyId,
                        c.email,
                        c.firstName,
                        c.lastName,
                        c.phone,
                        c.state,
                        c.verifiedEmail,
                        c.currency,
                        tags(c.tags),
                        c.note,
                        new MarketingConsent(
                                c.emailMarketingState, c.emailMarketingOptInLevel, c.emailMarketingUpdatedAt),
                        new MarketingConsent(c.smsMarketingState, c.smsMarketingOptInLevel, c.smsMarketingUpdatedAt),
                        c.numberOfOrders,
                        CustomerProfile.Money.of(c.amountSpent, c.amountSpentCurrency),
                        c.mergedIntoShopifyId == null ? null : Long.toString(c.mergedIntoShopifyId),
                        c.createdAt,
                        c.updatedAt,
                        c.deletedAt,
                        c.addresses.stream()
                                .sorted(Comparator.comparingLong((CustomerAddress a) -> a.shopifyAddressId))
                                .map(CustomerProfile.Address::of)
                                .toList());
        return new CustomerDataExport(SERVICE, request, customer);
    }

    /** Stored comma-separated, as Shopify's REST shape has them. */
    private static List<String> tags(String tags) {
        return tags == null
                ? List.of()
                : Arrays.stream(tags.split(","))
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .toList();
    }
}
