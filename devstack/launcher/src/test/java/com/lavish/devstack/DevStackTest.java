package com.lavish.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lavish.events.Topics;

class DevStackTest {

    static DevStack stack;

    @BeforeAll
    static void start() {
        stack = new DevStack(DevStack.Settings.tests(), Map.of()).start(Component.parse(null));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void postgresIsARealPostgresSeventeen() throws Exception {
        Map<String, String> config = stack.quarkusConfig();
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("17."), rs.getString(1));
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        URI uri = URI.create(stack.quarkusConfig().get("quarkus.redis.hosts"));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream())).readLine();
            assertEquals("+PONG", reply);
        }
    }

    @Test
    void everyContractTopicAndItsDeadLetterTopicExistsWithSeveralPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertTrue(names.containsAll(Topics.allWithDeadLetters()), names.toString());
            int partitions = admin.describeTopics(List.of(Topics.CUSTOMERS)).allTopicNames().get()
                    .get(Topics.CUSTOMERS).partitions().size();
            assertEquals(3, partitions);
        }
    }

    @Test
    void aRecordWrittenBeforeTheBrokerIsKilledIsReadAfterItRestarts() {
        String bootstrap = stack.kafkaBootstrapServers();
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.UNROUTED, "shop/1", "kept")).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        KafkaBroker broker = stack.embeddedKafka().orElseThrow();
        broker.kill();
        broker.start();
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "devstack-test", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.UNROUTED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var record : records) {
                    if ("kept".equals(record.value())) {
                        return;
                    }
                }
            }
            throw new AssertionError("the record did not survive the broker's restart");
        }
    }
}
