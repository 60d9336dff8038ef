package com.lavish.consumer.privacy;

import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.object;
import static com.lavish.events.WebhookFields.requiredId;

import com.lavish.events.ComplianceTopics;
import com.lavish.events.ShopifyEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * One privacy request read from shopify.compliance (Shopify's mandatory privacy topics).
 *
 * @param event      the delivery (ce_id, shop, type)
 * @param customerId Shopify's customer id for customers/redact and customers/data_request; null otherwise
 * @param receivedAt ce_time
 */
public record PrivacyRequest(ShopifyEvent event, Long customerId, Instant receivedAt) {

    public static final String CUSTOMERS_REDACT = ComplianceTopics.CUSTOMERS_REDACT;
    public static final String SHOP_REDACT = ComplianceTopics.SHOP_REDACT;
    public static final String CUSTOMERS_DATA_REQUEST = ComplianceTopics.CUSTOMERS_DATA_REQUEST;
    public static final String APP_UNINSTALLED = ComplianceTopics.APP_UNINSTALLED;

    /** The request an event carries; empty for a type that is no privacy request. */
    public static Optional<PrivacyRequest> read(ShopifyEvent event) {
        return switch (event.type()) {
            case CUSTOMERS_REDACT, CUSTOMERS_DATA_REQUEST ->
                Optional.of(new PrivacyRequest(
                        event, requiredId(event, object(event).path("customer"), "id"), eventTime(event)));
            // the shop is ce_source, which the gateway took from the verified delivery; the body adds nothing
            case SHOP_REDACT, APP_UNINSTALLED -> Optional.of(new PrivacyRequest(event, null, eventTime(event)));
            default -> Optional.empty();
        };
    }

    /** ce_id: X-Shopify-Webhook-Id, the same in every service that consumes the request. */
    public String ceId() {
        return event.id();
    }

    public String type() {
        return event.type();
    }

    public String shopDomain() {
        return event.shopDomain();
    }
}
