package com.lavish.customers.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.lavish.customers.config.CustomerEventsConfig;
import com.lavish.customers.service.CustomerChange;
import com.lavish.customers.service.CustomerProjection;
import com.lavish.customers.service.ProjectionOutcome;
import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Consumes shopify.customers into the customer tables. The returned {@code Uni} acks the record when it
 * completes and nacks it when it fails; the channel's dead-letter strategy then sends the record to
 * shopify.customers.dlq with the failure's message as {@code dead-letter-reason}, and the consumer moves on.
 * A malformed record goes there at once; any other failure is retried a few times first.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CustomerEventsConsumer.class);

    private final CustomerWebhookReader reader;
    private final CustomerProjection projection;
    private final CustomerEventsConfig.Retry retry;
    private final MeterRegistry metrics;

    public CustomerEventsConsumer(CustomerWebhookReader reader, CustomerProjection projection,
                                  CustomerEventsConfig config, MeterRegistry metrics) {
        this.reader = reader;
        this.projection = projection;
        this.retry = config.retry();
        this.metrics = metrics;
    }

    @Incoming("shopify-customers")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        // the record's own (duplicated) Vert.x context: Hibernate Reactive must run on it, retries included
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> ShopifyEvent.fromRecord(record.headers(), record.value()))
                .chain(event -> apply(event, context))
                .onFailure().invoke(failure -> LOG.warnf("shopify.customers record at partition %d offset %d goes to "
                        + "the dead letters: %s", record.partition(), record.offset(), failure.getMessage()));
    }

    private Uni<Void> apply(ShopifyEvent event, Context context) {
        Optional<CustomerChange> change = reader.read(event);
        if (change.isEmpty()) {
            count(event, ProjectionOutcome.IGNORED);
            return Uni.createFrom().voidItem();
        }
        return BoundedRetry.<ProjectionOutcome> onContext(context, retry, () -> projection.apply(event, change.get()),
                        failure -> {
                            metrics.counter("customer.events.failed.attempts", "type", event.type()).increment();
                            LOG.debugf("%s: attempt failed: %s", event, failure.getMessage());
                        })
                .invoke(outcome -> {
                    count(event, outcome);
                    LOG.debugf("%s: %s", event, outcome);
                })
                .replaceWithVoid();
    }

    private void count(ShopifyEvent event, ProjectionOutcome outcome) {
        metrics.counter("customer.events", "type", event.type(), "outcome", outcome.name().toLowerCase()).increment();
    }
}
