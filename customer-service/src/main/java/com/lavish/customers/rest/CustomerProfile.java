package com.lavish.customers.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.customers.Customer;
import com.lavish.customers.CustomerAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The signed-in customer's profile as the storefront sees it.
 *
 * <p>Ids are JSON strings: Shopify's ids pass 2^53 (the docs' own example is 706405506930370084) and the theme's
 * {@code JSON.parse} would round a number to the nearest double, silently naming another customer or address.
 * {@code admin_graphql_api_id} is Shopify's own string form. The merchant's note and tags are internal to the
 * merchant, so they are not here.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomerProfile(
        String id,
        String adminGraphqlApiId,
        String email,
        String firstName,
        String lastName,
        String phone,
        String state,
        Boolean verifiedEmail,
        String currency,
        String emailMarketingState,
        String smsMarketingState,
        Long ordersCount,
        Money totalSpent,
        Instant createdAt,
        Instant updatedAt,
        List<Address> addresses,
        Address defaultAddress) {

    /** An exact decimal as a string, with its currency: a JSON number would go through a double. */
    public record Money(String amount, String currency) {

        public static Money of(BigDecimal amount, String currency) {
            return amount == null
                    ? null
                    : new Money(
                            amount.stripTrailingZeros().scale() < 2
                                    ? amount.setScale(2).toPlainString()
                                    : amount.stripTrailingZeros().toPlainString(),
                            currency);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(
            String id,
            String firstName,
            String lastName,
            String company,
            String address1,
            String address2,
            String city,
            String province,
            String provinceCode,
            String country,
            String countryCode,
            String zip,
            String phone,
            boolean isDefault) {

        static Address of(CustomerAddress a) {
            return new Address(
                    Long.toString(a.shopifyAddressId),
                    a.firstName,
                    a.lastName,
                    a.company,
                    a.address1,
                    a.address2,
                    a.city,
                    a.province,
                    a.provinceCode,
                    a.country,
                    a.countryCode,
                    a.zip,
                    a.phone,
                    a.isDefault);
        }
    }

    public static CustomerProfile of(Customer c) {
        List<Address> addresses = c.addresses.stream()
                .sorted(Comparator.comparing((CustomerAddress a) -> !a.isDefault)
                        .thenComparingLong(a -> a.shopifyAddressId))
                .map(Address::of)
                .toList();
        Address defaultAddress =
                addresses.stream().filter(Address::isDefault).findFirst().orElse(null);
        return new CustomerProfile(
                Long.toString(c.shopifyId),
                "gid://shopify/Customer/" + c.shopifyId,
                c.email,
                c.firstName,
                c.lastName,
                c.phone,
                c.state,
                c.verifiedEmail,
                c.currency,
                c.emailMarketingState,
                c.smsMarketingState,
                c.numberOfOrders,
                Money.of(c.amountSpent, c.amountSpentCurrency),
                c.createdAt,
                c.updatedAt,
                addresses,
                defaultAddress);
    }
}
