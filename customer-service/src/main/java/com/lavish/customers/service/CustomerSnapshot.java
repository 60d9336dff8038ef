package com.lavish.customers.service;

import java.time.Instant;
import java.util.List;

/**
 * One version of a Shopify customer, whatever shape it came in (a REST-style webhook body today, a GraphQL node
 * from reconciliation later). Shopify sends the whole resource on every customers/* topic, so a null field is a
 * cleared field; the exceptions are marked.
 *
 * @param updatedAt             Shopify's updated_at (or, when missing, when the event was triggered): the version
 * @param tags                  null when the payload does not carry tags (removed from customer webhooks in
 *                              2025-01): the stored tags are kept
 * @param emailMarketingConsent null when the payload does not carry it (also removed in 2025-01): kept
 * @param addresses             null when the payload carries no address list: the stored addresses are kept
 */
public record CustomerSnapshot(
        long id,
        String email,
        String firstName,
        String lastName,
        String phone,
        String state,
        String note,
        Boolean verifiedEmail,
        String currency,
        Instant createdAt,
        Instant updatedAt,
        String tags,
        EmailMarketingConsent emailMarketingConsent,
        List<AddressSnapshot> addresses) {

    public record EmailMarketingConsent(String state, String optInLevel, Instant consentUpdatedAt) {}

    public record AddressSnapshot(
            long id,
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

        public AddressSnapshot asDefault(boolean isDefault) {
            return new AddressSnapshot(
                    id,
                    firstName,
                    lastName,
                    company,
                    address1,
                    address2,
                    city,
                    province,
                    provinceCode,
                    country,
                    countryCode,
                    zip,
                    phone,
                    isDefault);
        }
    }
}
