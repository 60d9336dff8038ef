package com.lavish.customers.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.consumer.privacy.PrivacyRequests;
import com.lavish.customers.service.CustomerPrivacyErasure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes shopify.compliance (consumer group customer-service-privacy): Shopify's mandatory privacy requests for the
 * customer data this service holds, through event-consumer's pipeline; outcomes counted in {@code privacy.requests}.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {

    private final EventPipeline pipeline;
    private final EventProjection<PrivacyRequest> projection;

    public ComplianceEventsConsumer(EventPipeline pipeline, PrivacyRequests privacy, CustomerPrivacyErasure erasure) {
        this.pipeline = pipeline;
        this.projection = privacy.projection("privacy.requests", erasure);
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
