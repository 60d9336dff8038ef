package com.lavish.subscriptions.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.subscriptions.service.SubscriptionProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes shopify.subscriptions (contract versions, and the whole contracts sync-service reads back; billing attempts
 * and skipped cycles; selling plan groups), a poll at a time, through event-consumer's pipeline into
 * {@link SubscriptionProjection}.
 */
@ApplicationScoped
public class SubscriptionEventsConsumer {

    private final EventPipeline pipeline;
    private final SubscriptionProjection projection;

    public SubscriptionEventsConsumer(EventPipeline pipeline, SubscriptionProjection projection) {
        this.pipeline = pipeline;
        this.projection = projection;
    }

    @Incoming("shopify-subscriptions")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
