package com.lavish.subscriptions.service;

import static com.lavish.subscriptions.service.Polls.NOW;
import static com.lavish.subscriptions.service.Polls.SHOP;
import static com.lavish.subscriptions.service.Polls.delivery;
import static com.lavish.subscriptions.service.Polls.node;
import static com.lavish.subscriptions.service.Polls.stored;
import static com.lavish.subscriptions.service.Polls.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.subscriptions.ContractStatus;
import com.lavish.subscriptions.SubscriptionContract;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events a poll's changes tell, and what an event says of its contract, without a database. */
class ContractEventsTest {

    private static List<SubscriptionEventType> told(ContractChanges changes) {
        return changes.events(NOW).stream().map(ContractEvents.Asked::type).toList();
    }

    private static void apply(ContractChanges changes, ContractSnapshot version) {
        new ContractVersions(changes, NOW).apply(delivery("test", version.id(), version), SHOP, version);
    }

    /** A contract stored whole before the poll: its node was applied. */
    private static void whole(ContractChanges changes, long id, long revision, String status) {
        SubscriptionContract contract = stored(new ContractChanges(), id, revision, status);
        contract.fetchedRevisionId = BigInteger.valueOf(revision);
        changes.loaded(contract);
    }

    @Test
    void aContractIsToldCreatedOnceWholeNeverByItsThinWebhookNorByALaterVersion() {
        ContractChanges thin = new ContractChanges();
        apply(thin, webhook(1, 100L, "active", NOW));
        assertEquals(List.of(), told(thin), "the webhook has no lines: the node that completes it tells");

        ContractChanges completed = new ContractChanges();
        stored(completed, 1, 100, "active");
        apply(completed, node(1, 100, "ACTIVE", NOW, "gid://shopify/SubscriptionLine/a"));
        assertEquals(List.of(SubscriptionEventType.CONTRACT_CREATED), told(completed));

        ContractChanges later = new ContractChanges();
        whole(later, 1, 100, "active");
        apply(later, node(1, 101, "ACTIVE", NOW, "gid://shopify/SubscriptionLine/a"));
        assertEquals(List.of(), told(later));
    }

    @Test
    void aStatusMovedByAVersionIsToldOnceAndTheSameStatusAgainTellsNothing() {
        ContractChanges changes = new ContractChanges();
        whole(changes, 1, 100, "active");
        apply(changes, webhook(1, 101L, "paused", NOW));
        apply(changes, webhook(1, 102L, "paused", NOW));
        assertEquals(List.of(SubscriptionEventType.PAUSED), told(changes));
    }

    @Test
    void onlyPauseResumeAndCancelAreToldAsStatusChanges() {
        assertEquals(
                SubscriptionEventType.PAUSED, ContractEvents.transition(ContractStatus.ACTIVE, ContractStatus.PAUSED));
        assertEquals(
                SubscriptionEventType.RESUMED, ContractEvents.transition(ContractStatus.PAUSED, ContractStatus.ACTIVE));
        assertEquals(
                SubscriptionEventType.CANCELLED,
                ContractEvents.transition(ContractStatus.PAUSED, ContractStatus.CANCELLED));
        assertNull(ContractEvents.transition(ContractStatus.ACTIVE, ContractStatus.EXPIRED));
        assertNull(ContractEvents.transition(ContractStatus.ACTIVE, ContractStatus.ACTIVE));
    }

    @Test
    void aSkipTellsTheBillingDateAfterTheCycleSkippedAndABillingItsBoxTotal() {
        ContractEvents.Stored contract = new ContractEvents.Stored(
                7,
                "active",
                Instant.parse("2026-08-01T00:00:00Z"),
                "MONTH",
                1,
                "AUD",
                List.of(new ContractEvents.StoredLine(
                        "Book box", "Fiction", 2, new BigDecimal("20.50"), "Monthly", "AUD")));
        SubscriptionEvent skipped = ContractEvents.build(
                new ContractEvents.Asked(
                        SubscriptionEventType.SKIPPED, SHOP, 1, NOW, LocalDate.parse("2026-08-01"), null, null),
                contract);
        assertEquals("2026-09-01T00:00:00Z", skipped.contract().nextBillingDate());
        assertEquals("month", skipped.contract().interval());
        assertEquals("Monthly", skipped.contract().planName());

        SubscriptionEvent upcoming = ContractEvents.build(
                new ContractEvents.Asked(
                        SubscriptionEventType.UPCOMING_BILLING,
                        SHOP,
                        1,
                        NOW,
                        LocalDate.parse("2026-08-01"),
                        new SubscriptionEvent.Billing("2026-08-01", null, null, null),
                        null),
                contract);
        assertEquals(0, new BigDecimal("41.00").compareTo(upcoming.billing().amount()));
        assertEquals("AUD", upcoming.billing().currency());
        assertEquals("2026-08-01T00:00:00Z", upcoming.contract().nextBillingDate());
    }
}
