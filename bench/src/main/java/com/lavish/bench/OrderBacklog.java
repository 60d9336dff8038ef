package com.lavish.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.lavish.events.ShopifyEvent;
import com.lavish.events.ShopifyTopicRoute;
import com.lavish.shopifyfake.SampleWebhooks;

/**
 * A backlog of {@code orders/create} events written straight to Kafka, as the webhook gateway writes them
 * (CloudEvents headers and the record key from the events contract, the raw body as the value), for
 * {@link ConsumptionRate} to time while order-service drains it. Every event is a new order of one of CUSTOMERS
 * customers; webhook ids are {@code backlog-<order id>}.
 * Usage: {@code OrderBacklog BOOTSTRAP_SERVERS SHOP COUNT FIRST_ORDER_ID FIRST_CUSTOMER_ID CUSTOMERS}.
 */
public final class OrderBacklog {

    private OrderBacklog() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String shop = args[1];
        int count = Integer.parseInt(args[2]);
        long firstOrder = Long.parseLong(args[3]);
        long firstCustomer = Long.parseLong(args[4]);
        int customers = Integer.parseInt(args[5]);
        String topic = ShopifyTopicRoute.of("orders/create").kafkaTopic();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        OffsetDateTime updatedAt = SampleWebhooks.now();

        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                long order = firstOrder + i;
                long customer = firstCustomer + i % customers;
                byte[] body = SampleOrders.order("orders/create", order, 500000L + i, customer, "paid", updatedAt);
                ShopifyEvent event = new ShopifyEvent("backlog-" + order, "orders/create", shop,
                        Instant.now().toString(), Long.toString(order), "2026-07", "backlog-event-" + order, body);
                producer.send(new ProducerRecord<>(topic, null, event.recordKey().toString(), body,
                        event.toHeaders()));
            }
            producer.flush();
        }
        System.out.printf("backlog: %d orders/create events on %s in %.1f s%n", count, topic,
                (System.nanoTime() - started) / 1e9);
    }
}
