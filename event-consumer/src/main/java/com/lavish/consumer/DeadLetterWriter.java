package com.lavish.consumer;

import com.lavish.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Writes a record that could not be applied to {@code <topic>.dlq}, byte for byte with its key and headers, plus the
 * headers SmallRye's dead-letter strategy writes (reason, cause, where it came from), so the admin's list and replay
 * read both alike. Used where the consumer handles a batch itself and acks it whole. Counts them in
 * {@code dead-letters.written} (Prometheus: {@code dead_letters_written_total}), tagged with the source topic.
 */
@ApplicationScoped
public class DeadLetterWriter implements DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);
    private static final String WRITTEN = "dead-letters.written";
    private static final Pattern INCOMING_CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.connector");

    private final RecordProducer records;
    private final MeterRegistry metrics;
    private final ShutdownWatch shutdown;

    public DeadLetterWriter(RecordProducer records, MeterRegistry metrics, ShutdownWatch shutdown) {
        this.records = records;
        this.metrics = metrics;
        this.shutdown = shutdown;
    }

    /**
     * Completes once the broker has the dead letter; fails if it cannot take it. While the service shuts down it fails
     * at once: the record stays unacked, so its offset is not committed and it is delivered again after the restart
     * instead of being dead-lettered for a pool that was closing.
     */
    @Override
    public Uni<Void> write(ConsumerRecord<String, byte[]> record, Throwable failure) {
        if (shutdown.shuttingDown()) {
            LOG.infof(
                    "%s record at partition %d offset %d left for redelivery: the service is shutting down",
                    record.topic(), record.partition(), record.offset());
            return Uni.createFrom().failure(new IllegalStateException("the service is shutting down"));
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(
                KafkaDeadLetterQueue.DEAD_LETTER_REASON,
                utf8(failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage()));
        if (failure.getCause() != null && failure.getCause().getMessage() != null) {
            headers.add(
                    KafkaDeadLetterQueue.DEAD_LETTER_CAUSE,
                    utf8(failure.getCause().getMessage()));
        }
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, utf8(record.topic()));
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, utf8(Long.toString(record.offset())));
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(
                Topics.deadLetterOf(record.topic()),
                null,
                record.key() == null ? null : utf8(record.key()),
                record.value(),
                headers);
        return records.send(letter)
                .invoke(() -> written(record.topic()).increment())
                .replaceWithVoid();
    }

    /**
     * Registers the counter of every topic this service consumes at start, at 0: the dashboard's and the alerts'
     * {@code increase(dead_letters_written_total[...])} needs the series before the first dead letter, or it misses
     * that one.
     */
    void registerCounters(@Observes StartupEvent start, Config config) {
        consumedTopics(config).forEach(this::written);
    }

    /** The topics of the service's Kafka channels ({@code mp.messaging.incoming.<channel>.topic}, or the channel). */
    static Set<String> consumedTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher m = INCOMING_CONNECTOR.matcher(property);
            if (m.matches()
                    && "smallrye-kafka"
                            .equals(config.getOptionalValue(property, String.class)
                                    .orElse(null))) {
                String channel = "mp.messaging.incoming." + m.group(1) + ".";
                if (config.getOptionalValue(channel + "enabled", Boolean.class).orElse(true)) {
                    topics.add(config.getOptionalValue(channel + "topic", String.class)
                            .orElse(m.group(1)));
                }
            }
        }
        return topics;
    }

    private Counter written(String topic) {
        return metrics.counter(WRITTEN, "topic", topic);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
