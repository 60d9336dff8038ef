package com.lavish.gateway.support;

import com.lavish.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads what the gateway wrote, from the start of a topic, picking the records of one delivery by ce_id. */
public final class KafkaTopicReader {

    private KafkaTopicReader() {}

    /** The records of one delivery, waiting up to {@code timeout} for at least one to appear. */
    public static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String webhookId, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = fromTheBeginning(consumer, topic);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (webhookId.equals(header(record, CloudEventHeaders.ID))) {
                        found.add(record);
                    }
                }
                if (!found.isEmpty() && caughtUp(consumer, partitions)) {
                    return found;
                }
            }
            return found;
        }
    }

    /** Assigns every partition of the topic to the consumer, each read from its first record. */
    private static List<TopicPartition> fromTheBeginning(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    /** The one record of a delivery; fails when there is none or more than one. */
    public static ConsumerRecord<String, byte[]> recordOf(String topic, String webhookId) {
        List<ConsumerRecord<String, byte[]>> records = recordsOf(topic, webhookId, Duration.ofSeconds(15));
        if (records.size() != 1) {
            throw new AssertionError(
                    "expected one record of webhook " + webhookId + " on " + topic + ", found " + records.size());
        }
        return records.get(0);
    }

    /** Everything on the topic up to its current end, with no waiting for more. */
    public static List<ConsumerRecord<String, byte[]>> recordsNow(String topic, String webhookId) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = fromTheBeginning(consumer, topic);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!caughtUp(consumer, partitions) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (webhookId.equals(header(record, CloudEventHeaders.ID))) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        return partitions.stream().allMatch(p -> consumer.position(p, Duration.ofSeconds(10)) >= ends.get(p));
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props);
    }
}
