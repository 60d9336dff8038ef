package com.lavish.subscriptions.service;

import static com.lavish.subscriptions.service.Polls.NOW;
import static com.lavish.subscriptions.service.Polls.pending;
import static com.lavish.subscriptions.service.Polls.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.SubscriptionContract;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dunning's steps after a failed billing attempt, on the %test profile's paths, without a database. */
class DunningTest {

    private static final LocalDate CYCLE = LocalDate.parse("2026-07-01");

    private final ContractChanges changes = new ContractChanges();
    private final Dunning dunning = new Dunning(Polls.dunning());
    private final SubscriptionContract contract = stored(changes, 1, 5, "active");

    /** The contract's attempt number n, in flight, asked a day before it failed. */
    private BillingAttempt inFlight(int n) {
        BillingAttempt attempt = new BillingAttempt();
        attempt.id = (long) n;
        attempt.shopDomain = contract.shopDomain;
        attempt.contractShopifyId = contract.shopifyId;
        attempt.cycleDate = CYCLE;
        attempt.attemptNumber = n;
        attempt.idempotencyKey = "billing/1/" + CYCLE + "/" + n;
        attempt.state = BillingAttempt.SUBMITTED;
        attempt.requestedAt = NOW.minus(Duration.ofDays(1));
        contract.billingInFlight = attempt.idempotencyKey;
        return attempt;
    }

    /** The one event of the type the poll asked for. */
    private ContractEvents.Asked asked(SubscriptionEventType type) {
        List<ContractEvents.Asked> asked =
                changes.events(NOW).stream().filter(e -> e.type() == type).toList();
        assertEquals(1, asked.size(), type.name());
        return asked.get(0);
    }

    private List<String> steps() {
        return changes.steps().stream().map(s -> s.step + "/" + s.path).toList();
    }

    @Test
    void aPaymentFailureSchedulesARetryTheIntervalAfterTheFailedAttemptWasAsked() {
        BillingAttempt attempt = inFlight(1);

        dunning.failed(changes, contract, attempt, BillingAttempt.FAILED, "insufficient_funds", "declined", NOW, NOW);

        assertEquals(BillingAttempt.FAILED, attempt.state);
        assertEquals("insufficient_funds", attempt.errorCode);
        assertNull(contract.billingInFlight, "the contract can be billed again");
        assertEquals(1, contract.failedAttempts);
        assertEquals(attempt.requestedAt.plus(Duration.ofDays(7)), contract.nextRetryAt);
        assertEquals(List.of("failed/payment", "retry_scheduled/payment"), steps());
        assertEquals("retry 1 of 3", changes.steps().get(1).message);
        assertTrue(changes.startedActions().isEmpty());
    }

    @Test
    void theLastPaymentFailurePausesTheContractAsAnActionOfTheApp() {
        BillingAttempt attempt = inFlight(4);

        dunning.failed(changes, contract, attempt, BillingAttempt.FAILED, "insufficient_funds", "declined", NOW, NOW);

        assertNull(contract.nextRetryAt);
        assertEquals(List.of("failed/payment", "paused/payment"), steps());
        assertEquals(
                "dunning ended after 4 failed attempts: pause requested",
                changes.steps().get(1).message);
        PendingActions.Started pause = changes.startedActions().iterator().next();
        assertEquals(ContractActionType.PAUSE.value(), pause.action().action);
        assertEquals(PendingActions.BY_DUNNING, pause.action().requestedBy);
        assertEquals(SyncCommandType.CONTRACT_PAUSE, pause.command().type());
        assertEquals(SyncCommand.ACTOR_PARTNER, pause.command().actor());
        assertEquals("dunning/1/" + CYCLE + "/pause", pause.command().idempotencyKey());
        assertEquals(
                List.of(SyncCommandType.PAYMENT_METHOD_UPDATE_EMAIL, SyncCommandType.CONTRACT_PAUSE),
                changes.commands().stream().map(SyncCommand::type).toList(),
                "the card's email, then the pause");
        assertEquals(pause.command(), changes.commands().get(1));
        ContractEvents.Asked exhausted = asked(SubscriptionEventType.DUNNING_EXHAUSTED);
        assertEquals(new SubscriptionEvent.Dunning("insufficient_funds", 4, null, "paused"), exhausted.dunning());
        assertTrue(changes.hasPendingChange(contract), "the contract takes no other change meanwhile");
    }

