package com.lavish.orders.service;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.orders.OrderStatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One order's deliveries of a poll, applied in offset order to the order as stored, by today's rules, in plain Java:
 * what the poll leaves of the order (its newest version, a tombstone, fulfillments, the last edit) is then written
 * once, and each status change a customer would have seen on the way is a row. The result is the same as applying
 * the deliveries one by one, however the records were split into polls:
 * <ul>
 *   <li>a version applies only when its updated_at is after the one held (compared as instants); an equal one is
 *       stale. A version that a later one of the poll supersedes was still applied in its turn, status changes
 *       and all;</li>
 *   <li>orders/delete leaves a tombstone that nothing after it revives, also when it overtook the create;</li>
 *   <li>a fulfillment of an order not seen yet is kept on a placeholder that the create fills in; a placeholder has
 *       no status rows, since nobody is known to show them to until the order itself arrives;</li>
 *   <li>a fulfillment is versioned by its own updated_at: a new one is a "fulfillment" change, new tracking on one a
 *       "tracking" change;</li>
 *   <li>orders/edited is recorded, and sets last_edited_at when it is newer, on an order that is there and not deleted
 *       (its lines arrive with the orders/updated that follows every edit);</li>
 *   <li>a customer who asked to be redacted stays redacted: the version is written without personal data.</li>
 * </ul>
 * What loses is marked stale here; what is left is written with guards against the stored version.
 */
public final class OrderFold {

    /** An order of a shop. */
    public record Key(String shop, long orderId) {}

    /** A customer of a shop. */
    public record Customer(String shop, long customerId) {}

    private final Key key;
    // the order as it stands after each delivery, starting from its stored state
    private boolean exists;
    private Long customerId;
    private Long orderNumber;
    private String financialStatus;
    private String fulfillmentStatus;
    private Instant cancelledAt;
    private Instant updatedAt;
    private Instant lastEditedAt;
    private Instant deletedAt;
    private final Map<Long, FulfillmentSnapshot> fulfillments = new HashMap<>();

    // what the poll changed
    private OrderSnapshot version;
    private Instant tombstone;
    private boolean fulfilled;
    private boolean edited;
    private final Map<Long, FulfillmentSnapshot> changedFulfillments = new LinkedHashMap<>();
    private final Map<Long, Delivery<OrderChange>> edits = new LinkedHashMap<>();
    private final List<OrderStatusChange> statusChanges = new ArrayList<>();
    private Instant redactedAt;

    private OrderFold(Key key, StoredOrder stored) {
        this.key = key;
        if (stored != null) {
            exists = true;
            customerId = stored.customerId();
            orderNumber = stored.orderNumber();
            financialStatus = stored.financialStatus();
            fulfillmentStatus = stored.fulfillmentStatus();
            cancelledAt = stored.cancelledAt();
            updatedAt = stored.updatedAt();
            lastEditedAt = stored.lastEditedAt();
            deletedAt = stored.deletedAt();
            fulfillments.putAll(stored.fulfillments());
        }
    }

    /** The order a delivery is about (fulfillments and edits name theirs). */
    public static Key key(Delivery<OrderChange> delivery) {
        return new Key(delivery.event().shopDomain(), delivery.change().orderId());
    }

    /** The orders a poll's deliveries are about, in the order they first appear. */
    public static Set<Key> orders(List<Delivery<OrderChange>> deliveries) {
        Set<Key> keys = new LinkedHashSet<>();
        deliveries.forEach(delivery -> keys.add(key(delivery)));
        return keys;
    }

    /** The buyers the poll's versions name: whether they were redacted is asked of the store once for all. */
    public static Set<Customer> buyers(List<Delivery<OrderChange>> deliveries) {
        Set<Customer> buyers = new LinkedHashSet<>();
        for (Delivery<OrderChange> delivery : deliveries) {
            if (delivery.change() instanceof OrderChange.Upsert upsert
                    && upsert.snapshot().customerId() != null) {
                buyers.add(new Customer(
                        delivery.event().shopDomain(), upsert.snapshot().customerId()));
            }
        }
        return buyers;
    }

