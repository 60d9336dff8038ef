package com.lavish.gateway.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer settings behind "200 only after Kafka has it": every in-sync replica acknowledges, retries cannot
 * duplicate or reorder, and no wait inside the client outlasts the time a webhook may wait for its answer.
 * Connection and security settings come from the {@code kafka.*} configuration; these are enforced over it.
 */
public final class DurableProducerConfig {

    /**
     * Kafka's default since 4.0 is 5 ms, which every webhook would wait at low load; 1 ms keeps p99 low there, and
     * under load batches still form while earlier requests are in flight.
     */
    static final int LINGER_MS = 1;

    private DurableProducerConfig() {}

    /**
     * @param kafkaConfig    the {@code kafka.*} properties, prefix removed (bootstrap servers, security...)
     * @param publishTimeout how long a webhook waits for the acknowledgement
     */
    public static Map<String, Object> of(Map<String, Object> kafkaConfig, Duration publishTimeout) {
        int timeoutMs = Math.toIntExact(publishTimeout.toMillis());
        if (timeoutMs <= LINGER_MS) {
            throw new IllegalArgumentException("webhook.publish.timeout must be longer than " + LINGER_MS + " ms");
        }
        Map<String, Object> config = new HashMap<>();
        Set<String> known = ProducerConfig.configNames();
        // only producer settings: kafka.* also carries consumer and Quarkus keys the producer would warn about
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // A record Kafka has not acknowledged when the webhook is answered 503 is dropped by the client, not
        // written later: Shopify's retry then carries it. (An acknowledgement lost on the way back still yields a
        // duplicate, which consumers drop by ce_id.)
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs - LINGER_MS);
        // send() blocks while it waits for metadata or buffer space; it runs off the event loop, and never
        // longer than the webhook waits
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "webhook-gateway");
        // come back quickly after a broker restart
        config.putIfAbsent(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return config;
    }
}
