package com.lavish.customers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.customers.support.ServiceProcess;
import com.lavish.devstack.Component;
import com.lavish.devstack.DevStack;
import com.lavish.devstack.SharedDevStack;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.shopifyfake.SampleWebhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A consumer killed mid-poll (SIGKILL: no shutdown hook, no last offset commit) and started again applies every
 * record exactly once: what it committed before the crash stays, what it had not is delivered again, and the ledger
 * that commits with each change drops what was applied already. Nothing is dead-lettered.
 */
class CustomerServiceCrashIT {

    private static final String SHOP = "lavish-library.myshopify.com";
    private static final int EVENTS = 20_000;
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void aConsumerKilledMidPollAndStartedAgainAppliesEveryRecordExactlyOnce() throws Exception {
        Map<String, String> infrastructure =
                SharedDevStack.start(Set.of(Component.POSTGRES, Component.REDIS, Component.KAFKA));
        DevStack stack = SharedDevStack.get();
        Map<String, String> environment = stack.environmentVariables();
        String prefix = "crash-" + UUID.randomUUID() + "-";
        long firstId = 7_100_000_000_000L + (System.nanoTime() % 1_000_000) * 100_000L;
        Path log = Files.createTempFile("customer-service-crash-", ".log");
        try (ServiceProcess service =
                new ServiceProcess(environment, freePort(), freePort(), settings(), log).start()) {
            publish(stack.kafkaBootstrapServers(), prefix, firstId);
            // mid-drain: some polls committed, one in flight
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> applied(infrastructure, prefix) > EVENTS / 4);
            service.crash();
            long beforeRestart = applied(infrastructure, prefix);
            assertTrue(beforeRestart < EVENTS, "the crash came before the end of the backlog: " + beforeRestart);

            service.start();
            await().atMost(WAIT).until(() -> applied(infrastructure, prefix) >= EVENTS);
        }

        assertEquals(EVENTS, applied(infrastructure, prefix), "each delivery recorded once");
        assertEquals(
                EVENTS,
                count(
                        infrastructure,
                        "select count(*) from customer.customer where shopify_id between ? and ?",
                        firstId,
                        firstId + EVENTS - 1),
                "each customer once");
        assertEquals(0, deadLetters(stack.kafkaBootstrapServers(), firstId), "nothing dead-lettered");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The local run's clearly fake settings (deploy/local/run.sh), for the production profile. */
    private static Map<String, String> settings() {
        return Map.of(
                "SHOPIFY_API_SECRET",
                "local-dev-secret-not-for-production",
                "SHOPIFY_SHOPS",
                SHOP,
                "STOREFRONT_TOKEN_SECRET",
                "local-dev-token-secret-not-for-production-use",
                "STOREFRONT_CORS_ORIGINS",
                "http://127.0.0.1:8090",
                "ADMIN_USERS_ADMIN_PASSWORD_HASH",
                "$2a$12$wjdXrtlJKDYnvDVNIYfZ9uBLC3lnQBwgjlRQ4eYAyP4vYMon0pl5i",
                "ADMIN_USERS_ADMIN_ROLES",
                "admin",
                "PERSONAL_DATA_KEYSET",
                "{\"primaryKeyId\":1064020938,\"key\":[{\"keyData\":{\"typeUrl\":"
                        + "\"type.googleapis.com/google.crypto.tink.AesGcmKey\",\"value\":"
                        + "\"GiDDJM1pGNkh6Z1NkKeB2iGENtaHw728IQPwRw/551Telg==\",\"keyMaterialType\":\"SYMMETRIC\"},"
                        + "\"status\":\"ENABLED\",\"keyId\":1064020938,\"outputPrefixType\":\"TINK\"}]}");
    }

    private static void publish(String bootstrap, String prefix, long firstId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                long id = firstId + i;
                byte[] body = SampleWebhooks.customer("customers/create", id, "crash" + id + "@example.com.au");
                ShopifyEvent event = new ShopifyEvent(
                        prefix + id,
                        "customers/create",
                        SHOP,
                        Instant.now().toString(),
                        Long.toString(id),
                        "2026-07",
                        null,
                        body);
                producer.send(new ProducerRecord<>(
                        Topics.CUSTOMERS, null, event.recordKey().toString(), body, event.toHeaders()));
            }
            producer.flush();
        }
    }

    private static long applied(Map<String, String> infrastructure, String prefix) throws SQLException {
        String upper = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        return count(
                infrastructure,
                "select count(*) from customer.applied_event where event_id >= ? and event_id < ?",
                prefix,
                upper);
    }

    private static long count(Map<String, String> infrastructure, String sql, Object... parameters)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        infrastructure.get("quarkus.datasource.jdbc.url"),
                        infrastructure.get("quarkus.datasource.username"),
                        "");
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            // the schema appears once the service has migrated it
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    private static int deadLetters(String bootstrap, long firstId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> ours = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.CUSTOMERS)));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    long id = Long.parseLong(r.key().substring(r.key().indexOf('/') + 1));
                    if (id >= firstId && id < firstId + EVENTS) {
                        ours.add(r.key());
                    }
                });
            }
        }
        return ours.size();
    }
}
