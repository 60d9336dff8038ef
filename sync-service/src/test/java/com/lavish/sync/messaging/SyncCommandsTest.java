package com.lavish.sync.messaging;

import static com.lavish.sync.support.SyncFixture.command;
import static com.lavish.sync.support.SyncFixture.contractCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.sync.ReconcileType;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommand.BillingCycle;
import com.lavish.events.sync.SyncCommand.ContractEdit;
import com.lavish.events.sync.SyncCommand.DeliveryAddress;
import com.lavish.events.sync.SyncCommand.SellingPlanGroupSpec;
import com.lavish.events.sync.SyncCommand.SellingPlanSpec;
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
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every command type through the real broker, ledger and bucket to the fake's Admin API, and back as a result. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class SyncCommandsTest extends SyncTestBase {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSellingPlanGroupIsCreatedChangedAndDeletedInShopify() {
        JsonPath product = FakeShopify.product("Mystery box " + UUID.randomUUID());
        JsonPath other = FakeShopify.product("Poetry box " + UUID.randomUUID());
        long otherId = ShopifyGid.numericId(other.getString("id"));

        SyncCommand create = SyncFixture.groupCreation(product.getString("id"));
        fixture.send(create);
        SyncResult created = fixture.awaitResult(create);
        assertEquals(SyncOutcome.SUCCEEDED, created.outcome(), created.message());
        long groupId = created.shopifyId();
        assertEquals(2, created.sellingPlanIds().size());
        assertNotNull(created.sellingPlanIds().get("Monthly"));
        assertEquals(create.idempotencyKey(), FakeShopify.group(groupId).get("merchantCode"));

        SellingPlanGroupSpec renamed = new SellingPlanGroupSpec(
                "Book box club",
                null,
                null,
                null,
                List.of(
                        new SellingPlanSpec(
                                created.sellingPlanIds().get("Monthly"),
                                "Monthly",
                                "1 month",
                                "MONTH",
                                1,
                                1,
                                new BigDecimal("15"),
                                1),
                        new SellingPlanSpec(null, "Weekly", "1 week", "WEEK", 1, 1, null, 3)));
        assertSucceeded(command(
                SyncCommandType.SELLING_PLAN_GROUP_UPDATE, null, groupId, null, null, null, renamed, null, null));
        assertEquals("Book box club", FakeShopify.group(groupId).get("name"));

        assertSucceeded(command(
                SyncCommandType.SELLING_PLAN_GROUP_ADD_PRODUCTS,
                null,
                groupId,
                null,
                List.of(otherId),
                null,
                null,
                null,
                null));
        assertTrue(((List<?>) FakeShopify.group(groupId).get("productIds")).contains(other.getString("id")));
        assertSucceeded(command(
                SyncCommandType.SELLING_PLAN_GROUP_REMOVE_PRODUCTS,
                null,
                groupId,
                null,
                List.of(otherId),
                null,
                null,
                null,
                null));
        assertTrue(!((List<?>) FakeShopify.group(groupId).get("productIds")).contains(other.getString("id")));

        assertSucceeded(command(
                SyncCommandType.PRODUCT_JOIN_SELLING_PLAN_GROUPS,
                null,
                null,
                otherId,
                null,
                List.of(groupId),
                null,
                null,
                null));
        assertTrue(((List<?>) FakeShopify.group(groupId).get("productIds")).contains(other.getString("id")));
        assertSucceeded(command(
                SyncCommandType.PRODUCT_LEAVE_SELLING_PLAN_GROUPS,
                null,
                null,
                otherId,
                null,
                List.of(groupId),
                null,
                null,
                null));
        assertTrue(!((List<?>) FakeShopify.group(groupId).get("productIds")).contains(other.getString("id")));

        assertSucceeded(
                command(SyncCommandType.SELLING_PLAN_GROUP_DELETE, null, groupId, null, null, null, null, null, null));
        assertEquals(null, FakeShopify.group(groupId));
        assertEquals(List.of(), FakeShopify.groupsWithCode(create.idempotencyKey()));
    }

    @Test
    void contractCommandsChangeTheContractInShopify() throws Exception {
        SyncFixture.Subscription subscription = subscribe();
        String gid = subscription.contractGid();
        long contractId = ShopifyGid.numericId(gid);

        // the storefront's own pause names the customer as Shopify's actor (the variable is validated by the schema)
        SyncResult paused = assertSucceeded(
                contractCommand(SyncCommandType.CONTRACT_PAUSE, contractId).withActor(SyncCommand.ACTOR_CUSTOMER));
        assertEquals("PAUSED", paused.contractStatus());
        assertEquals("PAUSED", FakeShopify.contract(gid).getString("status"));
        assertEquals(
                "ACTIVE",
                assertSucceeded(contractCommand(SyncCommandType.CONTRACT_ACTIVATE, contractId))
                        .contractStatus());

        assertSucceeded(command(
                SyncCommandType.BILLING_CYCLE_SKIP,
                contractId,
                null,
                null,
                null,
                null,
                null,
                null,
                new BillingCycle(2, null)));
        assertTrue(FakeShopify.contract(gid).getList("skippedCycles").contains(2));
        assertSucceeded(command(
                SyncCommandType.BILLING_CYCLE_UNSKIP,
                contractId,
                null,
                null,
                null,
                null,
                null,
                null,
                new BillingCycle(2, null)));
        assertTrue(!FakeShopify.contract(gid).getList("skippedCycles").contains(2));

        String lineId = FakeShopify.contract(gid).getString("lines[0].id");
        ContractEdit edit = new ContractEdit(
                "month",
                2,
                subscription.everyTwoMonths(),
                lineId,
                3,
                new DeliveryAddress("Ada", "Reader", "1 Library Lane", null, "Melbourne", "VIC", "AU", "3000", null));
        SyncCommand update =
                command(SyncCommandType.CONTRACT_UPDATE, contractId, null, null, null, null, null, edit, null);
        SyncResult updated = assertSucceeded(update);
        assertEquals("ACTIVE", updated.contractStatus());
        JsonPath contract = FakeShopify.contract(gid);
        assertEquals(2, contract.getInt("billingPolicy.intervalCount"));
        assertEquals("MONTH", contract.getString("deliveryPolicy.interval"));
        assertEquals(3, contract.getInt("lines[0].quantity"));
        assertEquals(
                ShopifyGid.of("SellingPlan", subscription.everyTwoMonths()),
                contract.getString("lines[0].sellingPlanId"));
        assertEquals("1 Library Lane", contract.getString("deliveryAddress.address1"));
        // the address was needed only until Shopify had it
        String kept = (String) fixture.ledger(update).get("command");
        assertTrue(kept.contains("\"quantity\":3") && !kept.contains("Library Lane"), kept);

        SyncCommand charge = command(
                SyncCommandType.BILLING_ATTEMPT_CREATE,
                contractId,
                null,
                null,
                null,
                null,
                null,
                null,
                new BillingCycle(1, null));
        SyncResult attempt = assertSucceeded(charge);
        assertNotNull(attempt.shopifyId());
        assertEquals(charge.idempotencyKey(), FakeShopify.contract(gid).getString("billingAttempts[0].idempotencyKey"));

        SyncCommand fetch = contractCommand(SyncCommandType.CONTRACT_FETCH, contractId);
        assertSucceeded(fetch);
        ConsumerRecord<String, byte[]> record = fixture.awaitEvent(
                Topics.SUBSCRIPTIONS,
                e -> e.type().equals(ReconcileType.SUBSCRIPTION_CONTRACTS.eventType())
                        && Long.toString(contractId).equals(e.subject()));
        ShopifyEvent event = SyncFixture.event(record);
        assertEquals(SyncFixture.SHOP + "/" + contractId, record.key());
        JsonNode node = JSON.readTree(event.payload());
        assertEquals("reconcile:" + gid + ":" + node.get("revisionId").asText(), event.id());
        assertEquals(3, node.path("lines").path("nodes").get(0).path("quantity").asInt());
        assertTrue(node.hasNonNull("nextBillingDate"));
        assertEquals(
                "1 Library Lane",
                node.path("deliveryMethod").path("address").path("address1").asText());

        assertEquals(
                "CANCELLED",
                assertSucceeded(contractCommand(SyncCommandType.CONTRACT_CANCEL, contractId))
                        .contractStatus());
    }

    @Test
    void userErrorsAreRejectedWithShopifysMessagesAndNotSentAgain() {
        long missingGroup = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        SyncCommand delete = command(
                SyncCommandType.SELLING_PLAN_GROUP_DELETE, null, missingGroup, null, null, null, null, null, null);
        fixture.send(delete);
        SyncResult rejected = fixture.awaitResult(delete);
        assertEquals(SyncOutcome.REJECTED, rejected.outcome());
        assertEquals(1, rejected.userErrors().size());
        assertEquals("GROUP_DOES_NOT_EXIST", rejected.userErrors().get(0).code());
        assertEquals(rejected.userErrors().get(0).message(), rejected.message());
        assertEquals("REJECTED", fixture.ledger(delete).get("state"));

        long deletes = FakeShopify.mutations("sellingPlanGroupDelete");
        SyncCommand again = SyncFixture.reissue(delete);
        fixture.send(again);
        SyncResult replayed = fixture.awaitResult(again);
        assertEquals(SyncOutcome.REJECTED, replayed.outcome());
        assertEquals("GROUP_DOES_NOT_EXIST", replayed.userErrors().get(0).code());
        assertEquals(deletes, FakeShopify.mutations("sellingPlanGroupDelete"));
    }

    @Test
    void aCommandThatCannotBeReadGoesToTheDeadLetters() {
        String key = SyncFixture.SHOP + "/garbled-" + UUID.randomUUID();
        fixture.sendRaw(
                key, "{\"commandId\": 42, \"type\": \"NOT_A_TYPE\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> letter = fixture.awaitRecord(Topics.deadLetterOf(Topics.SYNC_COMMANDS), key);
        assertTrue(SyncFixture.utf8(
                        letter.headers().lastHeader("dead-letter-reason").value())
                .contains("SyncCommand"));
    }

    SyncResult assertSucceeded(SyncCommand command) {
        return fixture.assertSucceeded(command);
    }

    SyncFixture.Subscription subscribe() {
        return fixture.subscribe();
    }
}
