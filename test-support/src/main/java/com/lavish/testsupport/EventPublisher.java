package com.lavish.testsupport;

import com.lavish.devstack.SharedDevStack;
import com.lavish.events.ShopifyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to the test JVM's broker (devstack's {@link SharedDevStack}) as the suite's producers do: a Shopify event
 * keyed by {@link ShopifyEvent#recordKey()} with its {@link ShopifyEvent#toHeaders()}, as webhook-gateway publishes
 * it, or any record of the contract. Every send waits for the broker's ack (acks=all), so a test that publishes and
 * then waits knows the record is there.
 */
public final class EventPublisher implements AutoCloseable {

    private static final long ACK_SECONDS = 30;

    private final KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer());

    /** Publishes the event to the topic as the gateway does; returns its ce_id. */
    public String publish(String topic, ShopifyEvent event) {
        return publish(topic, event, event.toHeaders());
    }

    /** The same with these headers: the event's own and whatever else the gateway adds (its trace context). */
    public String publish(String topic, ShopifyEvent event, Headers headers) {
        publish(record(topic, event, headers));
        return event.id();
    }

    /** Publishes any record of the contract (a command, a result, a body that is not one). */
    public void publish(String topic, String key, byte[] value, Headers headers) {
        publish(new ProducerRecord<>(topic, null, key, value, headers));
    }

    public void publish(ProducerRecord<String, byte[]> record) {
        acked(producer.send(record), record.topic());
    }

    /**
     * Publishes the events as one record batch per partition: a producer of its own holds them until all are handed
     * to it, the broker appends a batch whole and a fetch returns it whole, so a consumer that is not behind takes
     * them in one poll, in this order. Returns their ce_ids.
     */
    public static List<String> publishInOnePoll(String topic, List<ShopifyEvent> events) {
        publishInOnePoll(events.stream()
                .map(event -> record(topic, event, event.toHeaders()))
                .toList());
        return events.stream().map(ShopifyEvent::id).toList();
    }

    /** The same for any records of the contract. */
    public static void publishInOnePoll(List<ProducerRecord<String, byte[]>> records) {
        Properties config = config();
        // nothing leaves before the flush: the records go in one request
        config.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(1024 * 1024));
        try (KafkaProducer<String, byte[]> batch =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            records.forEach(record -> acks.add(batch.send(record)));
            batch.flush();
            for (int i = 0; i < acks.size(); i++) {
                acked(acks.get(i), records.get(i).topic());
            }
        }
    }

    /** The event's record as the gateway writes it: keyed by the event's entity, the CloudEvents headers given. */
    public static ProducerRecord<String, byte[]> record(String topic, ShopifyEvent event, Headers headers) {
        return new ProducerRecord<>(topic, null, event.recordKey().toString(), event.payload(), headers);
    }

    private static Properties config() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static void acked(Future<?> ack, String topic) {
        try {
            ack.get(ACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
