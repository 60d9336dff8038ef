package com.lavish.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many records a topic holds: the sum over its partitions of the end offset less the beginning offset (topics
 * are not compacted and nothing is deleted during a benchmark; an idempotent producer writes no gaps), and how they
 * spread over the partitions. Usage: {@code TopicRecords BOOTSTRAP_SERVERS TOPIC}.
 */
public final class TopicRecords {

    private TopicRecords() {}

    public static void main(String[] args) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(args[1]).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = 0;
            StringBuilder spread = new StringBuilder();
            for (TopicPartition partition : partitions) {
                long records = end.get(partition) - begin.get(partition);
                total += records;
                spread.append(' ').append(records);
            }
            System.out.printf("%s: %d records over %d partitions (%s )%n", args[1], total, partitions.size(), spread);
        }
    }
}
