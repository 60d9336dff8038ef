package com.lavish.consumer;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import com.lavish.events.Topics;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;

/**
 * Writes a record that could not be applied to {@code <topic>.dlq}, byte for byte with its key and headers, plus the
 * headers SmallRye's dead-letter strategy writes (reason, cause, where it came from), so the admin's list and replay
 * read both alike. Used where the consumer handles a batch itself and acks it whole.
 */
@ApplicationScoped
public class DeadLetterWriter {

    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);

    private final RecordProducer records;
    private final MeterRegistry metrics;
    private final ShutdownWatch shutdown;

    public DeadLetterWriter(RecordProducer records, MeterRegistry metrics, ShutdownWatch shutdown) {
        this.records = records;
        this.metrics = metrics;
        this.shutdown = shutdown;
    }

    /**
     * Completes once the broker has the dead letter; fails (and the batch is not acked) if it cannot take it. While
     * the service shuts down it never completes: the record stays unacked, so its offset is not committed and it is
     * delivered again after the restart instead of being dead-lettered for a pool that was closing.
     */
    public Uni<Void> write(ConsumerRecord<String, byte[]> record, Throwable failure) {
        if (shutdown.shuttingDown()) {
            LOG.infof("%s record at partition %d offset %d left for redelivery: the service is shutting down",
                    record.topic(), record.partition(), record.offset());
            return Uni.createFrom().nothing();
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_REASON, utf8(failure.getMessage() == null
                ? failure.getClass().getName() : failure.getMessage()));
        if (failure.getCause() != null && failure.getCause().getMessage() != null) {
            headers.add(KafkaDeadLetterQueue.DEAD_LETTER_CAUSE, utf8(failure.getCause().getMessage()));
        }
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, utf8(record.topic()));
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, utf8(Long.toString(record.offset())));
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null,
                record.key() == null ? null : utf8(record.key()), record.value(), headers);
        return records.send(letter)
                .invoke(() -> metrics.counter("dead-letters.written", "topic", record.topic()).increment())
                .replaceWithVoid();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
