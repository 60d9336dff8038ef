package com.lavish.customers.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.customers.PrivacyRequestRecord;

/**
 * A customers/data_request as this service recorded it.
 *
 * @param id          the request's ce_id (X-Shopify-Webhook-Id): the same id in every service's export of it
 * @param customerId  Shopify's customer id, a string (ids exceed 2^53)
 * @param completedAt when its export was first fetched; null while it is owed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataRequestSummary(String id, String shop, String customerId, Instant receivedAt, Instant completedAt) {

    static DataRequestSummary of(PrivacyRequestRecord request) {
        return new DataRequestSummary(request.ceId, request.shopDomain,
                request.shopifyCustomerId == null ? null : Long.toString(request.shopifyCustomerId),
                request.receivedAt, request.completedAt);
    }
}
