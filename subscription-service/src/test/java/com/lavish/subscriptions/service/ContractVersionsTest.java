package com.lavish.subscriptions.service;

import static com.lavish.subscriptions.service.Polls.NOW;
import static com.lavish.subscriptions.service.Polls.SHOP;
import static com.lavish.subscriptions.service.Polls.delivery;
import static com.lavish.subscriptions.service.Polls.node;
import static com.lavish.subscriptions.service.Polls.pending;
import static com.lavish.subscriptions.service.Polls.stored;
import static com.lavish.subscriptions.service.Polls.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.SubscriptionContract;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The order of contract versions and how a poll's versions fold per contract, without a database. */
class ContractVersionsTest {

    private final ContractChanges changes = new ContractChanges();
    private final ContractVersions versions = new ContractVersions(changes, NOW);

    private Delivery<ContractSnapshot> apply(ContractSnapshot snapshot) {
        Delivery<ContractSnapshot> delivery = delivery("subscription_contracts/update", snapshot.id(), snapshot);
        versions.apply(delivery, SHOP, snapshot);
        return delivery;
    }

    private List<String> fetches() {
        versions.fetchWhole();
        return changes.commands().stream()
                .filter(c -> c.type() == SyncCommandType.CONTRACT_FETCH)
                .map(SyncCommand::idempotencyKey)
                .toList();
    }

    @Test
    void revisionsAreComparedAsNumbersNotAsTextEvenBeyondALong() {
        SubscriptionContract contract = stored(changes, 1, 20, "paused");

        assertFalse(ContractVersions.newer(webhook(1, 9L, "active", NOW), contract), "9 is older than 20");
        assertTrue(ContractVersions.newer(webhook(1, 100L, "active", NOW), contract), "100 is newer than 20");
        contract.revisionId = new BigInteger("18446744073709551614");
        assertFalse(ContractVersions.newer(revision("18446744073709551613"), contract));
        assertTrue(ContractVersions.newer(revision("18446744073709551615"), contract));
    }

    private static ContractSnapshot revision(String revision) {
        return new ContractSnapshot(
                1, null, null, "active", null, new BigInteger(revision), NOW, false, null, null, null, null, null);
    }

    @Test
    void theSameRevisionIsAppliedOnlyAsTheWholeContractThatCompletesAWebhookOfIt() {
        SubscriptionContract contract = stored(changes, 1, 5, "active");

        assertFalse(ContractVersions.newer(webhook(1, 5L, "active", NOW), contract), "a webhook of the same revision");
        assertTrue(ContractVersions.newer(node(1, 5, "ACTIVE", NOW, "gid://line/1"), contract), "its whole contract");
        contract.fetchedRevisionId = BigInteger.valueOf(5);
        assertFalse(
                ContractVersions.newer(node(1, 5, "ACTIVE", NOW, "gid://line/1"), contract),
                "the whole contract once it completed the revision");
    }

    @Test
    void withoutRevisionsTheEventTimeOrdersAndAWholeContractCompletesAWebhookOfTheSameTime() {
        SubscriptionContract contract = stored(changes, 1, 5, "active");
        contract.revisionId = null;
        contract.versionTime = NOW;

        assertFalse(ContractVersions.newer(webhook(1, null, "paused", NOW.minusSeconds(1)), contract));
        assertFalse(ContractVersions.newer(webhook(1, null, "paused", NOW), contract));
        assertTrue(ContractVersions.newer(webhook(1, null, "paused", NOW.plusSeconds(1)), contract));
        ContractSnapshot whole =
                new ContractSnapshot(1, null, null, "ACTIVE", null, null, NOW, true, null, null, null, null, List.of());
        assertTrue(ContractVersions.newer(whole, contract));
    }

    @Tag("security")
    @Test
    void anEventTimeNeverOutranksARevisionFromTheBody() {
        // ce_time is X-Shopify-Triggered-At, which Shopify does not sign
        SubscriptionContract contract = stored(changes, 1, 5, "active");
        contract.versionTime = NOW;

        assertFalse(
                ContractVersions.newer(webhook(1, null, "cancelled", NOW.plus(Duration.ofDays(1))), contract),
                "a later time without a revision");
        contract.revisionId = null;
        contract.versionTime = NOW.plus(Duration.ofDays(1));
        assertTrue(
                ContractVersions.newer(webhook(1, 6L, "paused", NOW), contract),
                "a revision over a version that had none, whatever its time");
    }

