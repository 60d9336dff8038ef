package com.lavish.consumer.privacy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A customers/data_request as a service recorded it in its privacy_request.
 *
 * @param id          the request's ce_id (X-Shopify-Webhook-Id): the same id in every service's export of it
 * @param customerId  Shopify's customer id, a string in JSON (ids exceed 2^53)
 * @param completedAt when its export was first fetched; null while it is owed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataRequest(
        String id,
        String shop,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long customerId,
        Instant receivedAt,
        Instant completedAt) {}
