package com.lavish.consumer;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What every consumer of a shopify.* topic does around its own work: read the CloudEvent, run the work with bounded
 * retries on the record's Vert.x context, and count the outcome. The returned {@code Uni} acks the record when it
 * completes and nacks it when it fails; the channel's dead-letter strategy then sends the record to
 * {@code <topic>.dlq} with the failure's message as {@code dead-letter-reason}, and the consumer moves on. A
 * malformed record goes there at once; any other failure is retried first ({@code event-consumer.retry.*}).
 */
@ApplicationScoped
public class ShopifyEventHandler {

    private static final Logger LOG = Logger.getLogger(ShopifyEventHandler.class);

    private final EventRetryConfig retry;
    private final MeterRegistry metrics;

    public ShopifyEventHandler(EventRetryConfig retry, MeterRegistry metrics) {
        this.retry = retry;
        this.metrics = metrics;
    }

    /**
     * @param metric the counter of outcomes, tagged {@code type} and {@code outcome}; failed attempts are counted
     *               in {@code <metric>.failed.attempts}
     * @param plan   the work for an event, or empty when the consumer ignores its type (counted as "ignored")
     */
    public <O extends Enum<O>> Uni<Void> handle(ConsumerRecord<String, byte[]> record, String metric,
                                                Function<ShopifyEvent, Optional<Supplier<Uni<O>>>> plan) {
        // the record's own (duplicated) Vert.x context: Hibernate Reactive must run on it, retries included
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> ShopifyEvent.fromRecord(record.headers(), record.value()))
                .chain(event -> {
                    Optional<Supplier<Uni<O>>> work = plan.apply(event);
                    if (work.isEmpty()) {
                        count(metric, event, "ignored");
                        return Uni.createFrom().voidItem();
                    }
                    return withRetries(context, work.get(), metric, event)
                            .invoke(outcome -> {
                                count(metric, event, outcome.name().toLowerCase());
                                LOG.debugf("%s: %s", event, outcome);
                            })
                            .replaceWithVoid();
                })
                .onFailure().invoke(failure -> LOG.warnf("%s record at partition %d offset %d goes to the dead "
                        + "letters: %s", record.topic(), record.partition(), record.offset(), failure.getMessage()));
    }

    private <O> Uni<O> withRetries(Context context, Supplier<Uni<O>> work, String metric, ShopifyEvent event) {
        Uni<O> each = Uni.createFrom().deferred(work::get);
        if (context != null) {
            // a retry resubscribes from Mutiny's timer thread: bring it back to the record's context
            each = each.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return each
                .onFailure().invoke(failure -> {
                    metrics.counter(metric + ".failed.attempts", "type", event.type()).increment();
                    LOG.debugf("%s: attempt failed: %s", event, failure.getMessage());
                })
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(retry.initialBackoff(), retry.maxBackoff()).atMost(retry.attempts());
    }

    private void count(String metric, ShopifyEvent event, String outcome) {
        metrics.counter(metric, "type", event.type(), "outcome", outcome).increment();
    }
}
