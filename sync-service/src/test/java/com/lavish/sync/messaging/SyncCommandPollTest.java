package com.lavish.sync.messaging;

import static com.lavish.sync.support.SyncFixture.WAIT;
import static com.lavish.sync.support.SyncFixture.contractCommand;
import static com.lavish.sync.support.SyncFixture.onePartition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncResult;
import com.lavish.events.sync.SyncResult.SyncOutcome;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.support.FakeShopify;
import com.lavish.sync.support.ShopifyFakeAdminResource;
import com.lavish.sync.support.SyncFixture;
import com.lavish.sync.support.SyncTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Commands that arrive in one poll: each idempotency key goes to Shopify once, each record key's commands in the order
 * they were issued, and a record that cannot be read leaves its neighbours applied. Each test first checks that its
 * commands did come in one poll (one statement marked their keys SENDING).
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class SyncCommandPollTest extends SyncTestBase {

    @Test
    void theSameCommandDeliveredTwiceInOnePollCallsShopifyOnce() {
        String product =
                FakeShopify.product("One poll box " + UUID.randomUUID()).getString("id");
        SyncCommand create = SyncFixture.groupCreation(product);
        SyncCommand reissued = SyncFixture.reissue(create);
        // another key beside it, answered REJECTED: it shows the poll's keys were marked together
        SyncCommand neighbour = SyncFixture.command(
                SyncCommandType.SELLING_PLAN_GROUP_DELETE,
                null,
                ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L),
                null,
                null,
                null,
                null,
                null,
                null);
        long creations = FakeShopify.mutations("sellingPlanGroupCreate");

        fixture.sendInOnePoll(
                List.of(onePartition(create), onePartition(neighbour), onePartition(create), onePartition(reissued)));

        await().atMost(WAIT)
                .until(() -> resultsOf(create).size() == 2
                        && fixture.result(reissued) != null
                        && fixture.result(neighbour) != null);
        assertTrue(fixture.inOnePoll(create, neighbour), "the commands came in one poll");
        assertEquals(creations + 1, FakeShopify.mutations("sellingPlanGroupCreate"));
        assertEquals(1, FakeShopify.groupsWithCode(create.idempotencyKey()).size());
        assertEquals(1, ((Number) fixture.ledger(create).get("attempts")).intValue());
        List<SyncResult> answers = new ArrayList<>(resultsOf(create));
        answers.add(fixture.result(reissued));
        for (SyncResult answer : answers) {
            assertEquals(SyncOutcome.SUCCEEDED, answer.outcome(), answer.message());
            assertEquals(answers.get(0).shopifyId(), answer.shopifyId());
            assertEquals(answers.get(0).sellingPlanIds(), answer.sellingPlanIds());
        }
        assertEquals(SyncOutcome.REJECTED, fixture.result(neighbour).outcome());
    }

    @Test
    void aPollWithCommandsOfSeveralKeysAppliesEachKeysInOrder() {
        List<String> contracts =
                List.of(fixture.subscribe().contractGid(), fixture.subscribe().contractGid());
        List<Long> revisions = contracts.stream().map(gid -> revision(gid)).toList();
        // pause and activate in turn: only the order they were issued in changes the status five times
        List<SyncCommandType> turns = List.of(
                SyncCommandType.CONTRACT_PAUSE,
                SyncCommandType.CONTRACT_ACTIVATE,
                SyncCommandType.CONTRACT_PAUSE,
                SyncCommandType.CONTRACT_ACTIVATE,
                SyncCommandType.CONTRACT_PAUSE);
        List<SyncCommand> commands = new ArrayList<>();
        for (SyncCommandType turn : turns) {
            for (String contract : contracts) {
                commands.add(contractCommand(turn, ShopifyGid.numericId(contract)));
            }
        }

        fixture.sendInOnePoll(commands.stream().map(SyncFixture::onePartition).toList());

        for (SyncCommand command : commands) {
            SyncResult result = fixture.awaitResult(command);
            assertEquals(SyncOutcome.SUCCEEDED, result.outcome(), result.message());
            assertEquals(
                    command.type() == SyncCommandType.CONTRACT_PAUSE ? "PAUSED" : "ACTIVE",
                    result.contractStatus(),
                    command.type() + " answered the status after it");
        }
        assertTrue(fixture.inOnePoll(commands.toArray(SyncCommand[]::new)), "the commands came in one poll");
        for (int i = 0; i < contracts.size(); i++) {
            assertEquals("PAUSED", FakeShopify.contract(contracts.get(i)).getString("status"));
            assertEquals(
                    revisions.get(i) + turns.size(),
                    revision(contracts.get(i)),
                    "each of the contract's commands changed its status, in turn");
        }
    }

    @Test
    void aCommandThatCannotBeReadIsDeadLetteredAndItsNeighboursApplied() {
        long contractId = ShopifyGid.numericId(fixture.subscribe().contractGid());
        SyncCommand pause = contractCommand(SyncCommandType.CONTRACT_PAUSE, contractId);
        SyncCommand activate = contractCommand(SyncCommandType.CONTRACT_ACTIVATE, contractId);
        String key = pause.recordKey().toString();
        ProducerRecord<String, byte[]> garbled = SyncFixture.unreadable(
                0, key, "{\"commandId\": 42, \"type\": \"NOT_A_TYPE\"}".getBytes(StandardCharsets.UTF_8));

        fixture.sendInOnePoll(List.of(onePartition(pause), garbled, onePartition(activate)));

        ConsumerRecord<String, byte[]> letter = fixture.awaitRecord(Topics.deadLetterOf(Topics.SYNC_COMMANDS), key);
        assertTrue(SyncFixture.utf8(
                        letter.headers().lastHeader("dead-letter-reason").value())
                .contains("SyncCommand"));
        assertEquals(SyncFixture.utf8(garbled.value()), SyncFixture.utf8(letter.value()));
        SyncResult paused = fixture.awaitResult(pause);
        SyncResult activated = fixture.awaitResult(activate);
        assertEquals(SyncOutcome.SUCCEEDED, paused.outcome(), paused.message());
        assertEquals("PAUSED", paused.contractStatus());
        assertEquals(SyncOutcome.SUCCEEDED, activated.outcome(), activated.message());
        assertEquals("ACTIVE", activated.contractStatus());
        assertTrue(fixture.inOnePoll(pause, activate), "the commands came in one poll");
    }

    private List<SyncResult> resultsOf(SyncCommand command) {
        return fixture.results().stream()
                .filter(r -> r.commandId().equals(command.commandId()))
                .toList();
    }

    private static long revision(String contractGid) {
        return Long.parseLong(FakeShopify.contract(contractGid).getString("revisionId"));
    }
}
