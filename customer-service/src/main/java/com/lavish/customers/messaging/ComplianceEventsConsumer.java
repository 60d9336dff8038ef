package com.lavish.customers.messaging;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.consumer.ShopifyEventHandler;
import com.lavish.customers.service.PrivacyRequest;
import com.lavish.customers.service.PrivacyRequests;
import com.lavish.events.MalformedEventException;
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
    private final ObjectMapper json;

    public ComplianceEventsConsumer(ShopifyEventHandler handler, PrivacyRequests privacy, ObjectMapper json) {
        this.handler = handler;
        this.privacy = privacy;
        this.json = json;
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return handler.<PrivacyRequests.Outcome> handle(record, "privacy.requests",
                event -> read(event).map(request -> () -> privacy.carryOut(request)));
    }

    private Optional<PrivacyRequest> read(ShopifyEvent event) {
        return switch (event.type()) {
            case PrivacyRequest.CUSTOMERS_REDACT, PrivacyRequest.CUSTOMERS_DATA_REQUEST ->
                    Optional.of(new PrivacyRequest(event, customerId(event), time(event)));
            // the shop is ce_source, which the gateway took from the verified delivery; the body adds nothing
            case PrivacyRequest.SHOP_REDACT, PrivacyRequest.APP_UNINSTALLED ->
                    Optional.of(new PrivacyRequest(event, null, time(event)));
            default -> Optional.empty();
        };
    }

    /** customer.id as an exact long (a JSON integer or a string of digits, never through a double). */
    private long customerId(ShopifyEvent event) {
        JsonNode body;
        try {
            body = json.readTree(event.payload());
        } catch (IOException e) {
            throw new MalformedEventException("body of " + event.type() + " is not valid JSON");
        }
        Long id = body == null ? null : CustomerWebhookReader.id(body.path("customer").path("id"));
        if (id == null) {
            throw new MalformedEventException(event.type() + " names no customer id (an integer at \"customer.id\")");
        }
        return id;
    }

    private static Instant time(ShopifyEvent event) {
        Instant time = CustomerWebhookReader.parseTimestamp(event.time());
        if (time == null) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp");
        }
        return time;
    }

}
