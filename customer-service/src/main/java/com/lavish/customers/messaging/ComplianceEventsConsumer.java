package com.lavish.customers.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.privacy.PrivacyRequests;
import com.lavish.customers.service.CustomerPrivacyErasure;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.compliance (consumer group customer-service-privacy): Shopify's mandatory privacy requests for
 * the customer data this service holds, outcomes counted in {@code privacy.requests}. As for shopify.customers, a
 * request that still fails after the retries of {@code event-consumer.retry.*} (a malformed one at once) goes to
 * shopify.compliance.dlq with its reason in {@code dead-letter-reason}.
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
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return privacy.consume(records, "privacy.requests", erasure);
    }
}