    @Test
    void revisionsOutOfOrderInOnePollLeaveTheNewestAndOneFetchForIt() {
        stored(changes, 1, 5, "active");
        Delivery<ContractSnapshot> newest = apply(webhook(1, 30L, "paused", NOW));
        Delivery<ContractSnapshot> late = apply(webhook(1, 10L, "active", NOW));
        Delivery<ContractSnapshot> later = apply(webhook(1, 20L, "cancelled", NOW));
        Delivery<ContractSnapshot> again = apply(webhook(1, 30L, "paused", NOW));

        SubscriptionContract contract = changes.contract(SHOP, 1);
        assertEquals("paused", contract.status);
        assertEquals(BigInteger.valueOf(30), contract.revisionId);
        assertEquals(EventOutcome.APPLIED, newest.outcome());
        assertEquals(EventOutcome.STALE, late.outcome());
        assertEquals(EventOutcome.STALE, later.outcome());
        assertEquals(EventOutcome.STALE, again.outcome(), "the same revision again");
        assertEquals(List.of("contract-fetch/1/30"), fetches());
    }

    @Test
    void revisionsInOrderInOnePollFoldToTheLastWithOneFetch() {
        Delivery<ContractSnapshot> created = apply(webhook(1, 10L, "active", NOW));
        Delivery<ContractSnapshot> paused = apply(webhook(1, 11L, "paused", NOW));

        SubscriptionContract contract = changes.contract(SHOP, 1);
        assertEquals("paused", contract.status);
        assertNull(contract.id, "a contract the poll creates");
        assertTrue(changes.changedContracts().contains(contract));
        assertEquals(EventOutcome.STALE, created.outcome(), "replaced by the pause in the same poll");
        assertEquals(EventOutcome.APPLIED, paused.outcome());
        assertEquals(List.of("contract-fetch/1/11"), fetches(), "an earlier revision's fetch would read the same");
    }

    @Test
    void aWholeContractInThePollCompletesItsWebhookAndAsksNoFetch() {
        stored(changes, 1, 5, "active");
        Delivery<ContractSnapshot> thin = apply(webhook(1, 6L, "active", NOW));
        Delivery<ContractSnapshot> whole = apply(node(1, 6, "ACTIVE", NOW, "gid://line/1"));
        Delivery<ContractSnapshot> nextThin = apply(webhook(1, 7L, "paused", NOW));

        SubscriptionContract contract = changes.contract(SHOP, 1);
        assertEquals(EventOutcome.STALE, thin.outcome());
        assertEquals(EventOutcome.APPLIED, whole.outcome(), "its lines and address stay under the next webhook");
        assertEquals(EventOutcome.APPLIED, nextThin.outcome());
        assertEquals("paused", contract.status);
        assertEquals(BigInteger.valueOf(6), contract.fetchedRevisionId);
        assertEquals(1, contract.lines.size());
        assertTrue(changes.replacesLines(contract));
        assertEquals("Sydney", contract.deliveryCity);
        assertEquals(List.of("contract-fetch/1/7"), fetches());
    }

    @Test
    void aWebhookKeepsTheNextBillingDateTheScheduleOwnsAndTheWholeContractSetsItOnlyOnce() {
        SubscriptionContract contract = stored(changes, 1, 5, "active");
        Instant scheduled = Instant.parse("2026-07-15T00:00:00Z");
        contract.nextBillingDate = scheduled;

        apply(node(1, 6, "ACTIVE", NOW, "gid://line/1"));

        assertEquals(scheduled, contract.nextBillingDate);
    }

    @Test
    void aRedactedCustomersContractTakesNoAddressFromANewerVersion() {
        changes.redacted(SHOP, 7L);
        apply(node(1, 6, "ACTIVE", NOW, "gid://line/1"));

        SubscriptionContract contract = changes.contract(SHOP, 1);
        assertFalse(contract.hasDeliveryAddress());
        assertEquals(1, contract.lines.size(), "the rest of the version is applied");
    }

    @Test
    void aVersionShowingTheStatusAPendingActionAskedForConfirmsIt() {
        SubscriptionContract contract = stored(changes, 1, 5, "active");
        ContractAction pause = pending(changes, contract, ContractActionType.PAUSE);

        apply(webhook(1, 6L, "active", NOW));
        assertTrue(pause.isPending(), "active is not what a pause asks for");
        apply(webhook(1, 7L, "paused", NOW.plus(Duration.ofMinutes(1))));

        assertEquals(ContractAction.CONFIRMED, pause.state);
        assertNull(contract.pendingActionId);
        assertSame(pause, changes.settledActions().iterator().next());
    }
}
