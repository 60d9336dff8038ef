package com.lavish.customers.messaging;

import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.object;
import static com.lavish.events.WebhookFields.requiredId;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.ShopifyEventHandler;
import com.lavish.customers.service.PrivacyRequest;
import com.lavish.customers.service.PrivacyRequests;
import com.lavish.events.ShopifyEvent;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.compliance (consumer group customer-service-privacy): Shopify's mandatory privacy requests for
 * the customer data this service holds. As for shopify.customers, the returned {@code Uni} acks the record or
 * nacks it to shopify.compliance.dlq (reason in {@code dead-letter-reason}); a malformed record goes there at
 * once, any other failure after the retries of {@code event-consumer.retry.*}.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {

    private final ShopifyEventHandler handler;
    private final PrivacyRequests privacy;

    public ComplianceEventsConsumer(ShopifyEventHandler handler, PrivacyRequests privacy) {
        this.handler = handler;
        this.privacy = privacy;
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return handler.<PrivacyRequests.Outcome> handle(record, "privacy.requests",
                event -> read(event).map(request -> () -> privacy.carryOut(request)));
    }

    private Optional<PrivacyRequest> read(ShopifyEvent event) {
        return switch (event.type()) {
            case PrivacyRequest.CUSTOMERS_REDACT, PrivacyRequest.CUSTOMERS_DATA_REQUEST ->
                    Optional.of(new PrivacyRequest(event, requiredId(event, object(event).path("customer"), "id"),
                            eventTime(event)));
            // the shop is ce_source, which the gateway took from the verified delivery; the body adds nothing
            case PrivacyRequest.SHOP_REDACT, PrivacyRequest.APP_UNINSTALLED ->
                    Optional.of(new PrivacyRequest(event, null, eventTime(event)));
            default -> Optional.empty();
        };
    }
}
