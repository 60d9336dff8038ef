package com.lavish.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.events.sync.SyncMessages;
import com.lavish.sync.service.SyncCommandService;

import io.smallrye.mutiny.Uni;

/**
 * Consumes sync.commands one record at a time per partition (a group's or a contract's commands stay in order;
 * {@code concurrency} consumers take partitions side by side). A record is acked once its result is published;
 * one that cannot be read or recorded goes to sync.commands.dlq (SmallRye's dead-letter strategy), where the admin
 * can list and replay it.
 */
@ApplicationScoped
public class SyncCommandsConsumer {

    private final SyncCommandService commands;

    public SyncCommandsConsumer(SyncCommandService commands) {
        this.commands = commands;
    }

    @Incoming("sync-commands")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> SyncMessages.readCommand(record.value()))
                .chain(commands::apply)
                .replaceWithVoid();
    }
}
