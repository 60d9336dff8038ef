package com.lavish.notifications.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.notifications.service.MessageProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes subscription.events (group notification-service): each new event becomes at most one message, inserted in
 * the poll's transaction with its ce_id; the sender sends it once that has committed.
 */
@ApplicationScoped
public class SubscriptionEventsConsumer {

    private final EventPipeline pipeline;
    private final MessageProjection projection;

    public SubscriptionEventsConsumer(EventPipeline pipeline, MessageProjection projection) {
        this.pipeline = pipeline;
        this.projection = projection;
    }

    @Incoming("subscription-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
