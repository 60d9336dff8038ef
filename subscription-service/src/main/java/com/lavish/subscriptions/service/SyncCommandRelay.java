package com.lavish.subscriptions.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import com.lavish.consumer.RecordProducer;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.subscriptions.config.SyncCommandsConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Takes the outbox's commands to sync.commands: right after the transaction that wrote them commits, and on a
 * schedule for whatever a crash or an absent broker left behind. Each pass locks its rows
 * {@code FOR UPDATE SKIP LOCKED} (replicas share the outbox, none sends a row another is sending), sends them in
 * order with event-consumer's idempotent acks=all producer, and marks them sent in the same transaction. A crash
 * between the broker's ack and the commit sends a command twice; sync-service applies each idempotency key once.
 */
@ApplicationScoped
public class SyncCommandRelay {

    private static final Logger LOG = Logger.getLogger(SyncCommandRelay.class);

    private final RecordProducer records;
    private final SyncCommandsConfig config;
    private final MeterRegistry metrics;

    public SyncCommandRelay(RecordProducer records, SyncCommandsConfig config, MeterRegistry metrics) {
        this.records = records;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(identity = "sync-command-relay", every = "${sync-commands.relay.every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relayQuietly();
    }

    /** One pass, whose failure is logged and left to the next pass: for callers whose own work is done. */
    public Uni<Void> relayQuietly() {
        return relay()
                .onFailure().invoke(failure -> LOG.warnf("sync commands not relayed yet (the next pass retries): %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sends up to a batch of unsent commands; completes with how many were sent. */
    public Uni<Integer> relay() {
        Context context = Vertx.currentContext();
        // the broker answers on its own thread: the session must be used on the context it was opened on
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                select id, payload from {h-schema}sync_command_outbox where sent_at is null
                                order by id limit :limit for update skip locked""", Object[].class)
                        .setParameter("limit", config.batchSize())
                        .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> sent = new ArrayList<>();
                    return Multi.createFrom().iterable(rows)
                            .onItem().transformToUniAndConcatenate(row -> send(((String) row[1]).getBytes(StandardCharsets.UTF_8))
                                    .invoke(() -> sent.add(((Number) row[0]).longValue())))
                            .collect().last()
                            .emitOn(onContext)
                            .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                            "update {h-schema}sync_command_outbox set sent_at = now() where id in (:ids)")
                                    .setParameter("ids", sent)
                                    .executeUpdate()));
                }));
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
