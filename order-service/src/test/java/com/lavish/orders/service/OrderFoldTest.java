package com.lavish.orders.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.events.ShopifyEvent;
import com.lavish.orders.OrderStatusChange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The rules a poll's order events are applied by, without a database. */
class OrderFoldTest {

    private static final String SHOP = "fold-test.myshopify.com";
    private static final long ORDER = 1001L;
    private static final long BUYER = 7L;
    private static final AtomicLong OFFSETS = new AtomicLong();

    private final List<Delivery<OrderChange>> poll = new ArrayList<>();
    private final Map<OrderFold.Key, StoredOrder> stored = new HashMap<>();
    private final Map<OrderFold.Customer, Instant> redacted = new HashMap<>();

    private Delivery<OrderChange> add(OrderChange change) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        ShopifyEvent event = new ShopifyEvent(
                "ce-" + OFFSETS.incrementAndGet(),
                "orders/updated",
                SHOP,
                Instant.now().toString(),
                Long.toString(change.orderId()),
                "2026-07",
                null,
                body);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                "shopify.orders",
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
        Delivery<OrderChange> delivery = new Delivery<>(record, event, change);
        poll.add(delivery);
        return delivery;
    }

    private OrderFold fold() {
        List<OrderFold> folds = OrderFold.fold(poll, new StoredOrders(stored, redacted));
        assertEquals(1, folds.size());
        return folds.get(0);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static OrderSnapshot.Line line(long id, int quantity, Integer currentQuantity) {
        return new OrderSnapshot.Line(
                id,
                null,
                null,
                "Book " + id,
                null,
                null,
                quantity,
                currentQuantity,
                BigDecimal.TEN,
                BigDecimal.ZERO,
                null,
                null,
                null);
    }

    private static OrderSnapshot version(
            String updatedAt,
            String financialStatus,
            String fulfillmentStatus,
            String cancelledAt,
            List<OrderSnapshot.Line> lines,
            List<FulfillmentSnapshot> fulfillments) {
        OrderSnapshot.Address address = new OrderSnapshot.Address(
                "Ada Reader", null, "1 Book St", null, "Hobart", "Tasmania", "TAS", "Australia", "AU", "7000", null);
        return new OrderSnapshot(
                ORDER,
                BUYER,
                1001L,
                "#1001",
                "ada@example.com",
                null,
                "Ada",
                "Reader",
                null,
                "AUD",
                null,
                null,
                null,
                null,
                new BigDecimal("44.90"),
                financialStatus,
                fulfillmentStatus,
                cancelledAt == null ? null : at(cancelledAt),
                null,
                at("2026-07-01T00:00:00Z"),
                null,
                at(updatedAt),
                address,
                address,
                lines,
                fulfillments);
    }

    private static OrderChange.Upsert upsert(String updatedAt, String financialStatus) {
        return new OrderChange.Upsert(
                version(updatedAt, financialStatus, null, null, List.of(line(1, 1, null)), List.of()));
    }

    private static FulfillmentSnapshot shipment(long id, String tracking, String updatedAt) {
        return new FulfillmentSnapshot(
                id,
                ORDER,
                "#1001.1",
                "success",
                null,
                "Australia Post",
                tracking,
                tracking == null ? null : "https://auspost.com.au/track/" + tracking,
                null,
                updatedAt == null ? null : at(updatedAt));
    }

    private void storedOrder(String updatedAt, String deletedAt, Map<Long, FulfillmentSnapshot> fulfillments) {
        stored.put(
                new OrderFold.Key(SHOP, ORDER),
                new StoredOrder(
                        BUYER,
                        1001L,
                        "paid",
                        null,
                        null,
                        updatedAt == null ? null : at(updatedAt),
                        null,
                        deletedAt == null ? null : at(deletedAt),
                        fulfillments));
    }

    private static List<String> changes(OrderFold fold) {
        return fold.statusChanges().stream().map(change -> change.changes).toList();
    }

    @Test
    void versionsOutOfOrderLeaveTheNewestAndEachAppliedOneItsRealChanges() {
        Delivery<OrderChange> created = add(upsert("2026-07-01T10:00:00Z", "pending"));
        Delivery<OrderChange> paid = add(upsert("2026-07-01T12:00:00Z", "paid"));
        Delivery<OrderChange> late = add(upsert("2026-07-01T11:00:00Z", "authorized"));
        Delivery<OrderChange> sameInstant = add(upsert("2026-07-01T22:00:00+10:00", "voided"));
        Delivery<OrderChange> cancelled = add(new OrderChange.Upsert(version(
                "2026-07-01T13:00:00Z", "refunded", "fulfilled", "2026-07-01T13:00:00Z", List.of(), List.of())));
        Delivery<OrderChange> unchanged = add(new OrderChange.Upsert(version(
                "2026-07-01T14:00:00Z", "refunded", "fulfilled", "2026-07-01T13:00:00Z", List.of(), List.of())));

        OrderFold fold = fold();

        assertEquals(at("2026-07-01T14:00:00Z"), fold.version().updatedAt());
        assertEquals(
                List.of("placed", "financial_status", "financial_status,fulfillment_status,cancelled"), changes(fold));
        assertEquals(
                List.of("pending", "paid", "refunded"),
                fold.statusChanges().stream()
                        .map(change -> change.financialStatus)
                        .toList());
        for (Delivery<OrderChange> applied : List.of(created, paid, cancelled, unchanged)) {
            assertEquals(EventOutcome.APPLIED, applied.outcome());
        }
        assertEquals(EventOutcome.STALE, late.outcome());
        assertEquals(EventOutcome.STALE, sameInstant.outcome(), "12:00Z in another offset is not newer");
    }

    @Test
    void aVersionNoNewerThanTheStoredOneIsStaleAndChangesNothing() {
        storedOrder("2026-07-01T12:00:00Z", null, Map.of());
        Delivery<OrderChange> older = add(upsert("2026-07-01T11:00:00Z", "refunded"));
        Delivery<OrderChange> same = add(upsert("2026-07-01T12:00:00Z", "refunded"));

        OrderFold fold = fold();

        assertNull(fold.version());
        assertNull(fold.lines(), "the stored lines stay");
        assertTrue(fold.statusChanges().isEmpty());
        assertEquals(EventOutcome.STALE, older.outcome());
        assertEquals(EventOutcome.STALE, same.outcome());
    }

    @Test
    void aDeleteLeavesATombstoneThatNothingLaterInThePollRevives() {
        Delivery<OrderChange> created = add(upsert("2026-07-01T10:00:00Z", "paid"));
        Delivery<OrderChange> deleted = add(new OrderChange.Delete(ORDER, at("2026-07-02T00:00:00Z")));
        Delivery<OrderChange> lateUpdate = add(upsert("2027-01-01T00:00:00Z", "refunded"));
        Delivery<OrderChange> lateFulfillment = add(new OrderChange.Fulfillment(shipment(5, "T-1", null)));
        Delivery<OrderChange> secondDelete = add(new OrderChange.Delete(ORDER, at("2026-07-03T00:00:00Z")));

        OrderFold fold = fold();

        assertEquals(at("2026-07-02T00:00:00Z"), fold.tombstone());
        assertTrue(fold.deleted());
        assertEquals(at("2026-07-01T10:00:00Z"), fold.version().updatedAt(), "the create was applied in its turn");
        assertNull(fold.version().email(), "a tombstone keeps no personal data");
        assertNull(fold.version().shippingAddress());
        assertEquals(List.of(), fold.lines());
        assertEquals(0, fold.itemCount());
        assertTrue(fold.fulfillments().isEmpty());
        assertEquals(List.of("placed"), changes(fold));
        assertEquals(EventOutcome.APPLIED, created.outcome());
        assertEquals(EventOutcome.APPLIED, deleted.outcome());
        for (Delivery<OrderChange> late : List.of(lateUpdate, lateFulfillment, secondDelete)) {
            assertEquals(EventOutcome.STALE, late.outcome());
        }
    }

    @Test
    void aStoredTombstoneTakesNothingButItsEditsAreStillRecorded() {
        storedOrder("2026-07-01T10:00:00Z", "2026-07-02T00:00:00Z", Map.of());
        Delivery<OrderChange> update = add(upsert("2027-01-01T00:00:00Z", "refunded"));
        Delivery<OrderChange> edit = add(new OrderChange.Edit(ORDER, 91, null, at("2026-07-01T11:00:00Z"), "{}"));

        OrderFold fold = fold();

        assertNull(fold.version());
        assertNull(fold.tombstone(), "deleted before: nothing to write again");
        assertNull(fold.editedAt(), "a tombstone is not edited");
        assertEquals(1, fold.edits().size());
        assertEquals(EventOutcome.STALE, update.outcome());
        assertEquals(EventOutcome.APPLIED, edit.outcome());
    }

    @Test
    void aFulfillmentAheadOfTheCreateIsHeldByAPlaceholderWithoutStatusRowsUntilTheCreateIsPlaced() {
        Delivery<OrderChange> early = add(new OrderChange.Fulfillment(shipment(5, "T-1", "2026-07-01T12:00:00Z")));
        Delivery<OrderChange> moreTracking =
                add(new OrderChange.Fulfillment(shipment(5, "T-2", "2026-07-01T13:00:00Z")));
        Delivery<OrderChange> create = add(upsert("2026-07-01T10:00:00Z", "paid"));
        Delivery<OrderChange> retracked = add(new OrderChange.Fulfillment(shipment(5, "T-3", "2026-07-01T14:00:00Z")));

        OrderFold fold = fold();

        assertTrue(fold.fulfilled(), "the placeholder is synced");
        assertEquals(List.of("placed", "tracking"), changes(fold));
        assertEquals("T-3", fold.statusChanges().get(1).trackingNumber);
        assertEquals(BUYER, fold.statusChanges().get(1).shopifyCustomerId);
        assertEquals(
                List.of("T-3"),
                fold.fulfillments().stream()
                        .map(FulfillmentSnapshot::trackingNumber)
                        .toList());
        for (Delivery<OrderChange> applied : List.of(early, moreTracking, create, retracked)) {
            assertEquals(EventOutcome.APPLIED, applied.outcome());
        }
    }

    @Test
    void aFulfillmentIsVersionedByItsOwnUpdatedAtAndOnlyANewOneOrNewTrackingIsAChange() {
        storedOrder("2026-07-01T10:00:00Z", null, Map.of(5L, shipment(5, "T-1", "2026-07-02T10:00:00Z")));
        Delivery<OrderChange> older = add(new OrderChange.Fulfillment(shipment(5, "T-0", "2026-07-02T09:00:00Z")));
        Delivery<OrderChange> sameTracking =
                add(new OrderChange.Fulfillment(shipment(5, "T-1", "2026-07-02T11:00:00Z")));
        Delivery<OrderChange> another = add(new OrderChange.Fulfillment(shipment(6, "T-9", "2026-07-02T08:00:00Z")));
        Delivery<OrderChange> newTracking =
                add(new OrderChange.Fulfillment(shipment(5, "T-2", "2026-07-02T12:00:00Z")));
        Delivery<OrderChange> undated = add(new OrderChange.Fulfillment(shipment(6, "T-8", null)));

        OrderFold fold = fold();

        assertEquals(EventOutcome.STALE, older.outcome());
        for (Delivery<OrderChange> applied : List.of(sameTracking, another, newTracking, undated)) {
            assertEquals(EventOutcome.APPLIED, applied.outcome());
        }
        assertEquals(List.of("fulfillment", "tracking", "tracking"), changes(fold));
        OrderStatusChange undatedChange = fold.statusChanges().get(2);
        assertEquals(6L, undatedChange.shopifyFulfillmentId);
        assertEquals(at("2026-07-01T10:00:00Z"), undatedChange.occurredAt, "without its own time, the order's");
        assertEquals(
                List.of("T-2", "T-8"),
                fold.fulfillments().stream()
                        .map(FulfillmentSnapshot::trackingNumber)
                        .toList());
        assertNull(fold.version(), "fulfillment events leave the order's version alone");
        assertTrue(fold.fulfilled());
    }

    @Test
    void anEditMovesLastEditedAtOnlyForwardAndIsRecordedOncePerEditId() {
        storedOrder("2026-07-01T10:00:00Z", null, Map.of());
        Delivery<OrderChange> first = add(new OrderChange.Edit(ORDER, 91, null, at("2026-07-03T00:00:00Z"), "{}"));
        Delivery<OrderChange> older = add(new OrderChange.Edit(ORDER, 92, null, at("2026-07-02T00:00:00Z"), "{}"));
        Delivery<OrderChange> again = add(new OrderChange.Edit(ORDER, 91, null, at("2026-07-03T00:00:00Z"), "{}"));

        OrderFold fold = fold();

        assertEquals(at("2026-07-03T00:00:00Z"), fold.editedAt());
        assertEquals(List.of(first, older), List.copyOf(fold.edits()), "an older edit is still recorded");
        assertEquals(EventOutcome.DUPLICATE, again.outcome());
        assertTrue(fold.statusChanges().isEmpty());
    }

    @Test
    void anEditOfAnOrderNotSeenYetIsRecordedWithoutMarkingAnyOrder() {
        add(new OrderChange.Edit(ORDER, 93, null, at("2026-07-03T00:00:00Z"), "{}"));

        OrderFold fold = fold();

        assertNull(fold.editedAt());
        assertEquals(1, fold.edits().size());
        assertNull(fold.version());
    }

    @Test
    void aRedactedBuyersVersionIsWrittenWithoutPersonalDataAndKeepsItsFigures() {
        redacted.put(new OrderFold.Customer(SHOP, BUYER), at("2026-06-01T00:00:00Z"));
        add(upsert("2026-07-01T10:00:00Z", "paid"));

        OrderFold fold = fold();

        assertEquals(at("2026-06-01T00:00:00Z"), fold.redactedAt());
        assertNull(fold.version().email());
        assertNull(fold.version().customerFirstName());
        assertNull(fold.version().shippingAddress());
        assertNull(fold.version().billingAddress());
        assertEquals(new BigDecimal("44.90"), fold.version().totalPrice());
        assertEquals(BUYER, fold.version().customerId());
        assertEquals(1, fold.lines().size());
    }

    @Test
    void linesAreMatchedByIdInTheirFirstPlaceWithTheirLastValuesAndCountedAfterEdits() {
        add(new OrderChange.Upsert(version(
                "2026-07-01T10:00:00Z",
                "paid",
                null,
                null,
                List.of(line(1, 2, 0), line(2, 3, null), line(1, 2, 1), line(3, 1, 1)),
                List.of())));

        OrderFold fold = fold();

        assertEquals(
                List.of(1L, 2L, 3L),
                fold.lines().stream().map(OrderSnapshot.Line::id).toList());
        assertEquals(1, fold.lines().get(0).currentQuantity(), "the last values of line 1");
        assertEquals(5, fold.itemCount(), "current quantities, the quantity where there is none: 1 + 3 + 1");
        assertNotNull(fold.version().email(), "a buyer who never asked keeps their data");
    }
}
