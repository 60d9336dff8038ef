package com.lavish.shopifyfake.admin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A contract's billing cycles as Shopify shows them (subscriptionBillingCycle, subscriptionBillingCycles) and their
 * skip and unskip. When each cycle falls is {@link BillingSchedule}; whether it was skipped or billed is kept on the
 * contract.
 */
final class BillingCycles {

    /** How far a date selector looks for its cycle. */
    private static final int MAX_INDEX = 10_000;

    private final ShopData shop;
    private final Outbox outbox;
    private final UserErrors errors;

    BillingCycles(ShopData shop, Outbox outbox, UserErrors errors) {
        this.shop = shop;
        this.outbox = outbox;
        this.errors = errors;
    }

    /** Cycle {@code index} of the contract (1 = the first after checkout). */
    Map<String, Object> cycle(SubscriptionContract contract, int index) {
        BillingSchedule schedule = contract.schedule();
        OffsetDateTime expected = schedule.billingDate(index);
        long contractId = contract.id();
        Map<String, Object> cycle = SchemaValues.object(
                "SubscriptionBillingCycle",
                "cycleIndex",
                index,
                "cycleStartAt",
                AdminStore.format(schedule.start(index)),
                "cycleEndAt",
                AdminStore.format(expected),
                "billingAttemptExpectedDate",
                AdminStore.format(expected),
                "skipped",
                contract.skipped().contains(index),
                "edited",
                false,
                "status",
                contract.billed().contains(index) ? "BILLED" : "UNBILLED",
                "sourceContract",
                contract,
                "editedContract",
                null);
        cycle.put("billingAttempts", (Supplier<Object>) () -> shop.attempts.values().stream()
                .filter(a -> a.contractId() == contractId && a.cycleIndex() == index)
                .toList());
        return cycle;
    }

    /** The cycle a selector ({index} or {date}) names, the cycle due next without one, or null when it names none. */
    Integer cycleIndex(SubscriptionContract contract, Map<String, Object> selector) {
        if (selector == null) {
            return contract.dueIndex();
        }
        if (selector.get("index") instanceof Integer index) {
            return index >= 1 ? index : null;
        }
        if (selector.get("date") != null) {
            OffsetDateTime date = SearchQuery.instant(selector.get("date").toString());
            if (date.isBefore(contract.createdAt())) {
                return null;
            }
            BillingSchedule schedule = contract.schedule();
            for (int index = 1; index < MAX_INDEX; index++) {
                if (!date.isAfter(schedule.billingDate(index))) {
                    return index;
                }
            }
        }
        return null;
    }

    /** The cycles in an index range, or those whose billing date falls in a date range (at most 250). */
    List<Map<String, Object>> cycles(
            String contractGid, Map<String, Object> indexRange, Map<String, Object> dateRange) {
        SubscriptionContract contract = shop.find(SubscriptionContract.class, contractGid);
        if (contract == null) {
            return List.of();
        }
        List<Map<String, Object>> cycles = new ArrayList<>();
        if (indexRange != null) {
            int from = Math.max(1, (Integer) indexRange.get("startIndex"));
            int to = (Integer) indexRange.get("endIndex");
            for (int index = from; index <= to && cycles.size() < Connections.MAX_PAGE; index++) {
                cycles.add(cycle(contract, index));
            }
            return cycles;
        }
        OffsetDateTime start = dateRange == null
                ? shop.now()
                : SearchQuery.instant(dateRange.get("startDate").toString());
        OffsetDateTime end = dateRange == null
                ? null
                : SearchQuery.instant(dateRange.get("endDate").toString());
        BillingSchedule schedule = contract.schedule();
        for (int index = 1; cycles.size() < Connections.MAX_PAGE && index < MAX_INDEX; index++) {
            OffsetDateTime expected = schedule.billingDate(index);
            if (end != null && expected.isAfter(end)) {
                break;
            }
            if (!expected.isBefore(start)) {
                cycles.add(cycle(contract, index));
            }
        }
        return cycles;
    }

    /** subscriptionBillingCycle(billingCycleInput). */
    @SuppressWarnings("unchecked")
    Map<String, Object> cycle(Map<String, Object> billingCycleInput) {
        SubscriptionContract contract =
                shop.find(SubscriptionContract.class, (String) billingCycleInput.get("contractId"));
        if (contract == null) {
            return null;
        }
        Integer index = cycleIndex(contract, (Map<String, Object>) billingCycleInput.get("selector"));
        return index == null ? null : cycle(contract, index);
    }

    /** subscriptionBillingCycleSkip ({@code skip}) and Unskip; a billed cycle stays as it is. */
    @SuppressWarnings("unchecked")
    Map<String, Object> skip(Map<String, Object> billingCycleInput, boolean skip) {
        String payloadType = skip ? "SubscriptionBillingCycleSkipPayload" : "SubscriptionBillingCycleUnskipPayload";
        String errorType = skip ? "SubscriptionBillingCycleSkipUserError" : "SubscriptionBillingCycleUnskipUserError";
        SubscriptionContract contract =
                shop.find(SubscriptionContract.class, (String) billingCycleInput.get("contractId"));
        if (contract == null) {
            errors.add(
                    errorType, "INVALID", "Subscription contract does not exist.", "billingCycleInput", "contractId");
            return errors.payload(payloadType, "billingCycle", null);
        }
        Map<String, Object> selector = (Map<String, Object>) billingCycleInput.get("selector");
        if (selector == null || (selector.get("index") == null) == (selector.get("date") == null)) {
            errors.add(
                    errorType,
                    "INVALID",
                    "Select the cycle by exactly one of index or date.",
                    "billingCycleInput",
                    "selector");
            return errors.payload(payloadType, "billingCycle", null);
        }
        Integer index = cycleIndex(contract, selector);
        if (index == null) {
            errors.add(errorType, "INVALID", "The billing cycle is out of range.", "billingCycleInput", "selector");
            return errors.payload(payloadType, "billingCycle", null);
        }
        if (contract.billed().contains(index)) {
            errors.add(
                    errorType,
                    "INVALID",
                    "The billing cycle has already been billed.",
                    "billingCycleInput",
                    "selector");
            return errors.payload(payloadType, "billingCycle", null);
        }
        Set<Integer> skipped = contract.skipped();
        boolean changed = skip ? skipped.add(index) : skipped.remove(index);
        Map<String, Object> cycle = cycle(contract, index);
        if (changed) {
            outbox.add(
                    skip ? "subscription_billing_cycles/skip" : "subscription_billing_cycles/unskip",
                    WebhookPayloads.cycle(cycle, contract.id()));
        }
        return errors.payload(payloadType, "billingCycle", cycle);
    }
}
