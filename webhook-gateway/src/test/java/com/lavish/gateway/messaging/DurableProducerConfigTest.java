package com.lavish.gateway.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class DurableProducerConfigTest {

    private static final Map<String, Object> KAFKA = Map.of(
            "bootstrap.servers", "127.0.0.1:1",
            "acks", "1",
            "enable.idempotence", "false",
            "delivery.timeout.ms", "120000",
            "group.id", "webhook-gateway",
            "security.protocol", "PLAINTEXT");

    @Test
    void enforcesDurabilityOverTheKafkaConfiguration() {
        Map<String, Object> config = DurableProducerConfig.of(KAFKA, Duration.ofMillis(2500));

        assertEquals("all", config.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("127.0.0.1:1", config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("PLAINTEXT", config.get("security.protocol"));
        assertFalse(config.containsKey("group.id"), "consumer keys of kafka.* stay out of the producer");
    }

    @Test
    void noWaitInsideTheClientOutlastsThePublishTimeout() {
        Map<String, Object> config = DurableProducerConfig.of(KAFKA, Duration.ofMillis(2500));

        int delivery = (int) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        int request = (int) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        int linger = (int) config.get(ProducerConfig.LINGER_MS_CONFIG);
        int maxBlock = (int) config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        assertEquals(2500, delivery);
        assertTrue(
                linger + request <= delivery, "Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms");
        assertTrue(maxBlock <= 2500);
    }

    @Test
    void kafkaAcceptsTheConfiguration() {
        // the client validates its settings when constructed, before it connects anywhere
        try (KafkaProducer<?, ?> producer =
                new KafkaProducer<>(DurableProducerConfig.of(KAFKA, Duration.ofMillis(2500)))) {
            assertTrue(producer.metrics().size() > 0);
        }
    }

    @Test
    void refusesATimeoutThatLeavesNoRoomForARequest() {
        assertThrows(
                IllegalArgumentException.class,
                () -> DurableProducerConfig.of(KAFKA, Duration.ofMillis(DurableProducerConfig.LINGER_MS)));
    }
}