    @Test
    void aFailureIsToldWithItsDunningStepAndACardProblemAsksForShopifysPaymentMethodEmail() {
        dunning.failed(changes, contract, inFlight(1), BillingAttempt.FAILED, "card_declined", "declined", NOW, NOW);

        ContractEvents.Asked failed = asked(SubscriptionEventType.BILLING_FAILED);
        assertEquals(
                new SubscriptionEvent.Dunning("card_declined", 1, contract.nextRetryAt.toString(), null),
                failed.dunning());
        assertEquals(CYCLE.toString(), failed.billing().billingDate());
        SyncCommand email = changes.commands().get(0);
        assertEquals(SyncCommandType.PAYMENT_METHOD_UPDATE_EMAIL, email.type());
        assertEquals("payment-method-email/1/" + CYCLE, email.idempotencyKey());
        assertEquals(SyncCommand.ACTOR_PARTNER, email.actor());
    }

    @Test
    void anInventoryFailureAsksForNoPaymentMethodEmail() {
        dunning.failed(changes, contract, inFlight(1), BillingAttempt.FAILED, "out_of_stock", null, NOW, NOW);

        assertEquals(
                "out_of_stock",
                asked(SubscriptionEventType.BILLING_FAILED).dunning().errorCode());
        assertTrue(changes.commands().isEmpty());
    }

    @Test
    void anInventoryFailureTakesItsOwnPathToACancel() {
        dunning.failed(changes, contract, inFlight(1), BillingAttempt.FAILED, "OUT_OF_STOCK", null, NOW, NOW);
        assertEquals(List.of("failed/inventory", "retry_scheduled/inventory"), steps());
        assertEquals(NOW.minus(Duration.ofDays(1)).plus(Duration.ofDays(1)), contract.nextRetryAt);

        dunning.failed(changes, contract, inFlight(2), BillingAttempt.FAILED, "out_of_stock", null, NOW, NOW);
        assertEquals("cancelled/inventory", steps().get(3));
        assertEquals(SyncCommandType.CONTRACT_CANCEL, changes.commands().get(0).type());
    }

    @Test
    void theEndOfDunningWaitsForAChangeStillPending() {
        ContractAction skip = pending(changes, contract, ContractActionType.SKIP);

        dunning.failed(changes, contract, inFlight(4), BillingAttempt.FAILED, "insufficient_funds", null, NOW, NOW);

        assertEquals("paused/payment", steps().get(1));
        assertEquals(
                "dunning ended after 4 failed attempts; the pause waits for the pending change",
                changes.steps().get(1).message);
        assertTrue(changes.startedActions().isEmpty());
        assertEquals(skip.id, contract.pendingActionId);
    }

    @Test
    void aFailureOfAnAttemptTheScheduleNoLongerWaitsForIsRecordedOnly() {
        BillingAttempt older = inFlight(1);
        inFlight(2);
        Instant retry = contract.nextRetryAt;

        dunning.failed(changes, contract, older, BillingAttempt.CHALLENGED, "challenged", null, NOW, NOW);

        assertEquals(BillingAttempt.CHALLENGED, older.state);
        assertTrue(changes.changedAttempts().contains(older));
        assertEquals(0, contract.failedAttempts);
        assertEquals(retry, contract.nextRetryAt);
        assertTrue(changes.steps().isEmpty());
        assertTrue(!changes.changedContracts().contains(contract));
    }

    @Test
    void aSuccessEndsDunningAndMovesTheNextBillingDateOnOnce() {
        BillingOutcomes billing = new BillingOutcomes(dunning, null);
        contract.nextBillingDate = Instant.parse("2026-07-01T00:00:00Z");
        contract.failedAttempts = 2;
        BillingAttempt attempt = inFlight(3);
        changes.loaded(attempt);

        SubscriptionChange.BillingAttemptReport success = new SubscriptionChange.BillingAttemptReport(
                1, attempt.idempotencyKey, 99L, 1234L, "success", null, null, NOW);
        billing.report(changes, Polls.SHOP, "ce-1", success, NOW);
        billing.report(changes, Polls.SHOP, "ce-2", success, NOW);

        assertEquals(BillingAttempt.SUCCEEDED, attempt.state);
        assertEquals(1234L, attempt.orderId);
        assertEquals(Instant.parse("2026-08-01T00:00:00Z"), contract.nextBillingDate);
        assertEquals(0, contract.failedAttempts);
        assertNull(contract.nextRetryAt);
        DunningStep billed = changes.steps().get(0);
        assertEquals(DunningStep.BILLED, billed.step);
        assertEquals("paid after 2 failed attempts", billed.message);
        assertEquals(1, changes.steps().size(), "the second report of the outcome changes nothing");
    }
}