    /** Applies a poll's new deliveries, per order in offset order, to the stored orders; orders as they first come. */
    public static List<OrderFold> fold(List<Delivery<OrderChange>> deliveries, StoredOrders stored) {
        Map<Key, OrderFold> folds = new LinkedHashMap<>();
        for (Delivery<OrderChange> delivery : deliveries) {
            folds.computeIfAbsent(key(delivery), k -> new OrderFold(k, stored.order(k)))
                    .add(delivery);
        }
        for (OrderFold fold : folds.values()) {
            if (fold.version != null && fold.version.customerId() != null) {
                fold.redactedAt = stored.redactedAt(new Customer(fold.key.shop(), fold.version.customerId()));
            }
        }
        return List.copyOf(folds.values());
    }

    private void add(Delivery<OrderChange> delivery) {
        OrderChange change = delivery.change();
        if (change instanceof OrderChange.Edit edit) {
            edit(delivery, edit);
        } else if (deletedAt != null) {
            // Shopify never reuses an order id: whatever comes after the delete is late
            delivery.stale();
        } else if (change instanceof OrderChange.Upsert upsert) {
            upsert(delivery, upsert.snapshot());
        } else if (change instanceof OrderChange.Fulfillment fulfillment) {
            fulfillment(delivery, fulfillment.snapshot());
        } else {
            delete(((OrderChange.Delete) change).deletedAt());
        }
    }

    private void upsert(Delivery<OrderChange> delivery, OrderSnapshot snapshot) {
        if (updatedAt != null && !snapshot.updatedAt().isAfter(updatedAt)) {
            delivery.stale();
            return;
        }
        List<String> what = new ArrayList<>();
        if (updatedAt == null) {
            // the order's first version, also when a placeholder held its fulfillments until now
            what.add("placed");
        } else {
            if (!Objects.equals(financialStatus, snapshot.financialStatus())) {
                what.add("financial_status");
            }
            if (!Objects.equals(fulfillmentStatus, snapshot.fulfillmentStatus())) {
                what.add("fulfillment_status");
            }
            if (cancelledAt == null && snapshot.cancelledAt() != null) {
                what.add("cancelled");
            }
        }
        exists = true;
        customerId = snapshot.customerId();
        orderNumber = snapshot.orderNumber();
        financialStatus = snapshot.financialStatus();
        fulfillmentStatus = snapshot.fulfillmentStatus();
        cancelledAt = snapshot.cancelledAt();
        updatedAt = snapshot.updatedAt();
        version = snapshot;
        if (!what.isEmpty()) {
            statusChanges.add(statusChange(String.join(",", what), snapshot.updatedAt(), null));
        }
        snapshot.fulfillments().forEach(this::merge);
    }

    private void fulfillment(Delivery<OrderChange> delivery, FulfillmentSnapshot snapshot) {
        if (!merge(snapshot)) {
            delivery.stale();
            return;
        }
        // an order not seen yet: a placeholder holds the fulfillment, and the create fills in the rest
        exists = true;
        fulfilled = true;
    }

    private void delete(Instant at) {
        exists = true;
        deletedAt = at;
        tombstone = at;
        // lines and fulfillments go; the figures and statuses of the last version stay on the tombstone
        fulfillments.clear();
        changedFulfillments.clear();
    }

    private void edit(Delivery<OrderChange> delivery, OrderChange.Edit edit) {
        if (edits.putIfAbsent(edit.editId(), delivery) != null) {
            // one order edit delivered twice under two ce_ids: it is recorded once
            delivery.outcome(EventOutcome.DUPLICATE);
            return;
        }
        if (exists
                && deletedAt == null
                && (lastEditedAt == null || edit.committedAt().isAfter(lastEditedAt))) {
            lastEditedAt = edit.committedAt();
            edited = true;
        }
    }

