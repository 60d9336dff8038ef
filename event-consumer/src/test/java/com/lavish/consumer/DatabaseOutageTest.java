package com.lavish.consumer;

import static com.lavish.consumer.PipelineFixture.ceId;
import static com.lavish.consumer.PipelineFixture.newId;
import static com.lavish.consumer.PipelineFixture.record;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A database restart, or a database that hangs, mid-stream: it costs a pause, never a record. The polls that meet
 * the outage wait, readiness DOWN, and are applied once the database answers again, each record once, none
 * dead-lettered.
 */
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static PipelineFixture fixture;
    private static ThingProjection things;

    @BeforeAll
    static void start() {
        // a short transaction timeout, so a hung server is given up on (and waited out) within the test
        fixture = new PipelineFixture(Duration.ofSeconds(3));
        things = new ThingProjection();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<ConsumerRecord<String, byte[]>> poll(List<Long> ids, int size) {
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long id = newId();
            ids.add(id);
            poll.add(record(id, 1, "v-" + id, ceId()));
        }
        return poll;
    }

    @Test
    void aDatabaseStoppedFor20SecondsMidStreamCostsAPauseNeverARecord() {
        List<Long> ids = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> before = poll(ids, 50);
        List<ConsumerRecord<String, byte[]>> during = poll(ids, 50);
        List<ConsumerRecord<String, byte[]>> after = poll(ids, 50);
        fixture.pipeline.consume(before, things).await().atMost(OUTAGE);

        fixture.postgres().stop();
        CompletableFuture<Void> waiting =
                fixture.pipeline.consume(during, things).subscribeAsCompletionStage();
        await().atMost(OUTAGE).until(fixture.health::anyWaiting);
        sleep(OUTAGE);
        assertFalse(waiting.isDone(), "the poll waits for the database");
        fixture.postgres().restart();
        waiting.join();
        fixture.pipeline.consume(after, things).await().atMost(OUTAGE);

        assertAppliedOnceAndNoneDeadLettered(ids, List.of(before, during, after));
    }

    @Test
    void aDatabaseThatHangsFor20SecondsIsGivenUpOnAndWaitedOut() {
        List<Long> ids = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> before = poll(ids, 50);
        List<ConsumerRecord<String, byte[]>> during = poll(ids, 50);
        fixture.pipeline.consume(before, things).await().atMost(OUTAGE);

        CompletableFuture<Void> frozen =
                CompletableFuture.runAsync(() -> fixture.postgres().freeze(OUTAGE));
        sleep(Duration.ofMillis(500));
        CompletableFuture<Void> waiting =
                fixture.pipeline.consume(during, things).subscribeAsCompletionStage();
        await().atMost(OUTAGE).until(fixture.health::anyWaiting);
        frozen.join();
        waiting.orTimeout(90, java.util.concurrent.TimeUnit.SECONDS).join();

        assertAppliedOnceAndNoneDeadLettered(ids, List.of(before, during));
    }

    private static void assertAppliedOnceAndNoneDeadLettered(
            List<Long> ids, List<List<ConsumerRecord<String, byte[]>>> polls) {
        for (long id : ids) {
            var thing = fixture.thing(id);
            assertEquals("v-" + id, thing.get("value"));
            assertEquals(1, thing.get("writes"), "applied once");
        }
        assertFalse(fixture.health.anyWaiting(), "ready again");
        Set<String> keys =
                polls.stream().flatMap(List::stream).map(ConsumerRecord::key).collect(Collectors.toSet());
        assertTrue(PipelineFixture.deadLetters(keys, Duration.ofSeconds(3)).isEmpty(), "nothing dead-lettered");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
