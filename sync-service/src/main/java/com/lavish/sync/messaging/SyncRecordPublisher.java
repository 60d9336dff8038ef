package com.lavish.sync.messaging;

import com.lavish.consumer.RecordProducer;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Writes to the sync topics with SyncMessages' JSON and CloudEvents headers, keyed by the command
 * ({@link SyncCommand#recordKey()}) so one entity's commands and answers stay in order: results to sync.results,
 * and a command from the ledger back to sync.commands (the admin's resend). Completes once every in-sync replica
 * has the record.
 */
@ApplicationScoped
public class SyncRecordPublisher {

    private final RecordProducer records;

    public SyncRecordPublisher(RecordProducer records) {
        this.records = records;
    }

    public Uni<Void> result(SyncCommand command, SyncResult result) {
        return send(Topics.SYNC_RESULTS, command, SyncMessages.write(result), SyncMessages.headers(result));
    }

    public Uni<Void> command(SyncCommand command) {
        return send(Topics.SYNC_COMMANDS, command, SyncMessages.write(command), SyncMessages.headers(command));
    }

    private Uni<Void> send(String topic, SyncCommand command, byte[] value, Headers headers) {
        byte[] key = command.recordKey().toString().getBytes(StandardCharsets.UTF_8);
        return records.send(new ProducerRecord<>(topic, null, key, value, headers))
                .replaceWithVoid();
    }
}
