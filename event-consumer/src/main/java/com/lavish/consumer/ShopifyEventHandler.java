package com.lavish.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What every consumer of a shopify.* topic does around its own work: read each CloudEvent of a poll, run the work in
 * one transaction (record by record, with bounded retries on the poll's Vert.x context, when that fails), count each
 * outcome, and write what still fails to {@code <topic>.dlq} with its reason, so the consumer moves on. A malformed
 * record goes there at once; any other failure is retried first ({@code event-consumer.retry.*}). Each record's work
 * runs in a span of the trace its headers carry ({@link RecordTracing}).
 */
@ApplicationScoped
public class ShopifyEventHandler {

    private static final Logger LOG = Logger.getLogger(ShopifyEventHandler.class);

    private final EventRetryConfig retry;
    private final MeterRegistry metrics;
    private final DeadLetterWriter deadLetters;
    private final RecordTracing tracing;

    public ShopifyEventHandler(EventRetryConfig retry, MeterRegistry metrics, DeadLetterWriter deadLetters,
                               RecordTracing tracing) {
        this.retry = retry;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    /**
     * A whole poll's records of one consumer, applied in one transaction: one commit instead of one per record, which
     * is what lets a consumer keep up with a backlog. Records stay in their order, so one entity's events are applied
     * as they were published. A malformed record goes to the dead letters at once. If the batch's transaction fails,
     * its records are applied one by one, each in its own transaction with the retries of
     * {@code event-consumer.retry.*}, and the ones that still fail go to {@code <topic>.dlq} with their reason, as
     * SmallRye's dead-letter strategy would write them; the rest of the batch is applied and the consumer moves on.
     * The returned {@code Uni} completes when every record is applied or dead-lettered, and the batch is then acked.
     *
     * @param metric the counter of outcomes, tagged {@code type} and {@code outcome}; failed attempts are counted
     *               in {@code <metric>.failed.attempts}
     * @param plan   the work for an event, or empty when the consumer ignores its type (counted as "ignored")
     */
    public <O extends Enum<O>> Uni<Void> handleBatch(Iterable<ConsumerRecord<String, byte[]>> records, String metric,
                                                     Function<ShopifyEvent, Optional<RecordWork<O>>> plan) {
        Context context = Vertx.currentContext();
        List<Planned<O>> planned = new ArrayList<>();
        List<Uni<Void>> malformed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ShopifyEvent event = ShopifyEvent.fromRecord(record.headers(), record.value());
                Optional<RecordWork<O>> work = plan.apply(event);
                if (work.isPresent()) {
                    planned.add(new Planned<>(record, event, work.get()));
                } else {
                    count(metric, event, "ignored");
                }
            } catch (MalformedEventException e) {
                malformed.add(deadLetters.write(record, e));
            }
        }
        Uni<Void> applied = planned.isEmpty() ? Uni.createFrom().voidItem() : applyTogether(planned, metric)
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("a batch of %d records failed (%s); applying them one by one", planned.size(),
                            failure.getMessage());
                    metrics.counter(metric + ".batches.split").increment();
                    return applyOneByOne(context, planned, metric);
                });
        return applied.chain(() -> Multi.createFrom().iterable(malformed)
                .onItem().transformToUniAndConcatenate(letter -> letter)
                .collect().last()
                .replaceWithVoid());
    }

    private <O extends Enum<O>> Uni<Void> applyTogether(List<Planned<O>> planned, String metric) {
        AfterCommit afterCommit = new AfterCommit();
        List<O> outcomes = new ArrayList<>();
        return Panache.withTransaction(() -> Multi.createFrom().iterable(planned)
                        .onItem().transformToUniAndConcatenate(each -> tracing.inSpanOf(each.record(), each.event(),
                                () -> each.work().apply(afterCommit).invoke(outcomes::add)
                                        // write this record's changes and forget its entities: otherwise every later
                                        // query of the batch would dirty-check all of them again, and a batch would
                                        // cost n² time
                                        .call(() -> Panache.getSession()
                                                .chain(session -> session.flush().invoke(session::clear)))))
                        .collect().last())
                .invoke(() -> {
                    for (int i = 0; i < planned.size(); i++) {
                        count(metric, planned.get(i).event(), outcomes.get(i));
                    }
                })
                .chain(afterCommit::run);
    }

    private <O extends Enum<O>> Uni<Void> applyOneByOne(Context context, List<Planned<O>> planned, String metric) {
        return Multi.createFrom().iterable(planned)
                .onItem().transformToUniAndConcatenate(each -> {
                    Uni<O> alone = tracing.inSpanOf(each.record(), each.event(), () -> withRetries(context, () -> {
                        AfterCommit afterCommit = new AfterCommit();
                        return Panache.withTransaction(() -> each.work().apply(afterCommit))
                                .call(afterCommit::run);
                    }, metric, each.event()));
                    return alone
                            .invoke(outcome -> count(metric, each.event(), outcome))
                            .replaceWithVoid()
                            .onFailure().recoverWithUni(failure -> {
                                LOG.warnf("%s record at partition %d offset %d goes to the dead letters: %s",
                                        each.record().topic(), each.record().partition(), each.record().offset(),
                                        failure.getMessage());
                                return deadLetters.write(each.record(), failure);
                            });
                })
                .collect().last()
                .replaceWithVoid();
    }

    private record Planned<O extends Enum<O>>(ConsumerRecord<String, byte[]> record, ShopifyEvent event,
                                              RecordWork<O> work) {
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

    private void count(String metric, ShopifyEvent event, Enum<?> outcome) {
        count(metric, event, outcome.name().toLowerCase());
    }

    private void count(String metric, ShopifyEvent event, String outcome) {
        metrics.counter(metric, "type", event.type(), "outcome", outcome).increment();
    }
}
