package com.lavish.orders.messaging;

import static com.lavish.orders.support.OrderEventFixture.WAIT;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.SharedDevStack;
import com.lavish.events.Topics;
import com.lavish.orders.support.OrderEventFixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** A record that cannot be applied goes to shopify.orders.dlq with its reason, and the records after it are applied. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrderEventsFailureTest {

    @Inject
    AgroalDataSource database;

    @Test
    void malformedOrdersGoToTheDeadLettersWithAReasonAndTheNextOrderIsApplied() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            long broken = newId();
            long noId = newId();
            long good = newId();
            byte[] notJson = "{\"id\": 1, this is not JSON".getBytes(StandardCharsets.UTF_8);
            fixture.send("orders/updated", broken, notJson, UUID.randomUUID().toString());
            // an order whose id is a float: refused, never rounded to another order's id
            fixture.send(
                    "orders/updated",
                    noId,
                    "{\"id\": 8.2098291194615456E17}".getBytes(StandardCharsets.UTF_8),
                    UUID.randomUUID().toString());
            String next = fixture.send("orders/create", good, order(good, newId(), 2001, "2026-01-01T00:00:00Z"));

            Map<String, ConsumerRecord<String, byte[]>> letters = awaitDeadLetters(
                    List.of(OrderEventFixture.SHOP + "/" + broken, OrderEventFixture.SHOP + "/" + noId));
            ConsumerRecord<String, byte[]> notJsonLetter = letters.get(OrderEventFixture.SHOP + "/" + broken);
            assertTrue(reason(notJsonLetter).contains("not valid JSON"), reason(notJsonLetter));
            assertArrayEquals(notJson, notJsonLetter.value(), "kept byte for byte, for a replay");
            String noIdReason = reason(letters.get(OrderEventFixture.SHOP + "/" + noId));
            assertTrue(noIdReason.contains("orders/updated names no id"), noIdReason);

            fixture.awaitApplied(next);
            assertEquals(2001L, fixture.orderRow(good).get("order_number"));
        }
    }

    private static Map<String, ConsumerRecord<String, byte[]>> awaitDeadLetters(List<String> keys) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "order-dead-letters-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.ORDERS)));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.put(record.key(), record);
                    }
                }
                return found.keySet().containsAll(keys);
            });
        }
        return found;
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
