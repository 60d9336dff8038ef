package com.lavish.subscriptions.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.consumer.privacy.PrivacyRequests;
import com.lavish.subscriptions.service.SubscriptionPrivacyErasure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes shopify.compliance in the consumer group subscription-service-privacy: Shopify's mandatory privacy
 * requests for the subscription data this service holds; counted in {@code subscription.privacy.requests}.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {

    private final EventPipeline pipeline;
    private final EventProjection<PrivacyRequest> projection;

    public ComplianceEventsConsumer(
            EventPipeline pipeline, PrivacyRequests privacy, SubscriptionPrivacyErasure erasure) {
        this.pipeline = pipeline;
        this.projection = privacy.projection("subscription.privacy.requests", erasure);
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
