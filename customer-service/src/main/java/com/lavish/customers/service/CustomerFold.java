package com.lavish.customers.service;

import com.lavish.consumer.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's changes in one poll, folded in offset order by today's rules, so that each kind of change is
 * written once: the newest snapshot (by updated_at), the newest consent of each channel and purchasing summary (each
 * by its own version), each tag's newest change, and a tombstone, which wins over everything else of the poll. What
 * loses here is marked stale at once; what wins is written with a guard against the stored version, which may be
 * newer still. No I/O: the rules are plain Java, tested as such.
 */
public final class CustomerFold {

    /** A tag's newest change in the poll and the delivery it came from. */
    public record TagChange(Delivery<CustomerChange> delivery, boolean present, Instant at) {}

    private final String shop;
    private final long customerId;
    private Delivery<CustomerChange> snapshot;
    private Delivery<CustomerChange> emailConsent;
    private Delivery<CustomerChange> smsConsent;
    private Delivery<CustomerChange> purchasingSummary;
    private final Map<String, TagChange> tags = new LinkedHashMap<>();
    private final List<Delivery<CustomerChange>> tagDeliveries = new ArrayList<>();
    private Delivery<CustomerChange> erasure;

    private CustomerFold(String shop, long customerId) {
        this.shop = shop;
        this.customerId = customerId;
    }

    /** The customer a change is about: the merged-away customer for a merge, else the customer it names. */
    public static long target(CustomerChange change) {
        return change instanceof CustomerChange.Merge merge ? merge.mergedAwayId() : change.customerId();
    }

    /** Folds a poll's new deliveries per (shop, customer), in the order the customers first appear. */
    public static List<CustomerFold> fold(List<Delivery<CustomerChange>> deliveries) {
        Map<String, CustomerFold> folds = new LinkedHashMap<>();
        for (Delivery<CustomerChange> delivery : deliveries) {
            String shop = delivery.event().shopDomain();
            long target = target(delivery.change());
            folds.computeIfAbsent(shop + "/" + target, k -> new CustomerFold(shop, target))
                    .add(delivery);
        }
        return List.copyOf(folds.values());
    }

    private void add(Delivery<CustomerChange> delivery) {
        CustomerChange change = delivery.change();
        if (change instanceof CustomerChange.Erase || change instanceof CustomerChange.Merge) {
            if (erasure != null) {
                delivery.stale();
                return;
            }
            erasure = delivery;
            // a tombstone wins over every other change of the customer, before it in the poll or after
            staleAll(snapshot, emailConsent, smsConsent, purchasingSummary);
            tagDeliveries.forEach(Delivery::stale);
            snapshot = emailConsent = smsConsent = purchasingSummary = null;
            tags.clear();
            tagDeliveries.clear();
            return;
        }
        if (erasure != null) {
            delivery.stale();
            return;
        }
        if (change instanceof CustomerChange.Upsert upsert) {
            snapshot = newer(snapshot, delivery, upsert.snapshot().updatedAt());
        } else if (change instanceof CustomerChange.Consent consent) {
            if (consent.channel() == CustomerChange.Consent.Channel.EMAIL) {
                emailConsent = newer(emailConsent, delivery, consent.version());
            } else {
                smsConsent = newer(smsConsent, delivery, consent.version());
            }
        } else if (change instanceof CustomerChange.PurchasingSummary summary) {
            purchasingSummary = newer(purchasingSummary, delivery, summary.occurredAt());
        } else if (change instanceof CustomerChange.Tags changed) {
            tagDeliveries.add(delivery);
            for (String tag : changed.tags()) {
                TagChange held = tags.get(tag);
                if (held == null || changed.occurredAt().isAfter(held.at())) {
                    tags.put(tag, new TagChange(delivery, changed.present(), changed.occurredAt()));
                }
            }
        }
    }

    /** The newer of the held delivery and the incoming one (an equal version keeps the one held); the other is stale. */
    private static Delivery<CustomerChange> newer(
            Delivery<CustomerChange> held, Delivery<CustomerChange> incoming, Instant incomingVersion) {
        if (held == null || incomingVersion.isAfter(version(held.change()))) {
            if (held != null) {
                held.stale();
            }
            return incoming;
        }
        incoming.stale();
        return held;
    }

    private static Instant version(CustomerChange change) {
        if (change instanceof CustomerChange.Upsert upsert) {
            return upsert.snapshot().updatedAt();
        }
        if (change instanceof CustomerChange.Consent consent) {
            return consent.version();
        }
        return ((CustomerChange.PurchasingSummary) change).occurredAt();
    }

    @SafeVarargs
    private static void staleAll(Delivery<CustomerChange>... deliveries) {
        for (Delivery<CustomerChange> delivery : deliveries) {
            if (delivery != null) {
                delivery.stale();
            }
        }
    }

    public String shop() {
        return shop;
    }

    public long customerId() {
        return customerId;
    }

    /** The newest snapshot of the poll (customers/create|update|enable|disable, reconcile/customers), or null. */
    public Delivery<CustomerChange> snapshot() {
        return snapshot;
    }

    public CustomerSnapshot snapshotValue() {
        return snapshot == null ? null : ((CustomerChange.Upsert) snapshot.change()).snapshot();
    }

    public Delivery<CustomerChange> emailConsent() {
        return emailConsent;
    }

    public Delivery<CustomerChange> smsConsent() {
        return smsConsent;
    }

    public Delivery<CustomerChange> purchasingSummary() {
        return purchasingSummary;
    }

    /** Each tag's newest change from customer.tags_added|removed, by tag. */
    public Map<String, TagChange> tags() {
        return tags;
    }

    /** Every tag event of the customer in the poll: applied unless the customer turns out to be a tombstone. */
    public List<Delivery<CustomerChange>> tagDeliveries() {
        return tagDeliveries;
    }

    /** customers/delete, customers/redact or a merge that erases this customer; null when there is none. */
    public Delivery<CustomerChange> erasure() {
        return erasure;
    }
}
