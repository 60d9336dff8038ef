package com.lavish.notifications.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.consumer.privacy.PrivacyRequests;
import com.lavish.notifications.service.NotificationPrivacyErasure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes shopify.compliance (group notification-service-privacy): customers/redact and shop/redact erase the
 * recipients and their message log; outcomes counted in {@code privacy.requests}.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {

    private final EventPipeline pipeline;
    private final EventProjection<PrivacyRequest> projection;

    public ComplianceEventsConsumer(
            EventPipeline pipeline, PrivacyRequests privacy, NotificationPrivacyErasure erasure) {
        this.pipeline = pipeline;
        this.projection = privacy.projection("privacy.requests", erasure);
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
