package com.lavish.orders.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.consumer.privacy.PrivacyRequests;
import com.lavish.orders.service.OrderPrivacyErasure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes shopify.compliance in the consumer group order-service-privacy: Shopify's mandatory privacy requests
 * for the order data this service holds. Outcomes are counted in {@code order.privacy.requests}; a record that
 * still fails after the retries goes to shopify.compliance.dlq.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {

    private final EventPipeline pipeline;
    private final EventProjection<PrivacyRequest> projection;

    public ComplianceEventsConsumer(EventPipeline pipeline, PrivacyRequests privacy, OrderPrivacyErasure erasure) {
        this.pipeline = pipeline;
        this.projection = privacy.projection("order.privacy.requests", erasure);
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
