package com.lavish.consumer;

import com.lavish.devstack.Component;
import com.lavish.devstack.DevStack;
import com.lavish.devstack.PostgresServer;
import com.lavish.devstack.SharedDevStack;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.testsupport.Webhooks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The pipeline as a service builds it, without a service: a real PostgreSQL and Kafka from devstack, the reactive
 * pool, the dead-letter writer on the real broker, and records made as webhook-gateway publishes them.
 */
final class PipelineFixture implements AutoCloseable {

    static final String SHOP = "pipeline-test.myshopify.com";
    static final String TOPIC = Topics.CUSTOMERS;
    private static final AtomicLong OFFSETS = new AtomicLong();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    final DevStack stack;
    final Vertx vertx = Vertx.vertx();
    final Pool pool;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final ConsumerHealth health = new ConsumerHealth();
    final RecordProducer producer;
    final EventPipeline pipeline;

    PipelineFixture(Duration transactionTimeout) {
        Map<String, String> config = SharedDevStack.start(Set.of(Component.POSTGRES, Component.KAFKA));
        stack = SharedDevStack.get();
        PgConnectOptions connect = PgConnectOptions.fromUri(config.get("quarkus.datasource.reactive.url"))
                .setUser(config.get("quarkus.datasource.username"))
                .setPassword("");
        pool = Pool.newInstance(PgBuilder.pool()
                .connectingTo(connect)
                .with(new PoolOptions().setMaxSize(4))
                .using(vertx.getDelegate())
                .build());
        pool.query("""
                create schema if not exists pipeline_test;
                create table if not exists pipeline_test.applied_event (
                    event_id varchar primary key, shop_domain varchar not null, event_type varchar not null,
                    shopify_event_id varchar, applied_at timestamp(6) with time zone not null default now());
                create table if not exists pipeline_test.thing (
                    shop_domain varchar not null, id bigint not null, version bigint not null,
                    value varchar not null check (value <> 'poison'), writes integer not null default 1,
                    primary key (shop_domain, id))""").execute().await().indefinitely();
        producer = new RecordProducer(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()));
        EventPipelineConfig pipelineConfig = new EventPipelineConfig() {
            public String schema() {
                return ThingProjection.SCHEMA;
            }

            public Duration transactionTimeout() {
                return transactionTimeout;
            }

            public Duration transientInitialBackoff() {
                return Duration.ofMillis(100);
            }

            public Duration transientMaxBackoff() {
                return Duration.ofMillis(500);
            }
        };
        EventRetryConfig retry = new EventRetryConfig() {
            public int attempts() {
                return 2;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(50);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(100);
            }
        };
        pipeline = new EventPipeline(
                pool,
                pipelineConfig,
                retry,
                metrics,
                new DeadLetterWriter(producer, metrics, new ShutdownWatch()),
                health,
                new ShutdownWatch(),
                RecordTracing.off());
    }

    PostgresServer postgres() {
        return stack.embeddedPostgres().orElseThrow();
    }

    static long newId() {
        return IDS.incrementAndGet();
    }

    /** A record of the thing's event, as webhook-gateway would publish it, at the next offset of partition 0. */
    static ConsumerRecord<String, byte[]> record(long id, long version, String value, String ceId) {
        return record(
                id,
                ("{\"id\": " + id + ", \"version\": " + version + ", \"value\": \"" + value + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                ceId);
    }

    static ConsumerRecord<String, byte[]> record(long id, byte[] value, String ceId) {
        ShopifyEvent event =
                Webhooks.event(ceId, "things/update", SHOP, Instant.now().toString(), id, value);
        Headers headers = event.toHeaders();
        return new ConsumerRecord<>(
                TOPIC,
                0,
                OFFSETS.incrementAndGet(),
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                -1,
                value.length,
                event.recordKey().toString(),
                value,
                headers,
                Optional.empty());
    }

    static String ceId() {
        return UUID.randomUUID().toString();
    }

    /** The stored thing: version, value and how many writes it took; null when there is none. */
    Map<String, Object> thing(long id) {
        var rows = pool.preparedQuery("select version, value, writes from pipeline_test.thing where shop_domain = $1 "
                        + "and id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(SHOP, id))
                .await()
                .indefinitely();
        if (rows.size() == 0) {
            return null;
        }
        var row = rows.iterator().next();
        Map<String, Object> thing = new HashMap<>();
        thing.put("version", row.getLong("version"));
        thing.put("value", row.getString("value"));
        thing.put("writes", row.getInteger("writes"));
        return thing;
    }

    double count(String outcome) {
        return metrics.find("thing.events").tag("outcome", outcome).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    /** The dead letters of the test topic whose record keys are among {@code keys}, read from the real broker. */
    static List<ConsumerRecord<String, byte[]>> deadLetters(Set<String> keys, Duration within) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(TOPIC)));
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    @Override
    public void close() {
        pool.close().await().indefinitely();
        producer.close();
        vertx.close().await().indefinitely();
    }
}
