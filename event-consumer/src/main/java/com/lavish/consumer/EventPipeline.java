package com.lavish.consumer;

import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The path from a poll to a commit, the same for every consumer of the suite. Per poll:
 * <ol>
 *   <li>each record is read into a {@link Delivery} (a record that cannot be read goes to its {@code .dlq} at once);</li>
 *   <li>for an {@link EventProjection}: one transaction on one connection records every ce_id in the ledger with one
 *       statement, drops the duplicates, and lets the service write the rest set-based; after the commit, what the
 *       service asked for runs (one Redis publish per poll, say). An {@link EventWork} does its own work instead;</li>
 *   <li>a failure that says a dependency is away (database, Redis, broker; {@link TransientFailures}) is waited out
 *       with backoff, the same records tried again until it passes, the service's readiness DOWN meanwhile
 *       ({@link ConsumerHealth}): nothing accepted is dead-lettered for an outage;</li>
 *   <li>any other failure splits the poll in halves, applied in order, until the record that fails is alone; that
 *       record is tried again {@code event-consumer.retry.attempts} times, then goes to its {@code .dlq} with the
 *       reason, and its neighbours are applied.</li>
 * </ol>
 * The returned {@code Uni} completes when every record is applied or dead-lettered; the poll is then acked. A record
 * is applied at most once: the ledger row commits with its change, so a retry, a redelivery or a restart after a
 * crash finds it applied. Outcomes are counted in the consumer's metric, each poll's time in
 * {@code event_consumer_batch_seconds{consumer}}.
 */
@ApplicationScoped
public class EventPipeline {

    private static final Logger LOG = Logger.getLogger(EventPipeline.class);

    private final BatchTransactions transactions;
    private final EventLedger ledger;
    private final EventPipelineConfig config;
    private final EventRetryConfig retry;
    private final MeterRegistry metrics;
    private final DeadLetters deadLetters;
    private final ConsumerHealth health;
    private final ShutdownWatch shutdown;
    private final RecordTracing tracing;

    @Inject
    public EventPipeline(
            Pool pool,
            EventPipelineConfig config,
            EventRetryConfig retry,
            MeterRegistry metrics,
            DeadLetters deadLetters,
            ConsumerHealth health,
            ShutdownWatch shutdown,
            RecordTracing tracing) {
        this.transactions = new BatchTransactions(pool, config.transactionTimeout());
        this.ledger = new EventLedger(config.schema());
        this.config = config;
        this.retry = retry;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.health = health;
        this.shutdown = shutdown;
        this.tracing = tracing;
    }

    /** A poll of a channel whose events the service projects into its tables. */
    public <C> Uni<Void> consume(Iterable<ConsumerRecord<String, byte[]>> records, EventProjection<C> projection) {
        return consume(records, projection, deliveries -> project(deliveries, projection));
    }

    /** A poll of a channel whose work is its own (see {@link EventWork}). */
    public <C> Uni<Void> consume(Iterable<ConsumerRecord<String, byte[]>> records, EventWork<C> work) {
        return consume(records, work, work::apply);
    }

    private <C> Uni<Void> project(List<Delivery<C>> deliveries, EventProjection<C> projection) {
        AfterCommit afterCommit = new AfterCommit();
        String consumer = projection.metric();
        long[] phase = {System.nanoTime()};
        return transactions
                .inTransaction(connection -> ledger.recordNew(connection, deliveries)
                        .invoke(() -> phase[0] = lap(consumer, "ledger", phase[0]))
                        .chain(fresh -> fresh.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : projection.write(new ProjectionBatch<>(connection, fresh, afterCommit)))
                        .invoke(() -> phase[0] = lap(consumer, "write", phase[0])))
                .invoke(() -> phase[0] = lap(consumer, "commit", phase[0]))
                // committed: what follows must never fail the poll, or it would be applied again for nothing
                .chain(() -> afterCommit
                        .run()
                        .onFailure()
                        .invoke(failure ->
                                LOG.warnf("%s: an action after the commit failed: %s", consumer, failure.getMessage()))
                        .onFailure()
                        .recoverWithNull())
                .invoke(() -> lap(consumer, "after_commit", phase[0]));
    }

    /**
     * Records how long a phase of a poll took, from {@code since}, in {@code event_consumer_phase_seconds}: where a
     * poll's time goes (reading the records, the ledger with BEGIN, the service's writes, the commit, what runs after
     * it), per consumer. Returns now, the start of the next phase.
     */
    private long lap(String consumer, String phase, long since) {
        long now = System.nanoTime();
        Timer.builder("event.consumer.phase")
                .description("A phase of a poll's work")
                .tag("consumer", consumer)
                .tag("phase", phase)
                .register(metrics)
                .record(now - since, TimeUnit.NANOSECONDS);
        return now;
    }

