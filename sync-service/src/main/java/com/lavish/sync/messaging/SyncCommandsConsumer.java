package com.lavish.sync.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.sync.service.SyncCommandService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes sync.commands, a poll at a time, through event-consumer's pipeline into {@link SyncCommandService}: the
 * pipeline dead-letters a record that cannot be read, waits out a ledger or broker that is away, and acks the poll
 * once every command is answered on sync.results or dead-lettered.
 */
@ApplicationScoped
public class SyncCommandsConsumer {

    private final EventPipeline pipeline;
    private final SyncCommandService commands;

    public SyncCommandsConsumer(EventPipeline pipeline, SyncCommandService commands) {
        this.pipeline = pipeline;
        this.commands = commands;
    }

    @Incoming("sync-commands")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, commands);
    }
}
