package com.lavish.consumer;

import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record that cannot be applied goes, with its reason: its topic's {@code .dlq} ({@link DeadLetterWriter}). */
public interface DeadLetters {

    /** Completes once the dead letter is durable; fails when it could not be written. */
    Uni<Void> write(ConsumerRecord<String, byte[]> record, Throwable failure);
}
