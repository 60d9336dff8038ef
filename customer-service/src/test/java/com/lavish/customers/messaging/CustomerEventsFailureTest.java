package com.lavish.customers.messaging;

import static com.lavish.customers.support.CustomerEventFixture.SHOP;
import static com.lavish.customers.support.CustomerEventFixture.customer;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.customers.support.CustomerEventFixture;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.SharedDevStack;
import com.lavish.events.CloudEventHeaders;
import com.lavish.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
/**
 * What happens to a record that cannot be applied: a malformed one goes to the dead letters at once; a failure
 * that may pass is retried (event-consumer.retry.*: 3 retries, 300 ms to 1 s apart in tests), and dead-lettered
 * when it does not; either way the records after it are applied. Failures are made with a CHECK constraint that
 * refuses one test's customer name, so no other test is touched.
 */
class CustomerEventsFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The updated_at of the version that refuseVersion makes the database refuse. */
    private static final String REFUSED_VERSION = "2026-01-01T00:00:00Z";

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    @Test
    void malformedRecordsGoToTheDeadLettersWithAReasonAndTheNextRecordIsApplied() {
        try (CustomerEventFixture fixture = new CustomerEventFixture(database)) {
            long good = newCustomerId();
            String notJsonKey = SHOP + "/" + newCustomerId();
            String headerlessKey = SHOP + "/" + newCustomerId();
            byte[] notJson = "{\"id\": 1, this is not JSON".getBytes(StandardCharsets.UTF_8);

            RecordHeaders complete = new RecordHeaders();
            complete.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            complete.add(CloudEventHeaders.TYPE, "customers/update".getBytes(StandardCharsets.UTF_8));
            complete.add(CloudEventHeaders.SOURCE, SHOP.getBytes(StandardCharsets.UTF_8));
            complete.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            fixture.publish(notJsonKey, notJson, complete);
            // no CloudEvents attributes at all: nothing says which delivery this is
            fixture.publish(
                    headerlessKey,
                    CustomerEventFixture.bytes(customer(1, "2026-01-01T00:00:00Z", "X")),
                    new RecordHeaders());
            String goodEvent = fixture.send("customers/create", good, customer(good, "2026-01-01T00:00:00Z", "Good"));

            Map<String, ConsumerRecord<String, byte[]>> deadLetters =
                    awaitDeadLetters(List.of(notJsonKey, headerlessKey));
            ConsumerRecord<String, byte[]> notJsonLetter = deadLetters.get(notJsonKey);
            assertTrue(
                    header(notJsonLetter, "dead-letter-reason").contains("not valid JSON"),
                    header(notJsonLetter, "dead-letter-reason"));
            assertArrayEquals(notJson, notJsonLetter.value(), "the record is kept byte for byte, for a replay");
            assertNotNull(notJsonLetter.headers().lastHeader(CloudEventHeaders.ID), "its CloudEvents headers too");
            assertTrue(
                    header(deadLetters.get(headerlessKey), "dead-letter-reason").contains(CloudEventHeaders.ID),
                    header(deadLetters.get(headerlessKey), "dead-letter-reason"));

            await().atMost(WAIT).until(() -> fixture.applied(goodEvent));
            assertEquals("Good", fixture.customerRow(good).get("first_name"));
        }
    }

    @Test
    void failureThatPassesIsRetriedAndTheEventApplied() throws SQLException {
        try (CustomerEventFixture fixture = new CustomerEventFixture(database)) {
            long id = newCustomerId();
            String refused = "Refused-" + id;
            String constraint = refuseVersion(id);
            double failedBefore = failedAttempts();
            String event = fixture.send("customers/create", id, customer(id, REFUSED_VERSION, refused));

            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> failedAttempts() > failedBefore);
            execute("alter table customer.customer drop constraint " + constraint);

            await().atMost(WAIT).until(() -> fixture.applied(event));
            assertEquals(refused, fixture.customerRow(id).get("first_name"));
        }
    }

    @Test
    void failureThatPersistsIsDeadLetteredAfterBoundedRetriesAndTheNextRecordIsApplied() throws SQLException {
        long id = newCustomerId();
        String refused = "Refused-" + id;
        String constraint = refuseVersion(id);
        try (CustomerEventFixture fixture = new CustomerEventFixture(database)) {
            double failedBefore = failedAttempts();
            fixture.send("customers/create", id, customer(id, REFUSED_VERSION, refused));
            // the same customer, so the same partition: it waits behind the failing record
            String next = fixture.send("customers/update", id, customer(id, "2026-01-02T00:00:00Z", "Accepted"));

            ConsumerRecord<String, byte[]> letter =
                    awaitDeadLetters(List.of(SHOP + "/" + id)).get(SHOP + "/" + id);
            assertTrue(header(letter, "dead-letter-reason").contains(constraint), header(letter, "dead-letter-reason"));
            assertEquals(failedBefore + 4, failedAttempts(), "the first attempt and 3 retries, no more");

            await().atMost(WAIT).until(() -> fixture.applied(next));
            assertEquals("Accepted", fixture.customerRow(id).get("first_name"));
        } finally {
            execute("alter table customer.customer drop constraint if exists " + constraint);
        }
    }

    private double failedAttempts() {
        return metrics.find("customer.events.failed.attempts").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** A CHECK constraint that makes every write of this one name fail, and its name. */
    /**
     * Makes the database refuse this customer's version updated at {@link #REFUSED_VERSION}: a check on clear columns, since
     * the names are stored encrypted (ADR 0005) and a check on them would never fire.
     */
    private String refuseVersion(long customerId) throws SQLException {
        String constraint = "test_refuses_" + customerId;
        execute("alter table customer.customer add constraint " + constraint + " check (shopify_id <> " + customerId
                + " or updated_at is distinct from timestamptz '" + REFUSED_VERSION + "')");
        return constraint;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Map<String, ConsumerRecord<String, byte[]>> awaitDeadLetters(List<String> keys) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.CUSTOMERS)));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        found.put(r.key(), r);
                    }
                });
                return found.keySet().containsAll(keys);
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
