package com.lavish.consumer;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one producer a consuming service writes records with outside its channels (dead letters of a batch, an
 * admin's replay): idempotent, {@code acks=all}, made on first use from the broker settings Quarkus gives its own
 * Kafka clients, closed with the application.
 */
@ApplicationScoped
public class RecordProducer {

    /** How long a send may block for metadata or buffer space before it fails. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private final Map<String, Object> kafka;
    private volatile KafkaProducer<byte[], byte[]> producer;

    public RecordProducer(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = Map.copyOf(kafka);
    }

    /** Completes with where the broker stored the record, once all in-sync replicas have it. */
    public Uni<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return Uni.createFrom()
                .emitter(emitter -> producer().send(record, (metadata, failure) -> {
                    if (failure != null) {
                        emitter.fail(failure);
                    } else {
                        emitter.complete(metadata);
                    }
                }));
    }

    /** The broker settings Quarkus gives its own Kafka clients (bootstrap servers, security), under a client id. */
    public Map<String, Object> clientSettings(String clientId) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> settings = clientSettings("lavish-records");
                    settings.put(ProducerConfig.ACKS_CONFIG, "all");
                    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK.toMillis());
                    producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
