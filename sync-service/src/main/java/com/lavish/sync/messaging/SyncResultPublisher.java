package com.lavish.sync.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.lavish.consumer.RecordProducer;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;

import io.smallrye.mutiny.Uni;

/**
 * Answers commands on {@code sync.results}: SyncMessages' JSON with its CloudEvents headers, keyed like the command
 * ({@link SyncCommand#recordKey()}), so one entity's answers stay in the order of its commands. Completes once every
 * in-sync replica has the record.
 */
@ApplicationScoped
public class SyncResultPublisher {

    private final RecordProducer records;

    public SyncResultPublisher(RecordProducer records) {
        this.records = records;
    }

    public Uni<Void> publish(SyncCommand command, SyncResult result) {
        byte[] key = command.recordKey().toString().getBytes(StandardCharsets.UTF_8);
        return records.send(new ProducerRecord<>(Topics.SYNC_RESULTS, null, key, SyncMessages.write(result),
                        SyncMessages.headers(result)))
                .replaceWithVoid();
    }
}
