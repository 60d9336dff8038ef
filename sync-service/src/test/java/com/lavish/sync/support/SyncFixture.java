package com.lavish.sync.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lavish.devstack.DatabaseRows;
import com.lavish.devstack.SharedDevStack;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommand.SellingPlanGroupSpec;
import com.lavish.events.sync.SyncCommand.SellingPlanSpec;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.events.sync.SyncResult.SyncOutcome;
import com.lavish.sync.ShopifyGid;
import com.lavish.testsupport.AppliedEvents;
import com.lavish.testsupport.EventPublisher;
import com.lavish.testsupport.TestShop;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The sync tests' view of Kafka and the ledger: commands published to sync.commands as subscription-service would
 * publish them, and everything that appears on sync.results and the shopify.* topics from now on, read by a
 * background consumer; rows of the sync schema over JDBC.
 */
public final class SyncFixture implements AutoCloseable {

    public static final String SHOP = TestShop.SHOP;
    public static final Duration WAIT = AppliedEvents.WAIT;
    /** The %test password of the admin realm's admin. */
    public static final String ADMIN_PASSWORD = "test-only-admin-password";

    private final EventPublisher publisher = new EventPublisher();
    private final DataSource database;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    public SyncFixture(DataSource database) {
        this.database = database;
        KafkaConsumer<String, byte[]> consumer = consumer();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(
                Topics.SYNC_RESULTS,
                Topics.SUBSCRIPTIONS,
                Topics.ORDERS,
                Topics.CUSTOMERS,
                Topics.PRODUCTS,
                Topics.deadLetterOf(Topics.SYNC_COMMANDS))) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // the end is looked up lazily: fix it now, before the test publishes anything
        partitions.forEach(consumer::position);
        reader = new Thread(
                () -> {
                    try (consumer) {
                        while (open) {
                            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                        }
                    }
                },
                "sync-fixture-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A command of this test: fresh command id and idempotency key, this test shop. */
    public static SyncCommand command(
            SyncCommandType type,
            Long contractId,
            Long groupId,
            Long productId,
            List<Long> productIds,
            List<Long> groupIds,
            SyncCommand.SellingPlanGroupSpec group,
            SyncCommand.ContractEdit edit,
            SyncCommand.BillingCycle cycle) {
        return new SyncCommand(
                UUID.randomUUID().toString(),
                "test-" + UUID.randomUUID(),
                SHOP,
                type,
                "sync-service-test",
                Instant.now().toString(),
                contractId,
                groupId,
                productId,
                productIds,
                groupIds,
                group,
                edit,
                cycle);
    }

    public static SyncCommand contractCommand(SyncCommandType type, long contractId) {
        return command(type, contractId, null, null, null, null, null, null, null);
    }

    /** The same intent again: a new command id, the same idempotency key. */
    public static SyncCommand reissue(SyncCommand command) {
        return new SyncCommand(
                UUID.randomUUID().toString(),
                command.idempotencyKey(),
                command.shop(),
                command.type(),
                command.origin(),
                Instant.now().toString(),
                command.contractId(),
                command.sellingPlanGroupId(),
                command.productId(),
                command.productIds(),
                command.sellingPlanGroupIds(),
                command.sellingPlanGroup(),
                command.contractEdit(),
                command.billingCycle());
    }

    public void send(SyncCommand command) {
        publisher.publish(
                Topics.SYNC_COMMANDS,
                command.recordKey().toString(),
                SyncMessages.write(command),
                SyncMessages.headers(command));
    }

    /** Any bytes as a sync.commands record, with a command's CloudEvents headers: only the body is wrong. */
    public void sendRaw(String key, byte[] value) {
        publisher.publish(unreadable(null, key, value));
    }

    /**
     * Records that one poll of sync-service takes together: one batch to one partition, which the broker appends
     * whole and a fetch returns whole.
     */
    public void sendInOnePoll(List<ProducerRecord<String, byte[]>> records) {
        EventPublisher.publishInOnePoll(records);
    }

    /** A command's record on partition 0 of sync.commands, as subscription-service writes it. */
    public static ProducerRecord<String, byte[]> onePartition(SyncCommand command) {
        return new ProducerRecord<>(
                Topics.SYNC_COMMANDS,
                0,
                command.recordKey().toString(),
                SyncMessages.write(command),
                SyncMessages.headers(command));
    }

    /** A record of sync.commands (on this partition, or any) whose body is not a command. */
    public static ProducerRecord<String, byte[]> unreadable(Integer partition, String key, byte[] value) {
        return new ProducerRecord<>(
                Topics.SYNC_COMMANDS,
                partition,
                key,
                value,
                SyncMessages.headers(contractCommand(SyncCommandType.CONTRACT_PAUSE, 1)));
    }

    /** Whether these commands' keys were marked SENDING by one statement, so came in one poll. */
    public boolean inOnePoll(SyncCommand... commands) {
        List<Object> marked = Arrays.stream(commands)
                .map(command -> ledger(command).get("last_sent_at"))
                .toList();
        return !marked.contains(null) && marked.stream().distinct().count() == 1;
    }

    /** The first record of a topic with this key, once it is there. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        await().atMost(WAIT).until(() -> seen.stream().anyMatch(r -> r.topic().equals(topic) && key.equals(r.key())));
        return seen.stream()
                .filter(r -> r.topic().equals(topic) && key.equals(r.key()))
                .findFirst()
                .orElseThrow();
    }

    /** The result of a command, once it is on sync.results. */
    public SyncResult awaitResult(SyncCommand command) {
        return awaitResult(command, WAIT);
    }

    public SyncResult awaitResult(SyncCommand command, Duration wait) {
        await().atMost(wait).until(() -> result(command) != null);
        return result(command);
    }

    public SyncResult result(SyncCommand command) {
        return results().stream()
                .filter(r -> r.commandId().equals(command.commandId()))
                .findFirst()
                .orElse(null);
    }

    public List<SyncResult> results() {
        return seen.stream()
                .filter(r -> r.topic().equals(Topics.SYNC_RESULTS))
                .map(r -> SyncMessages.readResult(r.value()))
                .toList();
    }

    /** The first event on a shopify.* topic that matches, once it is there. */
    public ConsumerRecord<String, byte[]> awaitEvent(String topic, Predicate<ShopifyEvent> matches) {
        await().atMost(WAIT).until(() -> event(topic, matches) != null);
        return event(topic, matches);
    }

    public ConsumerRecord<String, byte[]> event(String topic, Predicate<ShopifyEvent> matches) {
        return seen.stream()
                .filter(r -> r.topic().equals(topic))
                .filter(r -> matches.test(ShopifyEvent.fromRecord(r.headers(), r.value())))
                .findFirst()
                .orElse(null);
    }

    public static ShopifyEvent event(ConsumerRecord<String, byte[]> record) {
        return ShopifyEvent.fromRecord(record.headers(), record.value());
    }

    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every row of a query, each by column label, in order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        return DatabaseRows.of(database, sql, parameters);
    }

