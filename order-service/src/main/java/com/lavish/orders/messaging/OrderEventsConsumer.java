package com.lavish.orders.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.orders.service.OrderProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes shopify.orders (orders/* and fulfillments/*, keyed by order), a poll at a time, through event-consumer's
 * pipeline into {@link OrderProjection}. Other topics on it (refunds/*, order_transactions/*, ...) are counted as
 * ignored; a record that still fails alone after the retries goes to shopify.orders.dlq.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final EventPipeline pipeline;
    private final OrderProjection projection;

    public OrderEventsConsumer(EventPipeline pipeline, OrderProjection projection) {
        this.pipeline = pipeline;
        this.projection = projection;
    }

    @Incoming("shopify-orders")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
