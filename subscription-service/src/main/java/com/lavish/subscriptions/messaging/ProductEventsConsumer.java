package com.lavish.subscriptions.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.subscriptions.service.ProductProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes shopify.products (products/* webhooks and reconcile/products nodes), a poll at a time, through
 * event-consumer's pipeline into {@link ProductProjection}.
 */
@ApplicationScoped
public class ProductEventsConsumer {

    private final EventPipeline pipeline;
    private final ProductProjection projection;

    public ProductEventsConsumer(EventPipeline pipeline, ProductProjection projection) {
        this.pipeline = pipeline;
        this.projection = projection;
    }

    @Incoming("shopify-products")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
