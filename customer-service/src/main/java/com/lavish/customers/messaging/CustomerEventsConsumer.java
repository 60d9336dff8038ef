package com.lavish.customers.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.customers.service.CustomerProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes shopify.customers, a poll at a time, through event-consumer's pipeline into {@link CustomerProjection}. */
@ApplicationScoped
public class CustomerEventsConsumer {

    private final EventPipeline pipeline;
    private final CustomerProjection projection;

    public CustomerEventsConsumer(EventPipeline pipeline, CustomerProjection projection) {
        this.pipeline = pipeline;
        this.projection = projection;
    }

    @Incoming("shopify-customers")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
