package com.lavish.subscriptions.service;

import com.lavish.consumer.RecordProducer;
import com.lavish.events.Topics;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEvents;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.subscriptions.config.SyncCommandsConfig;
import com.lavish.subscriptions.repository.CommandOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Takes the outbox's rows to their topics, the commands to sync.commands and the subscription events to
 * subscription.events, each with its record key and CloudEvents headers: right after the transaction that wrote them
 * commits, and on a schedule for whatever a crash or an absent broker left behind. Each pass locks a batch of rows
 * {@code FOR UPDATE SKIP LOCKED} (replicas share the outbox, none sends a row another is sending), hands them all to
 * event-consumer's idempotent acks=all producer at once, in id order (one contract's records share a partition, so
 * they keep their order), waits for the broker's acks, and marks them sent in the same transaction. A crash between
 * the acks and the commit sends a row twice; sync-service applies each idempotency key once, and an event's consumer
 * each event id (ce_id) once. Counted in {@code subscription_outbox_sent_total{topic,type}}.
 */
@ApplicationScoped
public class SyncCommandRelay {

    private static final Logger LOG = Logger.getLogger(SyncCommandRelay.class);
    /** Passes one relay takes at most while batches come full: a bound, should the outbox keep filling. */
    private static final int MAX_PASSES = 20;

    private final Pool pool;
    private final CommandOutbox outbox;
    private final RecordProducer records;
    private final SyncCommandsConfig config;
    private final MeterRegistry metrics;

    public SyncCommandRelay(
            Pool pool, CommandOutbox outbox, RecordProducer records, SyncCommandsConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.outbox = outbox;
        this.records = records;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(
            identity = "sync-command-relay",
            every = "${sync-commands.relay.every:5s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relayQuietly();
    }

    /**
     * Passes until the outbox holds less than a batch, whose failure is logged and left to the next relay: for callers
     * whose own work is done.
     */
    public Uni<Void> relayQuietly() {
        return Batches.whileFull(this::relay, config.batchSize(), MAX_PASSES)
                .onFailure()
                .invoke(failure ->
                        LOG.warnf("outbox not relayed yet (the next pass retries): %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Sends up to a batch of unsent commands; completes with how many were sent. */
    public Uni<Integer> relay() {
        return pool.withTransaction(connection -> outbox.lockUnsent(connection, config.batchSize())
                .chain(unsent -> unsent.isEmpty()
                        ? Uni.createFrom().item(0)
                        : send(unsent)
                                .chain(() -> outbox.markSent(connection, unsent))
                                .replaceWith(unsent.size())));
    }

    /** Every command handed to the producer before any ack is awaited: one round trip to the broker, not one each. */
    private Uni<Void> send(List<CommandOutbox.Unsent> unsent) {
        List<Uni<Void>> sends = unsent.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(CommandOutbox.Unsent row) {
        return records.send(record(row))
                .invoke(() -> metrics.counter("subscription.outbox.sent", "topic", row.topic(), "type", row.type())
                        .increment())
                .replaceWithVoid();
    }

    /** The row as its topic carries it: the payload as stored, keyed and headed as the contract says. */
    private static ProducerRecord<byte[], byte[]> record(CommandOutbox.Unsent row) {
        if (Topics.SUBSCRIPTION_EVENTS.equals(row.topic())) {
            SubscriptionEvent event = SubscriptionEvents.read(row.payload());
            return new ProducerRecord<>(
                    row.topic(),
                    null,
                    bytes(event.recordKey().toString()),
                    row.payload(),
                    SubscriptionEvents.headers(event));
        }
        SyncCommand command = SyncMessages.readCommand(row.payload());
        return new ProducerRecord<>(
                Topics.SYNC_COMMANDS,
                null,
                bytes(command.recordKey().toString()),
                row.payload(),
                SyncMessages.headers(command));
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
