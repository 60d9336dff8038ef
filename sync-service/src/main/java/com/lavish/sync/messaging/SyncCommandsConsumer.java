package com.lavish.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.lavish.consumer.DeadLetterWriter;
import com.lavish.consumer.EventRetryConfig;
import com.lavish.events.MalformedEventException;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.sync.service.SyncCommandService;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Consumes sync.commands one record at a time per partition (a group's or a contract's commands stay in order;
 * {@code concurrency} consumers take partitions side by side). A record is acked once its result is published.
 * Shopify's own failures are answered (REJECTED, FAILED) and never fail the record; what does (the ledger or Kafka
 * away) is retried on the record's context ({@code event-consumer.retry.*}; the ledger makes a retry safe), and a
 * record that still fails, or cannot be read at all, goes to sync.commands.dlq with its reason (event-consumer's
 * DeadLetterWriter, counted in {@code dead_letters_written_total}), where the admin can list and replay it.
 */
@ApplicationScoped
public class SyncCommandsConsumer {

    private static final Logger LOG = Logger.getLogger(SyncCommandsConsumer.class);

    private final SyncCommandService commands;
    private final DeadLetterWriter deadLetters;
    private final EventRetryConfig retry;

    public SyncCommandsConsumer(SyncCommandService commands, DeadLetterWriter deadLetters, EventRetryConfig retry) {
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Incoming("sync-commands")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        Context context = Vertx.currentContext();
        SyncCommand command;
        try {
            command = SyncMessages.readCommand(record.value());
        } catch (MalformedEventException e) {
            return deadLetter(record, e);
        }
        Uni<Void> applied = Uni.createFrom().deferred(() -> commands.apply(command)).replaceWithVoid();
        if (context != null) {
            // a retry resubscribes from Mutiny's timer thread: bring it back to the record's context
            applied = applied.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return applied
                .onFailure().retry().withBackOff(retry.initialBackoff(), retry.maxBackoff()).atMost(retry.attempts())
                .onFailure().recoverWithUni(failure -> deadLetter(record, failure));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, Throwable failure) {
        LOG.warnf("sync.commands record at partition %d offset %d goes to the dead letters: %s", record.partition(),
                record.offset(), failure.getMessage());
        return deadLetters.write(record, failure);
    }
}
