package com.lavish.subscriptions.service;

import static com.lavish.subscriptions.service.Polls.NOW;
import static com.lavish.subscriptions.service.Polls.pending;
import static com.lavish.subscriptions.service.Polls.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.consumer.EventOutcome;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.SubscriptionContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How sync-service's answers settle the changes asked of Shopify, without a database. */
class PendingActionsTest {

    private final ContractChanges changes = new ContractChanges();
    private final SubscriptionContract contract = stored(changes, 1, 5, "active");

    private static SyncResult answer(
            ContractAction action, SyncResult.SyncOutcome outcome, String status, SyncResult.UserError... errors) {
        return new SyncResult(
                action.commandId,
                action.idempotencyKey,
                action.shopDomain,
                action.type().command(),
                SyncCommands.ORIGIN,
                outcome,
                List.of(errors),
                null,
                action.contractShopifyId,
                null,
                null,
                status,
                NOW.toString());
    }

    @Test
    void aSucceededAnswerConfirmsTheActionWithTheStatusShopifyAnswered() {
        ContractAction pause = pending(changes, contract, ContractActionType.PAUSE);

        assertEquals(
                EventOutcome.APPLIED,
                PendingActions.settle(changes, answer(pause, SyncResult.SyncOutcome.SUCCEEDED, "PAUSED"), NOW));

        assertEquals(ContractAction.CONFIRMED, pause.state);
        assertEquals(NOW, pause.completedAt);
        assertEquals("paused", contract.status);
        assertNull(contract.pendingActionId, "the contract takes changes again");
        assertTrue(changes.changedContracts().contains(contract));
    }

    @Test
    void aRefusalKeepsTheStatusAndShopifysMessage() {
        ContractAction cancel = pending(changes, contract, ContractActionType.CANCEL);

        PendingActions.settle(
                changes,
                answer(
                        cancel,
                        SyncResult.SyncOutcome.REJECTED,
                        null,
                        new SyncResult.UserError(List.of("id"), "Cannot cancel now", "INVALID")),
                NOW);

        assertEquals(ContractAction.REJECTED, cancel.state);
        assertEquals("Cannot cancel now", cancel.message);
        assertEquals("active", contract.status);
        assertNull(contract.pendingActionId);
    }

    @Test
    void anAnswerToASettledActionIsStaleAndToAnUnknownCommandIgnored() {
        ContractAction pause = pending(changes, contract, ContractActionType.PAUSE);
        pause.state = ContractAction.CONFIRMED;

        assertEquals(
                EventOutcome.STALE,
                PendingActions.settle(changes, answer(pause, SyncResult.SyncOutcome.FAILED, null), NOW));
        assertEquals(ContractAction.CONFIRMED, pause.state);
        assertTrue(changes.settledActions().isEmpty());

        ContractAction other = PendingActions.start(
                        contract, ContractActionType.PAUSE, PendingActions.BY_CUSTOMER, "elsewhere", null, null, NOW)
                .action();
        assertEquals(
                EventOutcome.IGNORED,
                PendingActions.settle(changes, answer(other, SyncResult.SyncOutcome.SUCCEEDED, null), NOW));
    }

    @Test
    void aConfirmedResumeStartsBillingAfreshAndAConfirmedSkipSkipsItsCycle() {
        contract.status = "paused";
        contract.failedAttempts = 4;
        contract.nextRetryAt = NOW;
        ContractAction resume = pending(changes, contract, ContractActionType.RESUME);
        PendingActions.settle(changes, answer(resume, SyncResult.SyncOutcome.SUCCEEDED, null), NOW);
        assertEquals("active", contract.status, "the status the action asked for, when the answer names none");
        assertEquals(0, contract.failedAttempts);
        assertNull(contract.nextRetryAt);

        ContractAction skip = pending(changes, contract, ContractActionType.SKIP);
        PendingActions.settle(changes, answer(skip, SyncResult.SyncOutcome.SUCCEEDED, null), NOW);
        assertEquals(
                List.of(new ContractChanges.CycleChange(Polls.SHOP, 1, skip.cycleDate, null, NOW, true)),
                changes.cyclesToInsert());
    }

    @Test
    void aConfirmedUpdateChangesTheFrequencyAddressAndLines() {
        SyncCommand.ContractEdit edit = new SyncCommand.ContractEdit(
                "MONTH",
                3,
                42L,
                "gid://line/1",
                2,
                new SyncCommand.DeliveryAddress(
                        "Ada", null, "1 Collins Street", null, "Melbourne", "VIC", "AU", "3000", null));
        PendingActions.Started update = PendingActions.start(
                contract, ContractActionType.UPDATE, PendingActions.BY_CUSTOMER, "request/1/update", null, edit, NOW);
        update.action().id = 77L;
        contract.pendingActionId = 77L;
        changes.loaded(update.action());

        PendingActions.settle(changes, answer(update.action(), SyncResult.SyncOutcome.SUCCEEDED, "ACTIVE"), NOW);

        assertEquals("month", contract.billingInterval);
        assertEquals(3, contract.billingIntervalCount);
        assertEquals(3, contract.deliveryIntervalCount);
        assertEquals("Melbourne", contract.deliveryCity);
        assertEquals(List.of(new ContractChanges.LineEdit(contract, "gid://line/1", 2, 42L)), changes.lineEdits());
    }

    @Test
    void aWebhookConfirmsWhatDunningStartedEarlierInThePoll() {
        Dunning dunning = new Dunning(Polls.dunning());
        BillingAttempt last = new BillingAttempt();
        last.shopDomain = contract.shopDomain;
        last.contractShopifyId = 1;
        last.attemptNumber = 4;
        last.idempotencyKey = "billing/1/2026-07-01/4";
        contract.billingInFlight = last.idempotencyKey;
        dunning.failed(changes, contract, last, BillingAttempt.FAILED, "declined", null, NOW, NOW);
        ContractAction pause = changes.pendingAction(contract);

        contract.status = "paused";
        PendingActions.confirmByShopify(changes, contract, Instant.parse("2026-07-01T10:05:00Z"));

        assertEquals(ContractAction.CONFIRMED, pause.state);
        assertNull(changes.pendingAction(contract));
        assertTrue(changes.settledActions().isEmpty(), "written once, as it ends up, with the actions started");
        assertEquals(
                List.of(pause),
                changes.startedActions().stream()
                        .map(PendingActions.Started::action)
                        .toList());
    }

    @Test
    void aSkipUnskipAndSkipAgainOfOneCycleLeaveItSkippedByTheLastSkip() {
        LocalDate cycle = LocalDate.parse("2026-08-01");
        changes.skip(Polls.SHOP, 1, cycle, 2, NOW);
        changes.unskip(Polls.SHOP, 1, cycle);
        changes.skip(Polls.SHOP, 1, cycle, 3, NOW.plusSeconds(1));
        changes.skip(Polls.SHOP, 1, cycle, 4, NOW.plusSeconds(2));

        assertEquals(1, changes.cyclesToDelete().size(), "the row the first skip made goes");
        assertEquals(
                List.of(new ContractChanges.CycleChange(Polls.SHOP, 1, cycle, 3, NOW.plusSeconds(1), true)),
                changes.cyclesToInsert(),
                "and the skip after the unskip makes it again; the next finds it there");
    }
}
