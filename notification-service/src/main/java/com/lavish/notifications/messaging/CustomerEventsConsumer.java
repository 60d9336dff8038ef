package com.lavish.notifications.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.notifications.service.RecipientProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes shopify.customers (group notification-service-customers) into the recipients, a poll at a time. */
@ApplicationScoped
public class CustomerEventsConsumer {

    private final EventPipeline pipeline;
    private final RecipientProjection projection;

    public CustomerEventsConsumer(EventPipeline pipeline, RecipientProjection projection) {
        this.pipeline = pipeline;
        this.projection = projection;
    }

    @Incoming("shopify-customers")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
