package com.lavish.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.ShopifyTopicRoute;
import com.lavish.shopifyfake.SampleWebhooks;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A backlog of events written straight to Kafka, as the webhook gateway writes them (CloudEvents headers and the
 * record key from the events contract, the raw body as the value), for {@link CatchUpRate} to time while a consumer
 * drains it. Each event is a new entity made from Shopify's own sample for its topic, with the benchmark's ids:
 * {@code customers} (customers/create), {@code orders} (orders/create, the full sample order with its lines, of one
 * of 1,000 customers), {@code contracts} (subscription_contracts/create). Webhook ids are {@code PREFIX<id>}.
 * Usage: {@code EventBacklog BOOTSTRAP_SERVERS SHOP KIND COUNT FIRST_ID PREFIX}.
 */
public final class EventBacklog {

    private EventBacklog() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String shop = args[1];
        String kind = args[2];
        int count = Integer.parseInt(args[3]);
        long firstId = Long.parseLong(args[4]);
        String prefix = args[5];
        String type = switch (kind) {
            case "customers" -> "customers/create";
            case "orders" -> "orders/create";
            case "contracts" -> "subscription_contracts/create";
            default -> throw new IllegalArgumentException("KIND is customers, orders or contracts: " + kind);
        };
        String topic = ShopifyTopicRoute.of(type).kafkaTopic();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        OffsetDateTime updatedAt = SampleWebhooks.now();

        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                byte[] body = switch (kind) {
                    case "customers" -> SampleWebhooks.customer(type, id, "reader" + id + "@example.com.au");
                    case "orders" -> SampleOrders.order(type, id, 500000L + i, firstId + i % 1000, "paid", updatedAt);
                    default -> contract(id, firstId + i % 1000);
                };
                ShopifyEvent event = new ShopifyEvent(
                        prefix + id,
                        type,
                        shop,
                        Instant.now().toString(),
                        Long.toString(id),
                        "2026-07",
                        prefix + "event-" + id,
                        body);
                producer.send(
                        new ProducerRecord<>(topic, null, event.recordKey().toString(), body, event.toHeaders()));
            }
            producer.flush();
        }
        System.out.printf(
                "backlog: %d %s events on %s in %.1f s%n", count, type, topic, (System.nanoTime() - started) / 1e9);
    }

    /** Shopify's subscription_contracts/create sample, as one of the shop's contracts. */
    private static byte[] contract(long contractId, long customerId) {
        ObjectNode contract = SampleWebhooks.variant("subscription_contracts/create")
                .lavish()
                .customerId(customerId)
                .tree();
        contract.put("id", contractId);
        contract.put("admin_graphql_api_id", "gid://shopify/SubscriptionContract/" + contractId);
        contract.put("revision_id", Long.toString(contractId % 1_000_000 + 1));
        return SampleWebhooks.variant("subscription_contracts/create")
                .tree()
                .setAll(contract)
                .toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