    /** The ledger row of a command's key. */
    public Map<String, Object> ledger(SyncCommand command) {
        List<Map<String, Object>> found = rows(
                "select * from sync.sync_command where shop_domain = ? " + "and idempotency_key = ?",
                command.shop(),
                command.idempotencyKey());
        return found.isEmpty() ? Map.of() : found.get(0);
    }

    /**
     * A selling plan group creation for a product, two monthly plans; its merchantCode carries its idempotency key,
     * as subscription-service writes it.
     */
    public static SyncCommand groupCreation(String productGid) {
        String key = "group-" + UUID.randomUUID();
        SellingPlanGroupSpec spec = new SellingPlanGroupSpec(
                "Book box subscription",
                key,
                "A book a month",
                List.of("Delivery every"),
                List.of(
                        new SellingPlanSpec(null, "Monthly", "1 month", "MONTH", 1, 1, new BigDecimal("10"), 1),
                        new SellingPlanSpec(null, "Every 2 months", "2 months", "MONTH", 2, 2, null, 2)));
        return new SyncCommand(
                UUID.randomUUID().toString(),
                key,
                SHOP,
                SyncCommandType.SELLING_PLAN_GROUP_CREATE,
                "sync-service-test",
                Instant.now().toString(),
                null,
                null,
                null,
                List.of(ShopifyGid.numericId(productGid)),
                null,
                spec,
                null,
                null);
    }

    /** Sends a command and asserts that Shopify applied it. */
    public SyncResult assertSucceeded(SyncCommand command) {
        send(command);
        SyncResult result = awaitResult(command);
        assertEquals(
                SyncOutcome.SUCCEEDED,
                result.outcome(),
                command.type() + ": " + result.message() + " " + result.userErrors());
        assertEquals("SUCCEEDED", ledger(command).get("state"));
        return result;
    }

    /** A product, a group with its plans (through sync-service) and a checkout that subscribes a new customer. */
    public record Subscription(String contractGid, String orderGid, long monthly, long everyTwoMonths) {}

    public Subscription subscribe() {
        JsonPath product = FakeShopify.product("Subscription box " + UUID.randomUUID());
        SyncCommand create = groupCreation(product.getString("id"));
        SyncResult group = assertSucceeded(create);
        long monthly = group.sellingPlanIds().get("Monthly");
        long everyTwo = group.sellingPlanIds().get("Every 2 months");
        long customer = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000_000L);
        JsonPath checkout = FakeShopify.checkout(
                customer, product.getString("variantIds[0]"), ShopifyGid.of("SellingPlan", monthly));
        return new Subscription(checkout.getString("contractId"), checkout.getString("orderId"), monthly, everyTwo);
    }

    @Override
    public void close() {
        open = false;
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
