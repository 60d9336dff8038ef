package com.lavish.subscriptions.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.privacy.PrivacyRequests;
import com.lavish.subscriptions.service.SubscriptionPrivacyErasure;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.compliance in the consumer group subscription-service-privacy: Shopify's mandatory privacy
 * requests for the subscription data this service holds; counted in {@code subscription.privacy.requests}.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {

    private final PrivacyRequests privacy;
    private final SubscriptionPrivacyErasure erasure;

    public ComplianceEventsConsumer(PrivacyRequests privacy, SubscriptionPrivacyErasure erasure) {
        this.privacy = privacy;
        this.erasure = erasure;
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return privacy.consume(records, "subscription.privacy.requests", erasure);
    }
}
