package com.lavish.subscriptions.service;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import com.lavish.consumer.RecordProducer;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.subscriptions.config.SyncCommandsConfig;
import com.lavish.subscriptions.repository.CommandOutbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Takes the outbox's commands to sync.commands: right after the transaction that wrote them commits, and on a
 * schedule for whatever a crash or an absent broker left behind. Each pass locks a batch of rows
 * {@code FOR UPDATE SKIP LOCKED} (replicas share the outbox, none sends a row another is sending), hands them all to
 * event-consumer's idempotent acks=all producer at once, in id order (one contract's commands share a partition, so
 * they keep their order), waits for the broker's acks, and marks them sent in the same transaction. A crash between
 * the acks and the commit sends a command twice; sync-service applies each idempotency key once.
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

    public SyncCommandRelay(Pool pool, CommandOutbox outbox, RecordProducer records, SyncCommandsConfig config,
                            MeterRegistry metrics) {
        this.pool = pool;
        this.outbox = outbox;
        this.records = records;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(identity = "sync-command-relay", every = "${sync-commands.relay.every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relayQuietly();
    }

    /**
     * Passes until the outbox holds less than a batch, whose failure is logged and left to the next relay: for callers
     * whose own work is done.
     */
    public Uni<Void> relayQuietly() {
        return relayAll(0)
                .onFailure().invoke(failure -> LOG.warnf("sync commands not relayed yet (the next pass retries): %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> relayAll(int passes) {
        return relay().chain(sent -> sent < config.batchSize() || passes + 1 >= MAX_PASSES
                ? Uni.createFrom().voidItem() : relayAll(passes + 1));
    }

    /** Sends up to a batch of unsent commands; completes with how many were sent. */
    public Uni<Integer> relay() {
        return pool.withTransaction(connection -> outbox.lockUnsent(connection, config.batchSize())
                .chain(unsent -> unsent.isEmpty() ? Uni.createFrom().item(0)
                        : send(unsent).chain(() -> outbox.markSent(connection, unsent)).replaceWith(unsent.size())));
    }

    /** Every command handed to the producer before any ack is awaited: one round trip to the broker, not one each. */
    private Uni<Void> send(List<CommandOutbox.Unsent> unsent) {
        List<Uni<Void>> sends = unsent.stream().map(row -> send(row.payload())).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(byte[] payload) {
        SyncCommand command = SyncMessages.readCommand(payload);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SYNC_COMMANDS, null,
                command.recordKey().toString().getBytes(StandardCharsets.UTF_8), payload,
                SyncMessages.headers(command));
        return records.send(record)
                .invoke(() -> metrics.counter("subscription.sync.commands.sent", "type", command.type().name())
                        .increment())
                .replaceWithVoid();
    }
}
