package com.lavish.events.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.events.CloudEventHeaders;
import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncMessagesTest {

    private static final long BEYOND_DOUBLE = 9_007_199_254_740_993L;

    @Test
    void commandSurvivesTheWireWithExactIdsAndPlans() {
        SyncCommand command = new SyncCommand(
                "c-1",
                "group-create-1",
                "lavish.myshopify.com",
                SyncCommandType.SELLING_PLAN_GROUP_CREATE,
                "subscription-service",
                "2026-11-26T05:00:00Z",
                null,
                null,
                null,
                List.of(BEYOND_DOUBLE),
                null,
                new SyncCommand.SellingPlanGroupSpec(
                        "Monthly book box",
                        "lavish:group-create-1",
                        null,
                        List.of("Delivery every"),
                        List.of(new SyncCommand.SellingPlanSpec(
                                null, "Monthly, 10% off", "1 month", "MONTH", 1, 1, new BigDecimal("10.0"), 1))),
                null,
                null);

        SyncCommand read = SyncMessages.readCommand(SyncMessages.write(command));

        assertEquals(command, read);
        assertEquals(BEYOND_DOUBLE, read.productIds().get(0));
        assertEquals("lavish.myshopify.com/group-create-1", read.recordKey().toString());
    }

    @Test
    void theActorTravelsAndAnOlderCommandWithoutOneReadsAsNone() {
        SyncCommand pause =
                contractCommand("c-3", SyncCommandType.CONTRACT_PAUSE).withActor(SyncCommand.ACTOR_CUSTOMER);

        assertEquals(
                SyncCommand.ACTOR_CUSTOMER,
                SyncMessages.readCommand(SyncMessages.write(pause)).actor());
        String older = "{\"commandId\":\"c-4\",\"idempotencyKey\":\"k\",\"shop\":\"s\",\"type\":\"CONTRACT_PAUSE\","
                + "\"contractId\":42}";
        assertEquals(
                null,
                SyncMessages.readCommand(older.getBytes(StandardCharsets.UTF_8)).actor());
    }

    @Test
    void commandsAboutOneContractShareARecordKey() {
        SyncCommand pause = contractCommand("c-1", SyncCommandType.CONTRACT_PAUSE);
        SyncCommand skip = contractCommand("c-2", SyncCommandType.BILLING_CYCLE_SKIP);

        assertEquals(pause.recordKey(), skip.recordKey());
    }

    @Test
    void resultReadsBackAndToleratesFieldsANewerProducerAdds() {
        SyncResult result = new SyncResult(
                "c-1",
                "k",
                "lavish.myshopify.com",
                SyncCommandType.CONTRACT_PAUSE,
                "subscription-service",
                SyncResult.SyncOutcome.REJECTED,
                List.of(new SyncResult.UserError(
                        List.of("subscriptionContractId"), "Contract terminated", "CONTRACT_TERMINATED")),
                "Contract terminated",
                42L,
                42L,
                Map.of(),
                "CANCELLED",
                "2026-11-26T05:00:01Z");
        String json = new String(SyncMessages.write(result), StandardCharsets.UTF_8);
        String withExtra = json.replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");

        SyncResult read = SyncMessages.readResult(withExtra.getBytes(StandardCharsets.UTF_8));

        assertEquals(result, read);
    }

    @Test
    void headersCarryTheCommandAsACloudEvent() {
        SyncCommand pause = contractCommand("c-9", SyncCommandType.CONTRACT_PAUSE);

        var headers = SyncMessages.headers(pause);

        assertEquals("c-9", ShopifyEvent.optional(headers, CloudEventHeaders.ID).orElseThrow());
        assertEquals(
                "sync.command/CONTRACT_PAUSE",
                ShopifyEvent.optional(headers, CloudEventHeaders.TYPE).orElseThrow());
        assertEquals(
                "lavish.myshopify.com",
                ShopifyEvent.optional(headers, CloudEventHeaders.SOURCE).orElseThrow());
    }

    @Test
    void aValueThatIsNoCommandIsMalformedWithoutEchoingIt() {
        MalformedEventException e = assertThrows(
                MalformedEventException.class,
                () -> SyncMessages.readCommand(
                        "{\"commandId\":\"x\",\"secret-address\":".getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("secret-address"));
        assertThrows(
                MalformedEventException.class,
                () -> SyncMessages.readCommand("{\"idempotencyKey\":\"k\",\"shop\":\"s\",\"type\":\"CONTRACT_PAUSE\"}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reconcileTypesAreFoundByTheirEventType() {
        assertEquals(
                ReconcileType.SUBSCRIPTION_CONTRACTS,
                ReconcileType.ofEventType("reconcile/subscription_contracts").orElseThrow());
        assertTrue(ReconcileType.ofEventType("orders/create").isEmpty());
    }

    private static SyncCommand contractCommand(String id, SyncCommandType type) {
        return new SyncCommand(
                id,
                id + "-key",
                "lavish.myshopify.com",
                type,
                "subscription-service",
                "2026-11-26T05:00:00Z",
                42L,
                null,
                null,
                null,
                null,
                null,
                null,
                type == SyncCommandType.BILLING_CYCLE_SKIP ? new SyncCommand.BillingCycle(3, null) : null);
    }
}
