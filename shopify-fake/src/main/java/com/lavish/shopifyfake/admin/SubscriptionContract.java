package com.lavish.shopifyfake.admin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A subscription contract. Its schema fields are the document GraphQL serves; who it belongs to, the orders it made,
 * its vaulted payment method, the cycles skipped and billed and the anchor its cycles are counted from are the
 * fake's own and typed here.
 */
final class SubscriptionContract extends Entity {

    private final long customerId;
    private final long originOrderId;
    private final long paymentMethodId;
    private final List<Long> orderIds = new ArrayList<>();
    private final Set<Integer> skipped = new TreeSet<>();
    private final Set<Integer> billed = new TreeSet<>();
    private BillingSchedule.Anchor anchor;
    private List<SubscriptionLine> lines;

    SubscriptionContract(
            long id, long customerId, long originOrderId, long paymentMethodId, List<SubscriptionLine> lines) {
        super("SubscriptionContract", id);
        this.customerId = customerId;
        this.originOrderId = originOrderId;
        this.paymentMethodId = paymentMethodId;
        this.orderIds.add(originOrderId);
        this.lines = lines;
        put("lines", (java.util.function.Supplier<Object>) () -> this.lines);
    }

    long customerId() {
        return customerId;
    }

    long paymentMethodId() {
        return paymentMethodId;
    }

    String paymentMethodGid() {
        return Gids.of("CustomerPaymentMethod", paymentMethodId);
    }

    long originOrderId() {
        return originOrderId;
    }

    /** The orders the contract made, its origin order first. */
    List<Long> orderIds() {
        return orderIds;
    }

    Set<Integer> skipped() {
        return skipped;
    }

    Set<Integer> billed() {
        return billed;
    }

    /** The lines, as the schema's {@code lines} field serves them. */
    List<SubscriptionLine> lines() {
        return lines;
    }

    /** A committed draft's lines take the place of the contract's. */
    void lines(List<SubscriptionLine> lines) {
        this.lines = lines;
    }

    String status() {
        return (String) get("status");
    }

    void status(String status) {
        put("status", status);
    }

    String revisionId() {
        return (String) get("revisionId");
    }

    /** Every change is a new revision; revisions are numbers, compared as numbers. */
    void changed(String now) {
        put("revisionId", Long.toString(Long.parseLong(revisionId()) + 1));
        put("updatedAt", now);
    }

    /** How the last billing attempt ended: SUCCEEDED (no error type) or FAILED with its error type. */
    void lastPayment(String status, String errorType) {
        put("lastPaymentStatus", status);
        put("lastBillingAttemptErrorType", errorType);
    }

    OffsetDateTime createdAt() {
        return SearchQuery.instant((String) get("createdAt"));
    }

    OffsetDateTime nextBillingDate() {
        return SearchQuery.instant((String) get("nextBillingDate"));
    }

    void nextBillingDate(OffsetDateTime next) {
        put("nextBillingDate", AdminStore.format(next));
    }

    /** The billing policy, a document shaped like the schema's SubscriptionBillingPolicy. */
    @SuppressWarnings("unchecked")
    Map<String, Object> billingPolicy() {
        return (Map<String, Object>) get("billingPolicy");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> deliveryPolicy() {
        return (Map<String, Object>) get("deliveryPolicy");
    }

    /** Where the contract ships (its shipping delivery method's address), or null. */
    MailingAddress deliveryAddress() {
        return get("deliveryMethod") instanceof Map<?, ?> method && method.get("address") instanceof MailingAddress a
                ? a
                : null;
    }

    /** The cycles as the current billing policy spaces them from the anchor. */
    BillingSchedule schedule() {
        Map<String, Object> billing = billingPolicy();
        return new BillingSchedule((String) billing.get("interval"), (Integer) billing.get("intervalCount"), anchor);
    }

    void anchor(int index, OffsetDateTime date) {
        anchor = new BillingSchedule.Anchor(index, date);
    }

    /** The index of the cycle billed on the contract's next billing date. */
    int dueIndex() {
        return schedule().indexBilledOn(nextBillingDate());
    }
}