    private <C> Uni<Void> consume(
            Iterable<ConsumerRecord<String, byte[]>> records,
            EventReader<C> reader,
            Function<List<Delivery<C>>, Uni<Void>> apply) {
        Run<C> run = new Run<>(reader, apply, Vertx.currentContext());
        long reading = System.nanoTime();
        List<Delivery<C>> deliveries = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> unreadable = new ArrayList<>();
        List<MalformedEventException> reasons = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ShopifyEvent event = ShopifyEvent.fromRecord(record.headers(), record.value());
                Optional<C> change = reader.read(event);
                if (change.isPresent()) {
                    deliveries.add(new Delivery<>(record, event, change.get()));
                } else {
                    count(reader, event.type(), EventOutcome.IGNORED);
                }
            } catch (MalformedEventException e) {
                unreadable.add(record);
                reasons.add(e);
            }
        }
        lap(reader.metric(), "read", reading);
        Uni<Void> done = settle(run, deliveries);
        for (int i = 0; i < unreadable.size(); i++) {
            ConsumerRecord<String, byte[]> record = unreadable.get(i);
            MalformedEventException reason = reasons.get(i);
            done = done.chain(() -> deadLetter(run, record, reason));
        }
        return done.onTermination().invoke(() -> health.recovered(run));
    }

    /** Applies the deliveries, splitting them around what fails; completes when each is applied or dead-lettered. */
    private <C> Uni<Void> settle(Run<C> run, List<Delivery<C>> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return attempt(run, batch, 0).chain(failure -> {
            if (failure.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (batch.size() == 1) {
                return alone(run, batch.get(0), failure.get(), 0);
            }
            metrics.counter(run.reader.metric() + ".batches.split").increment();
            LOG.debugf(
                    "%s: a poll of %d failed (%s); applying it in halves",
                    run.reader.metric(), batch.size(), failure.get().getMessage());
            int half = batch.size() / 2;
            List<Delivery<C>> first = batch.subList(0, half);
            List<Delivery<C>> second = batch.subList(half, batch.size());
            return settle(run, first).chain(() -> settle(run, second));
        });
    }

    /**
     * One try of the deliveries as a whole, tried again for as long as it fails for a dependency that is away.
     *
     * @return empty when they were applied (and counted), else the failure that is about the records
     */
    private <C> Uni<Optional<Throwable>> attempt(Run<C> run, List<Delivery<C>> batch, int outages) {
        Timer.Sample sample = Timer.start(metrics);
        return run.onContext(() -> {
                    batch.forEach(delivery -> delivery.outcome(EventOutcome.APPLIED));
                    return tracing.inBatchSpan(batch, () -> run.apply.apply(batch));
                })
                .map(done -> {
                    sample.stop(batchTimer(run.reader.metric()));
                    health.recovered(run);
                    countOutcomes(run.reader, batch);
                    return Optional.<Throwable>empty();
                })
                .onFailure()
                .recoverWithUni(failure -> {
                    if (shutdown.shuttingDown()) {
                        return Uni.createFrom().failure(leftForRedelivery(run, batch.size()));
                    }
                    if (!TransientFailures.isTransient(failure)) {
                        return Uni.createFrom().item(Optional.of(failure));
                    }
                    metrics.counter(run.reader.metric() + ".transient.failures").increment();
                    health.waiting(
                            run, run.reader.metric(), failure.getClass().getSimpleName() + ": " + failure.getMessage());
                    Duration wait = backoff(outages);
                    if (outages == 0 || outages % 20 == 0) {
                        LOG.warnf(
                                "%s: a dependency is away (%s); %d records wait and are tried again in %d ms, "
                                        + "not dead-lettered",
                                run.reader.metric(), failure.getMessage(), batch.size(), wait.toMillis());
                    }
                    return run.after(wait).chain(() -> attempt(run, batch, outages + 1));
                });
    }

    /** A delivery that failed by itself: tried again a few times, then dead-lettered with the reason. */
    private <C> Uni<Void> alone(Run<C> run, Delivery<C> delivery, Throwable failure, int retries) {
        metrics.counter(
                        run.reader.metric() + ".failed.attempts",
                        "type",
                        delivery.event().type())
                .increment();
        if (retries < retry.attempts()) {
            LOG.debugf("%s: %s failed (%s); trying it again", run.reader.metric(), delivery, failure.getMessage());
            Duration wait = retryBackoff(retries);
            return run.after(wait)
                    .chain(() -> attempt(run, List.of(delivery), 0))
                    .chain(again -> again.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : alone(run, delivery, again.get(), retries + 1));
        }
        LOG.warnf("%s: %s goes to the dead letters: %s", run.reader.metric(), delivery, failure.getMessage());
        return deadLetter(run, delivery.record(), failure);
    }

    /** Writes a dead letter, waiting out a broker that is away. */
    private Uni<Void> deadLetter(Run<?> run, ConsumerRecord<String, byte[]> record, Throwable reason) {
        return deadLetter(run, record, reason, 0);
    }

    private Uni<Void> deadLetter(Run<?> run, ConsumerRecord<String, byte[]> record, Throwable reason, int outages) {
        return deadLetters
                .write(record, reason)
                .invoke(() -> health.recovered(run))
                .onFailure()
                .recoverWithUni(failure -> {
                    if (shutdown.shuttingDown()) {
                        return Uni.createFrom().failure(leftForRedelivery(run, 1));
                    }
                    health.waiting(run, run.reader.metric(), "dead letter not written: " + failure.getMessage());
                    LOG.warnf(
                            "%s: a dead letter could not be written (%s); trying again",
                            run.reader.metric(), failure.getMessage());
                    return run.after(backoff(outages)).chain(() -> deadLetter(run, record, reason, outages + 1));
                });
    }

    /**
     * The pool and producers close under a poll while the service shuts down: its failures say nothing about the
     * records. The poll fails, unacked, so its offsets are not committed and it is delivered again after the restart;
     * the channel stops (failure-strategy fail), as it is about to anyway, and the shutdown is not held up.
     */
    private static IllegalStateException leftForRedelivery(Run<?> run, int records) {
        LOG.infof("%s: %d records left for redelivery: the service is shutting down", run.reader.metric(), records);
        return new IllegalStateException("the service is shutting down; the poll is delivered again after the restart");
    }

    private Duration backoff(int outages) {
        return doubled(config.transientInitialBackoff(), config.transientMaxBackoff(), outages);
    }

    private Duration retryBackoff(int retries) {
        return doubled(retry.initialBackoff(), retry.maxBackoff(), retries);
    }

    static Duration doubled(Duration initial, Duration max, int times) {
        long millis = initial.toMillis() << Math.min(times, 20);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    private void count(EventReader<?> reader, String type, EventOutcome outcome) {
        metrics.counter(reader.metric(), "type", type, "outcome", outcome.tag()).increment();
    }

    /** One increment per type and outcome of the poll, not one lookup of the counter per record. */
    private void countOutcomes(EventReader<?> reader, List<? extends Delivery<?>> batch) {
        Map<String, EnumMap<EventOutcome, Integer>> counts = new HashMap<>();
        for (Delivery<?> delivery : batch) {
            counts.computeIfAbsent(delivery.event().type(), type -> new EnumMap<>(EventOutcome.class))
                    .merge(delivery.outcome(), 1, Integer::sum);
        }
        counts.forEach((type, outcomes) -> outcomes.forEach(
                (outcome, n) -> metrics.counter(reader.metric(), "type", type, "outcome", outcome.tag())
                        .increment(n)));
    }

    private Timer batchTimer(String consumer) {
        return Timer.builder("event.consumer.batch")
                .description("A poll's work, from the first try to its commit")
                .tag("consumer", consumer)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(metrics);
    }

    /** One poll's consumption: who reads it, how it is applied, and the Vert.x context it arrived on. */
    private static final class Run<C> {

        final EventReader<C> reader;
        final Function<List<Delivery<C>>, Uni<Void>> apply;
        private final Context context;
        private final Executor onContext;

        Run(EventReader<C> reader, Function<List<Delivery<C>>, Uni<Void>> apply, Context context) {
            this.reader = reader;
            this.apply = apply;
            this.context = context;
            this.onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        }

        /** Subscribes on the poll's context: Hibernate Reactive work must run there, whatever thread comes back. */
        <T> Uni<T> onContext(java.util.function.Supplier<Uni<? extends T>> work) {
            return Uni.createFrom().deferred(work).runSubscriptionOn(onContext);
        }

        Uni<Void> after(Duration delay) {
            if (context == null) {
                return Uni.createFrom().voidItem().onItem().delayIt().by(delay);
            }
            return Uni.createFrom()
                    .emitter(emitter -> context.owner()
                            .setTimer(
                                    Math.max(1, delay.toMillis()),
                                    timer -> context.runOnContext(ignored -> emitter.complete(null))));
        }
    }
}
