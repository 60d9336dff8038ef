package com.lavish.sync.messaging;

import static com.lavish.sync.support.SyncFixture.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.events.sync.SyncResult.SyncOutcome;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.client.AdminOperation;
import com.lavish.sync.support.FakeShopify;
import com.lavish.sync.support.ShopifyFakeAdminResource;
import com.lavish.sync.support.SyncFixture;
import com.lavish.sync.support.SyncTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A command applies once per idempotency key: a second delivery is answered from the ledger, a poll tried again
 * because the ledger failed is answered with what Shopify said the first time, and a selling plan group creation whose
 * outcome was lost is looked up by its merchantCode before it is made again.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class SyncIdempotencyTest extends SyncTestBase {

    /** The statement that records a poll's answers, waiting for a row lock. */
    private static final String RECORDING_WAITS = "wait_event_type = 'Lock' and query like 'update sync.sync_command%'";

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void restoreTheFake() {
        FakeShopify.faults(0, 0, 0);
    }

    @Test
    void aCommandDeliveredTwiceCreatesOneGroup() {
        String product = FakeShopify.product("Twice box " + UUID.randomUUID()).getString("id");
        SyncCommand create = SyncFixture.groupCreation(product);
        long creations = FakeShopify.mutations("sellingPlanGroupCreate");

        fixture.send(create);
        fixture.send(create);
        SyncCommand reissued = SyncFixture.reissue(create);
        fixture.send(reissued);

        SyncResult first = fixture.awaitResult(create);
        SyncResult third = fixture.awaitResult(reissued);
        await().atMost(WAIT)
                .until(() -> fixture.results().stream()
                                .filter(r -> r.commandId().equals(create.commandId()))
                                .count()
                        == 2);
        assertEquals(SyncOutcome.SUCCEEDED, first.outcome(), first.message());
        assertEquals(first.shopifyId(), third.shopifyId());
        assertEquals(first.sellingPlanIds(), third.sellingPlanIds());
        assertEquals(1, FakeShopify.groupsWithCode(create.idempotencyKey()).size());
        assertEquals(creations + 1, FakeShopify.mutations("sellingPlanGroupCreate"));
        assertEquals(1, ((Number) fixture.ledger(create).get("attempts")).intValue());
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundInsteadOfMadeAgain() {
        String product =
                FakeShopify.product("Lost answer box " + UUID.randomUUID()).getString("id");
        SyncCommand create = SyncFixture.groupCreation(product);
        // the fake applies the creation, then answers after the client has given up (3 s in the test profile)
        FakeShopify.faults(8_000, 0, 0);
        fixture.send(create);
        await().atMost(WAIT)
                .until(() -> FakeShopify.groupsWithCode(create.idempotencyKey()).size() == 1);
        FakeShopify.faults(0, 0, 0);

        SyncResult result = fixture.awaitResult(create, Duration.ofSeconds(90));
        assertEquals(SyncOutcome.SUCCEEDED, result.outcome(), result.message());
        List<Map<String, Object>> groups = FakeShopify.groupsWithCode(create.idempotencyKey());
        assertEquals(1, groups.size());
        assertEquals(
                ShopifyGid.of("SellingPlanGroup", result.shopifyId()),
                groups.get(0).get("id"));
        assertEquals(2, result.sellingPlanIds().size());
    }

    @Test
    void aPollTriedAgainBecauseItsAnswerCouldNotBeRecordedDoesNotSendItAgain() throws Exception {
        long contractId = ShopifyGid.numericId(fixture.subscribe().contractGid());
        long pauses = FakeShopify.mutations("subscriptionContractPause");
        double transientFailures =
                metrics.counter("sync.commands.consumed.transient.failures").count();
        // Shopify answers slowly, so the test holds the key's row before the answer is recorded
        FakeShopify.faults(1_500, 0, 0);
        SyncCommand pause = SyncFixture.contractCommand(SyncCommandType.CONTRACT_PAUSE, contractId);
        fixture.send(pause);
        await().atMost(WAIT).until(() -> "SENDING".equals(fixture.ledger(pause).get("state")));

        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            lockRow(holder, ((Number) fixture.ledger(pause).get("id")).longValue());
            // the recording waits for the row; its connection is cut, as a database restart would cut it
            await().atMost(WAIT)
                    .until(() -> !fixture.rows("select pid from pg_stat_activity where " + RECORDING_WAITS)
                            .isEmpty());
            fixture.rows("select pg_terminate_backend(pid) from pg_stat_activity where " + RECORDING_WAITS);
            holder.rollback();
        }

        SyncResult result = fixture.awaitResult(pause);
        assertEquals(SyncOutcome.SUCCEEDED, result.outcome(), result.message());
        assertTrue(
                metrics.counter("sync.commands.consumed.transient.failures").count() > transientFailures,
                "the poll was tried again");
        assertEquals(pauses + 1, FakeShopify.mutations("subscriptionContractPause"));
        assertEquals(1, ((Number) fixture.ledger(pause).get("attempts")).intValue());
        assertEquals("SUCCEEDED", fixture.ledger(pause).get("state"));
    }

    private static void lockRow(Connection holder, long id) throws SQLException {
        try (PreparedStatement lock =
                holder.prepareStatement("select id from sync.sync_command where id = ? for update")) {
            lock.setLong(1, id);
            lock.executeQuery().close();
        }
    }

    @Test
    void aCreationLeftSendingByACrashIsLookedUpBeforeItIsSentAgain() {
        String product = FakeShopify.product("Crash box " + UUID.randomUUID()).getString("id");
        SyncCommand create = SyncFixture.groupCreation(product);
        // a replica handed the creation to Shopify and died before it recorded the answer
        fixture.rows(
                """
                insert into sync.sync_command (shop_domain, idempotency_key, command_id, command_type, command, state,
                    attempts, received_at, first_sent_at, last_sent_at)
                values (?, ?, ?, ?, ?, 'SENDING', 1, now(), now(), now()) returning id""",
                create.shop(),
                create.idempotencyKey(),
                create.commandId(),
                create.type().name(),
                new String(SyncMessages.write(create), java.nio.charset.StandardCharsets.UTF_8));
        String groupGid = FakeShopify.graphql(
                        AdminOperation.SELLING_PLAN_GROUP_CREATE.document(),
                        Map.of(
                                "input",
                                Map.of(
                                        "name",
                                        "Book box subscription",
                                        "merchantCode",
                                        create.idempotencyKey(),
                                        "options",
                                        List.of("Delivery every"),
                                        "sellingPlansToCreate",
                                        List.of(Map.of(
                                                "name",
                                                "Monthly",
                                                "options",
                                                List.of("1 month"),
                                                "category",
                                                "SUBSCRIPTION",
                                                "billingPolicy",
                                                Map.of("recurring", Map.of("interval", "MONTH", "intervalCount", 1)),
                                                "deliveryPolicy",
                                                Map.of(
                                                        "recurring",
                                                        Map.of("interval", "MONTH", "intervalCount", 1)))))))
                .getString("data.sellingPlanGroupCreate.sellingPlanGroup.id");
        assertNotNull(groupGid);
        long creations = FakeShopify.mutations("sellingPlanGroupCreate");

        // Kafka delivers the command again after the restart
        fixture.send(create);
        SyncResult result = fixture.awaitResult(create);
        assertEquals(SyncOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ShopifyGid.numericId(groupGid), result.shopifyId());
        assertEquals(creations, FakeShopify.mutations("sellingPlanGroupCreate"));
        assertEquals(1, FakeShopify.groupsWithCode(create.idempotencyKey()).size());
    }
}