    /**
     * Takes the fulfillment when it is new or newer than the one held (by its own updated_at), noting a new
     * fulfillment or new tracking as a status change.
     *
     * @return false when the one held is as new or newer
     */
    private boolean merge(FulfillmentSnapshot snapshot) {
        FulfillmentSnapshot held = fulfillments.get(snapshot.id());
        if (held != null
                && held.updatedAt() != null
                && snapshot.updatedAt() != null
                && !snapshot.updatedAt().isAfter(held.updatedAt())) {
            return false;
        }
        boolean newTracking = held != null
                && (!Objects.equals(held.trackingNumber(), snapshot.trackingNumber())
                        || !Objects.equals(held.trackingUrl(), snapshot.trackingUrl())
                        || !Objects.equals(held.trackingCompany(), snapshot.trackingCompany()));
        fulfillments.put(snapshot.id(), snapshot);
        changedFulfillments.put(snapshot.id(), snapshot);
        boolean placeholder = updatedAt == null;
        if ((held == null || newTracking) && !placeholder) {
            statusChanges.add(statusChange(
                    held == null ? "fulfillment" : "tracking",
                    snapshot.updatedAt() != null ? snapshot.updatedAt() : updatedAt,
                    snapshot));
        }
        return true;
    }

    /** A status change with the order's statuses as they now stand. */
    private OrderStatusChange statusChange(String changes, Instant occurredAt, FulfillmentSnapshot fulfillment) {
        OrderStatusChange change = new OrderStatusChange();
        change.shopDomain = key.shop();
        change.shopifyCustomerId = customerId;
        change.shopifyOrderId = key.orderId();
        change.orderNumber = orderNumber;
        change.changes = changes;
        change.financialStatus = financialStatus;
        change.fulfillmentStatus = fulfillmentStatus;
        change.cancelledAt = cancelledAt;
        change.occurredAt = occurredAt;
        if (fulfillment != null) {
            change.shopifyFulfillmentId = fulfillment.id();
            change.fulfillmentStatusDetail = fulfillment.status();
            change.trackingCompany = fulfillment.trackingCompany();
            change.trackingNumber = fulfillment.trackingNumber();
            change.trackingUrl = fulfillment.trackingUrl();
        }
        return change;
    }

    public Key key() {
        return key;
    }

    /**
     * The newest version the poll applied, as it is written: without personal data when its buyer asked to be
     * redacted or the order ends the poll as a tombstone; null when no version applied.
     */
    public OrderSnapshot version() {
        return version == null || (redactedAt == null && !deleted()) ? version : version.withoutPersonalData();
    }

    /** When the buyer of {@link #version()} asked to be redacted: the version is then written without personal data. */
    public Instant redactedAt() {
        return redactedAt;
    }

    /** The delete time of a tombstone this poll left (also over a version written before it); null when none. */
    public Instant tombstone() {
        return tombstone;
    }

    /** Whether the order ends the poll as a tombstone (now or before). */
    public boolean deleted() {
        return deletedAt != null;
    }

    /** Whether a fulfillment event applied: the order was synced now, on a placeholder when it had no row. */
    public boolean fulfilled() {
        return fulfilled;
    }

    /** The order's new last_edited_at, or null when no edit of the poll moved it. */
    public Instant editedAt() {
        return edited ? lastEditedAt : null;
    }

    /** The fulfillments the poll added or changed, each in its newest version; none once the order is a tombstone. */
    public Collection<FulfillmentSnapshot> fulfillments() {
        return changedFulfillments.values();
    }

    /** The orders/edited deliveries to record, one per order edit. */
    public Collection<Delivery<OrderChange>> edits() {
        return edits.values();
    }

    /** The status changes a customer would have seen, in the order they happened; their ids come from the insert. */
    public List<OrderStatusChange> statusChanges() {
        return statusChanges;
    }

    /**
     * The lines the order keeps, matched by Shopify line id: null when the poll wrote no version (the stored lines
     * stay), empty for a tombstone. A line id sent twice is one line, in its first place, with its last values.
     */
    public List<OrderSnapshot.Line> lines() {
        if (version == null) {
            return null;
        }
        if (deleted()) {
            return List.of();
        }
        Map<Long, OrderSnapshot.Line> byId = new LinkedHashMap<>();
        version.lines().forEach(line -> byId.put(line.id(), line));
        return List.copyOf(byId.values());
    }

    /** Items ordered, after edits and removals: what the storefront's list shows without reading the lines. */
    public int itemCount() {
        List<OrderSnapshot.Line> lines = lines();
        return lines == null
                ? 0
                : lines.stream()
                        .mapToInt(line -> line.currentQuantity() != null ? line.currentQuantity() : line.quantity())
                        .sum();
    }
}
