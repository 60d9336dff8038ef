package com.lavish.orders.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.node.TextNode;
import com.lavish.consumer.ShopifyEventHandler;
import com.lavish.events.MalformedEventException;
import com.lavish.events.PayloadInspector;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.WebhookFields;
import com.lavish.orders.service.PrivacyRequest;
import com.lavish.orders.service.PrivacyRequests;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.compliance in the consumer group order-service-privacy: Shopify's mandatory privacy requests
 * for the order data this service holds. Outcomes are counted in {@code order.privacy.requests}; a record that
 * still fails after the retries goes to shopify.compliance.dlq.
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
        return handler.<PrivacyRequests.Outcome> handle(record, "order.privacy.requests",
                event -> read(event).map(request -> () -> privacy.carryOut(request)));
    }

    private Optional<PrivacyRequest> read(ShopifyEvent event) {
        return switch (event.type()) {
            case PrivacyRequest.CUSTOMERS_REDACT, PrivacyRequest.CUSTOMERS_DATA_REQUEST -> Optional.of(
                    new PrivacyRequest(event.id(), event.type(), event.shopDomain(), customerId(event),
                            WebhookFields.eventTime(event)));
            // the shop is ce_source, which the gateway took from the verified delivery; the body adds nothing
            case PrivacyRequest.SHOP_REDACT -> Optional.of(new PrivacyRequest(event.id(), event.type(),
                    event.shopDomain(), null, WebhookFields.eventTime(event)));
            // app/uninstalled: nothing is owed here; the shop's data goes with shop/redact, 48 hours later
            default -> Optional.empty();
        };
    }

    /** customer.id as an exact long, read with the event contract's own streaming id reader. */
    private static long customerId(ShopifyEvent event) {
        return PayloadInspector.resourceId(event.payload(), List.of("customer", "id"))
                .map(digits -> WebhookFields.id(TextNode.valueOf(digits)))
                .orElseThrow(() -> new MalformedEventException(event.type()
                        + " names no customer id (an integer at \"customer.id\")"));
    }
}
