package com.lavish.consumer;

import static com.lavish.consumer.PipelineFixture.ceId;
import static com.lavish.consumer.PipelineFixture.newId;
import static com.lavish.consumer.PipelineFixture.record;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's guarantees, against a real PostgreSQL and Kafka: each delivery applied once, the newest version of
 * an entity winning whatever the order in a poll, a record that fails by itself dead-lettered alone, and a
 * dependency that is away waited out without a dead letter.
 */
class EventPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static PipelineFixture fixture;
    private static ThingProjection things;

    @BeforeAll
    static void start() {
        fixture = new PipelineFixture(Duration.ofSeconds(30));
        things = new ThingProjection();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static void consume(List<ConsumerRecord<String, byte[]>> poll) {
        fixture.pipeline.consume(poll, things).await().atMost(WAIT);
    }

    @Test
    void aDeliveryRepeatedInOnePollAndInALaterOneIsAppliedOnce() {
        long id = newId();
        String ce = ceId();
        double duplicates = fixture.count("duplicate");
        consume(List.of(record(id, 1, "first", ce), record(id, 1, "first", ce)));
        consume(List.of(record(id, 1, "first", ce)));

        assertEquals(1, fixture.thing(id).get("writes"));
        assertEquals(duplicates + 2, fixture.count("duplicate"));
    }

    @Test
    void versionsOfOneEntityOutOfOrderInOnePollLeaveTheNewest() {
        long id = newId();
        double stale = fixture.count("stale");
        consume(List.of(record(id, 2, "two", ceId()), record(id, 3, "three", ceId()), record(id, 1, "one", ceId())));

        assertEquals(3L, fixture.thing(id).get("version"));
        assertEquals("three", fixture.thing(id).get("value"));
        assertEquals(1, fixture.thing(id).get("writes"), "one statement wrote the newest alone");
        assertEquals(stale + 2, fixture.count("stale"));
    }

    @Test
    void anOlderVersionInALaterPollChangesNothing() {
        long id = newId();
        consume(List.of(record(id, 5, "five", ceId())));
        double stale = fixture.count("stale");
        consume(List.of(record(id, 4, "four", ceId())));

        assertEquals("five", fixture.thing(id).get("value"));
        assertEquals(stale + 1, fixture.count("stale"));
    }

    @Test
    void aRecordThatFailsByItselfIsDeadLetteredAloneAndItsNeighboursAreApplied() {
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long id = newId();
            ids.add(id);
            poll.add(record(id, 1, i == 4 ? "poison" : "fine-" + i, ceId()));
        }
        double splits = fixture.metrics.counter("thing.events.batches.split").count();
        failedBefore = fixture.metrics
                .counter("thing.events.failed.attempts", "type", "things/update")
                .count();
        consume(poll);

        for (int i = 0; i < ids.size(); i++) {
            if (i == 4) {
                assertNull(fixture.thing(ids.get(i)), "the poison record changed nothing");
            } else {
                assertEquals("fine-" + i, fixture.thing(ids.get(i)).get("value"));
            }
        }
        assertTrue(
                fixture.metrics.counter("thing.events.batches.split").count() >= splits + 3,
                "halved down to the record that fails");
        Set<String> keys = poll.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> letters = PipelineFixture.deadLetters(keys, Duration.ofSeconds(5));
        assertEquals(1, letters.size(), "only the poison record is dead-lettered");
        assertEquals(poll.get(4).key(), letters.get(0).key());
        assertTrue(
                header(letters.get(0), "dead-letter-reason").contains("check constraint"),
                header(letters.get(0), "dead-letter-reason"));
        assertEquals(
                3,
                fixture.metrics
                                .counter("thing.events.failed.attempts", "type", "things/update")
                                .count()
                        - failedBefore,
                0.0001,
                "alone: one attempt and two retries");
    }

    private static double failedBefore;

    @Test
    void anUnreadableRecordIsDeadLetteredAtOnceAndTheRestApplied() {
        long good = newId();
        long bad = newId();
        ConsumerRecord<String, byte[]> unreadable = record(bad, "{not json".getBytes(StandardCharsets.UTF_8), ceId());
        consume(List.of(unreadable, record(good, 1, "good", ceId())));

        assertEquals("good", fixture.thing(good).get("value"));
        List<ConsumerRecord<String, byte[]>> letters =
                PipelineFixture.deadLetters(Set.of(unreadable.key()), Duration.ofSeconds(5));
        assertEquals(1, letters.size());
        assertTrue(header(letters.get(0), "dead-letter-reason").contains("not valid JSON"));
    }

    @Test
    void aDependencyThatIsAwayIsWaitedOutWithReadinessDownAndNothingDeadLettered() {
        long id = newId();
        things.outagesLeft.set(6);
        ConsumerRecord<String, byte[]> record = record(id, 1, "patient", ceId());
        CompletableFuture<Void> done =
                fixture.pipeline.consume(List.of(record), things).subscribeAsCompletionStage();

        await().atMost(WAIT).until(fixture.health::anyWaiting);
        assertFalse(fixture.health.response().getStatus().name().equals("UP"), "readiness is DOWN while it waits");
        done.join();

        assertEquals("patient", fixture.thing(id).get("value"));
        assertFalse(fixture.health.anyWaiting(), "ready again");
        assertTrue(PipelineFixture.deadLetters(Set.of(record.key()), Duration.ofSeconds(3))
                .isEmpty());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
