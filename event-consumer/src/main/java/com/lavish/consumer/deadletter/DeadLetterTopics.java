package com.lavish.consumer.deadletter;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.consumer.RecordProducer;
import com.lavish.edge.problem.ProblemException;
import com.lavish.events.CloudEventHeaders;
import com.lavish.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads and replays the dead letters of the topics this service consumes ({@code event-consumer.dead-letters.topics}).
 *
 * <p>Reading uses a short-lived plain consumer with {@code assign} and {@code seek}: no consumer group, no committed
 * offset, so listing changes nothing and a dead letter stays where it is after its replay. A replay republishes the
 * record to its source topic with its key, value and CloudEvent headers byte for byte, plus {@link #REPLAYED_FROM},
 * and answers once every in-sync replica has it ({@code acks=all}). A second replay of one record is harmless: the
 * consumers apply each ce_id once.
 */
@ApplicationScoped
public class DeadLetterTopics {

    /** Set on a replayed record: {@code <dead-letter topic>/<partition>/<offset>} it was replayed from. */
    public static final String REPLAYED_FROM = "lavish-replayed-from";

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);
    /** SmallRye's headers about the failure; a replayed record starts afresh, so it does not carry them on. */
    private static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";

    private static final Duration POLL = Duration.ofMillis(200);

    private final DeadLetterConfig config;
    private final RecordProducer records;
    private final MeterRegistry metrics;

    public DeadLetterTopics(DeadLetterConfig config, RecordProducer records, MeterRegistry metrics) {
        this.config = config;
        this.records = records;
        this.metrics = metrics;
    }

    /** The result of a replay: where the record now is, and where it came from. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Replay(String topic, int partition, long offset, String replayedFrom) {}

    /**
     * Dead letters of {@code topic} from {@code start} (partition, then offset; default the first partition's
     * beginning), at most {@code limit}.
     */
    public Uni<DeadLetterPage> list(String topic, Optional<DeadLetterPage.Position> start, int limit) {
        String deadLetterTopic = deadLetterTopicOf(topic);
        return blocking(() -> read(consumer ->
                page(consumer, topic, deadLetterTopic, start.orElse(new DeadLetterPage.Position(0, 0)), limit)));
    }

    /** Republishes one dead letter to {@code topic}; {@code replayedBy} names the admin in the log. */
    public Uni<Replay> replay(String topic, int partition, long offset, String replayedBy) {
        String deadLetterTopic = deadLetterTopicOf(topic);
        String from = deadLetterTopic + "/" + partition + "/" + offset;
        return blocking(() -> read(consumer -> find(consumer, new TopicPartition(deadLetterTopic, partition), offset)))
                .chain(letter -> publish(topic, letter, from).invoke(replay -> {
                    metrics.counter("dead-letters.replayed", "topic", topic).increment();
                    // ids only: the key and the body may hold personal data
                    LOG.infof(
                            "%s replayed the dead letter %s (ce_id %s, %s) to %s partition %d offset %d",
                            replayedBy,
                            from,
                            DeadLetter.header(letter.headers(), CloudEventHeaders.ID),
                            DeadLetter.header(letter.headers(), CloudEventHeaders.TYPE),
                            replay.topic(),
                            replay.partition(),
                            replay.offset());
                }));
    }

    private String deadLetterTopicOf(String topic) {
        if (!config.topics().orElse(List.of()).contains(topic)) {
            throw ProblemException.notFound("this service keeps no dead letters of the topic " + topic
                    + "; it consumes " + String.join(", ", config.topics().orElse(List.of())));
        }
        return Topics.deadLetterOf(topic);
    }

    private DeadLetterPage page(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            String deadLetterTopic,
            DeadLetterPage.Position start,
            int limit) {
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, config.timeout()).stream()
                .map(info -> new TopicPartition(deadLetterTopic, info.partition()))
                .filter(p -> p.partition() >= start.partition())
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        // assigned before their offsets are asked for: the client warns of offsets for partitions it does not hold
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, config.timeout());
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, config.timeout());
        List<DeadLetter> found = new ArrayList<>();
        long deadline = System.nanoTime() + config.timeout().toNanos();
        for (TopicPartition partition : partitions) {
            long from = partition.partition() == start.partition()
                    ? Math.max(start.offset(), beginnings.get(partition))
                    : beginnings.get(partition);
            long end = ends.get(partition);
            if (from >= end) {
                continue;
            }
            if (found.size() == limit) {
                return new DeadLetterPage(
                        topic, deadLetterTopic, found, new DeadLetterPage.Position(partition.partition(), from));
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            // offsets may have gaps (transaction markers): read until the position passes the end seen at the start
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
                    if (record.offset() >= end) {
                        break;
                    }
                    if (found.size() == limit) {
                        return new DeadLetterPage(
                                topic,
                                deadLetterTopic,
                                found,
                                new DeadLetterPage.Position(partition.partition(), record.offset()));
                    }
                    found.add(DeadLetter.of(record));
                }
                timeOut(deadline, deadLetterTopic);
            }
        }
        return new DeadLetterPage(topic, deadLetterTopic, found, null);
    }

    private ConsumerRecord<byte[], byte[]> find(
            KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long offset) {
        boolean exists = consumer.partitionsFor(partition.topic(), config.timeout()).stream()
                .anyMatch(info -> info.partition() == partition.partition());
        ProblemException missing = ProblemException.notFound("there is no dead letter at partition "
                + partition.partition() + " offset " + offset + " of " + partition.topic());
        if (!exists) {
            throw missing;
        }
        consumer.assign(List.of(partition));
        if (offset
                        < consumer.beginningOffsets(List.of(partition), config.timeout())
                                .get(partition)
                || offset
                        >= consumer.endOffsets(List.of(partition), config.timeout())
                                .get(partition)) {
            throw missing;
        }
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + config.timeout().toNanos();
        while (true) {
            List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(POLL).records(partition);
            if (!records.isEmpty()) {
                ConsumerRecord<byte[], byte[]> first = records.get(0);
                if (first.offset() != offset) {
                    // the offset holds no record (a transaction marker, or compacted away)
                    throw missing;
                }
                return first;
            }
            timeOut(deadline, partition.topic());
        }
    }

    private Uni<Replay> publish(String topic, ConsumerRecord<byte[], byte[]> letter, String from) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
        // no partition: the key's partition, as for the original, so the entity's events stay in order
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers);
        return records.send(record)
                .map(metadata -> new Replay(metadata.topic(), metadata.partition(), metadata.offset(), from))
                .ifNoItem()
                .after(config.timeout())
                .failWith(() -> unavailable(topic))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> {
                    LOG.warnf("replay of %s to %s failed: %s", from, topic, failure.getMessage());
                    return unavailable(topic);
                });
    }

    private <T> T read(Function<KafkaConsumer<byte[], byte[]>, T> reading) {
        Map<String, Object> settings = records.clientSettings("dead-letter-reader-" + UUID.randomUUID());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return reading.apply(consumer);
        } catch (TimeoutException e) {
            throw unavailable("reading dead letters");
        }
    }

    private void timeOut(long deadline, String topic) {
        if (System.nanoTime() - deadline > 0) {
            throw unavailable(topic);
        }
    }

    private ProblemException unavailable(String what) {
        return ProblemException.unavailable("Kafka did not answer in time (" + what + "); try again", 5);
    }

    /** Kafka's clients block: run them on a worker thread, never on the event loop. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
