package com.lavish.customers.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.privacy.PrivacyRequests;
import com.lavish.customers.service.CustomerPrivacyErasure;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.compliance (consumer group customer-service-privacy): Shopify's mandatory privacy requests for
 * the customer data this service holds, outcomes counted in {@code privacy.requests}. As for shopify.customers, the
 * returned {@code Uni} acks the record or nacks it to shopify.compliance.dlq (reason in {@code dead-letter-reason});
 * a malformed record goes there at once, any other failure after the retries of {@code event-consumer.retry.*}.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {

    private final PrivacyRequests privacy;
    private final CustomerPrivacyErasure erasure;

    public ComplianceEventsConsumer(PrivacyRequests privacy, CustomerPrivacyErasure erasure) {
        this.privacy = privacy;
        this.erasure = erasure;
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return privacy.consume(record, "privacy.requests", erasure);
    }
}
