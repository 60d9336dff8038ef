package com.lavish.subscriptions.service;

import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.subscriptions.ContractStatus;
import com.lavish.subscriptions.SubscriptionContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The subscription events a change causes (subscription.events): asked for by the rules in the transaction of the
 * change ({@link Asked}), and built once its rows are written, from the contract as they leave it
 * ({@code SubscriptionEventRows} reads it back with its lines), so an event shows what committed with it and exists
 * only if it did. An event carries the contract's status, schedule, plan and box, never the customer's name, email or
 * address. No I/O.
 */
public final class ContractEvents {

    /**
     * An event a rule asked for; its contract part is filled when the change is written.
     *
     * @param cycle the billing cycle it is about: the one skipped, the one coming up; null for the others
     */
    public record Asked(
            SubscriptionEventType type,
            String shop,
            long contractId,
            Instant at,
            LocalDate cycle,
            SubscriptionEvent.Billing billing,
            SubscriptionEvent.Dunning dunning) {

        public static Asked of(SubscriptionEventType type, SubscriptionContract contract, Instant at) {
            return new Asked(type, contract.shopDomain, contract.shopifyId, at, null, null, null);
        }

        /**
         * The key of its occasion in the outbox: a reminder is written once per contract and billing date, however
         * many runs ask for it; any other event is its own occasion.
         */
        public String occasion(String eventId) {
            return type == SubscriptionEventType.UPCOMING_BILLING
                    ? upcomingBilling(contractId, cycle)
                    : "subscription-event/" + eventId;
        }
    }

    /** A contract as stored, with its lines in their order. */
    public record Stored(
            long customerId,
            String status,
            Instant nextBillingDate,
            String interval,
            Integer intervalCount,
            String currency,
            List<StoredLine> lines) {}

    public record StoredLine(
            String title, String variantTitle, int quantity, BigDecimal price, String planName, String currency) {}

    private ContractEvents() {}

    /** The outbox key of the reminder of one contract's billing date. */
    public static String upcomingBilling(long contractId, LocalDate cycle) {
        return "upcoming-billing/" + contractId + "/" + cycle;
    }

    /** The event a status change is: PAUSED, RESUMED or CANCELLED; null for any other (or none). */
    public static SubscriptionEventType transition(ContractStatus from, ContractStatus to) {
        if (from == to || to == null) {
            return null;
        }
        if (to == ContractStatus.CANCELLED) {
            return SubscriptionEventType.CANCELLED;
        }
        if (to == ContractStatus.PAUSED && from == ContractStatus.ACTIVE) {
            return SubscriptionEventType.PAUSED;
        }
        return to == ContractStatus.ACTIVE && from == ContractStatus.PAUSED ? SubscriptionEventType.RESUMED : null;
    }

    /** The event, its contract part from the stored contract. */
    public static SubscriptionEvent build(Asked asked, Stored stored) {
        List<SubscriptionEvent.Line> lines = stored.lines().stream()
                .map(l -> new SubscriptionEvent.Line(l.title(), l.variantTitle(), l.quantity(), l.price()))
                .toList();
        String currency = stored.currency() != null
                ? stored.currency()
                : stored.lines().stream()
                        .map(StoredLine::currency)
                        .filter(c -> c != null)
                        .findFirst()
                        .orElse(null);
        Instant next = stored.nextBillingDate();
        if (asked.type() == SubscriptionEventType.SKIPPED
                && next != null
                && LocalDate.ofInstant(next, ZoneOffset.UTC).equals(asked.cycle())) {
            // the cycle skipped is the one the date names: the billing run passes it over, so the next is the one after
            next = BillingCalendar.after(next, stored.interval(), stored.intervalCount());
        }
        SubscriptionEvent.Contract contract = new SubscriptionEvent.Contract(
                stored.status(),
                next == null ? null : next.toString(),
                stored.lines().stream()
                        .map(StoredLine::planName)
                        .filter(p -> p != null)
                        .findFirst()
                        .orElse(null),
                stored.interval() == null ? null : stored.interval().toLowerCase(Locale.ROOT),
                stored.intervalCount(),
                currency,
                lines);
        SubscriptionEvent.Billing billing = asked.billing();
        if (billing != null && billing.amount() == null) {
            billing = new SubscriptionEvent.Billing(
                    billing.billingDate(),
                    total(stored),
                    billing.currency() != null ? billing.currency() : currency,
                    billing.orderId());
        }
        return new SubscriptionEvent(
                UUID.randomUUID().toString(),
                asked.type(),
                asked.shop(),
                asked.contractId(),
                stored.customerId(),
                asked.at().toString(),
                contract,
                billing,
                asked.dunning());
    }

    /** What a cycle bills: each line's price times its quantity. */
    private static BigDecimal total(Stored stored) {
        BigDecimal total = BigDecimal.ZERO;
        for (StoredLine line : stored.lines()) {
            if (line.price() != null) {
                total = total.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
            }
        }
        return total;
    }
}
