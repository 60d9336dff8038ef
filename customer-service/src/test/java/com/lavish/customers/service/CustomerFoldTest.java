package com.lavish.customers.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.events.ShopifyEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The rules a poll's customer changes are folded by, without a database. */
class CustomerFoldTest {

    private static final String SHOP = "fold-test.myshopify.com";
    private static final AtomicLong OFFSETS = new AtomicLong();

    private final List<Delivery<CustomerChange>> poll = new ArrayList<>();

    private Delivery<CustomerChange> add(CustomerChange change) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        ShopifyEvent event = new ShopifyEvent(
                "ce-" + OFFSETS.incrementAndGet(),
                "customers/update",
                SHOP,
                Instant.now().toString(),
                Long.toString(change.customerId()),
                "2026-07",
                null,
                body);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                "shopify.customers",
                0,
                OFFSETS.get(),
                0L,
                TimestampType.CREATE_TIME,
                -1,
                body.length,
                event.recordKey().toString(),
                body,
                event.toHeaders(),
                Optional.empty());
        Delivery<CustomerChange> delivery = new Delivery<>(record, event, change);
        poll.add(delivery);
        return delivery;
    }

    private static CustomerChange.Upsert snapshot(long id, String updatedAt, String firstName) {
        return new CustomerChange.Upsert(new CustomerSnapshot(
                id,
                null,
                firstName,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse(updatedAt),
                null,
                null,
                null));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void theNewestSnapshotOfThePollWinsWhateverTheOrderAndAnEqualOneKeepsTheFirst() {
        Delivery<CustomerChange> older = add(snapshot(1, "2026-01-02T00:00:00Z", "older"));
        Delivery<CustomerChange> newest = add(snapshot(1, "2026-01-03T00:00:00Z", "newest"));
        Delivery<CustomerChange> late = add(snapshot(1, "2026-01-01T00:00:00Z", "late"));
        Delivery<CustomerChange> same = add(snapshot(1, "2026-01-03T00:00:00Z", "same instant"));

        CustomerFold fold = CustomerFold.fold(poll).get(0);

        assertSame(newest, fold.snapshot());
        assertEquals(EventOutcome.APPLIED, newest.outcome());
        for (Delivery<CustomerChange> lost : List.of(older, late, same)) {
            assertEquals(EventOutcome.STALE, lost.outcome());
        }
    }

    @Test
    void aTombstoneWinsOverEveryOtherChangeOfThePollBeforeOrAfterIt() {
        Delivery<CustomerChange> update = add(snapshot(2, "2026-01-02T00:00:00Z", "before"));
        Delivery<CustomerChange> tags =
                add(new CustomerChange.Tags(2, Set.of("vip"), true, at("2026-01-02T00:00:00Z")));
        Delivery<CustomerChange> erase = add(new CustomerChange.Erase(2, at("2026-01-03T00:00:00Z")));
        Delivery<CustomerChange> lateUpdate = add(snapshot(2, "2026-01-04T00:00:00Z", "after"));
        Delivery<CustomerChange> secondErase = add(new CustomerChange.Erase(2, at("2026-01-05T00:00:00Z")));

        CustomerFold fold = CustomerFold.fold(poll).get(0);

        assertSame(erase, fold.erasure());
        assertNull(fold.snapshot());
        assertEquals(0, fold.tags().size());
        assertEquals(EventOutcome.APPLIED, erase.outcome());
        for (Delivery<CustomerChange> lost : List.of(update, tags, lateUpdate, secondErase)) {
            assertEquals(EventOutcome.STALE, lost.outcome());
        }
    }

    @Test
    void aMergeIsFoldedWithTheCustomerItErasesNotTheOneItKeeps() {
        add(snapshot(3, "2026-01-02T00:00:00Z", "kept"));
        Delivery<CustomerChange> merge = add(new CustomerChange.Merge(3, 4, at("2026-01-03T00:00:00Z")));
        Delivery<CustomerChange> mergedAway = add(snapshot(4, "2026-01-04T00:00:00Z", "merged away"));

        List<CustomerFold> folds = CustomerFold.fold(poll);

        assertEquals(2, folds.size());
        assertEquals(3, folds.get(0).customerId());
        assertEquals("kept", folds.get(0).snapshotValue().firstName());
        assertEquals(4, folds.get(1).customerId());
        assertSame(merge, folds.get(1).erasure());
        assertEquals(EventOutcome.STALE, mergedAway.outcome(), "no event revives the customer merged away");
    }

    @Test
    void eachConsentChannelSummaryAndTagKeepsItsOwnNewestChange() {
        Delivery<CustomerChange> emailNew = add(new CustomerChange.Consent(
                5, CustomerChange.Consent.Channel.EMAIL, "subscribed", null, null, at("2026-01-03T00:00:00Z")));
        Delivery<CustomerChange> emailOld = add(new CustomerChange.Consent(
                5, CustomerChange.Consent.Channel.EMAIL, "unsubscribed", null, null, at("2026-01-02T00:00:00Z")));
        Delivery<CustomerChange> sms = add(new CustomerChange.Consent(
                5, CustomerChange.Consent.Channel.SMS, "subscribed", null, null, at("2026-01-01T00:00:00Z")));
        add(new CustomerChange.Tags(5, Set.of("book-club", "vip"), true, at("2026-01-03T10:00:00Z")));
        add(new CustomerChange.Tags(5, Set.of("book-club"), false, at("2026-01-03T11:00:00Z")));
        add(new CustomerChange.Tags(5, Set.of("book-club", "gift"), true, at("2026-01-03T09:00:00Z")));

        CustomerFold fold = CustomerFold.fold(poll).get(0);

        assertSame(emailNew, fold.emailConsent());
        assertEquals(EventOutcome.STALE, emailOld.outcome());
        assertSame(sms, fold.smsConsent(), "a channel is not ordered against the other");
        assertEquals(false, fold.tags().get("book-club").present(), "removed at 11:00, the 09:00 add is older");
        assertEquals(true, fold.tags().get("vip").present());
        assertEquals(true, fold.tags().get("gift").present());
        assertEquals(3, fold.tagDeliveries().size());
    }
}
