package com.lavish.shopifyfake.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subscription contract's state map, read and written through types. The map stays the storage because GraphQL
 * serves its fields and ShopData, ControlViews and WebhookPayloads read its bookkeeping keys ({@code _customerId},
 * {@code _originOrderId}, {@code _orderIds}, {@code _paymentMethodId}, {@code _skipped}, {@code _billed}); this view keeps those keys and
 * their casts in one place. The cycle anchor is read only here, so it is one typed value.
 */
record ContractState(Map<String, Object> map) {

    static final String CUSTOMER_ID = "_customerId";
    static final String ORIGIN_ORDER_ID = "_originOrderId";
    static final String ORDER_IDS = "_orderIds";
    static final String SKIPPED = "_skipped";
    static final String BILLED = "_billed";
    static final String PAYMENT_METHOD_ID = "_paymentMethodId";
    private static final String ANCHOR = "_anchor";

    long id() {
        return ShopData.id(map);
    }

    long customerId() {
        return (Long) map.get(CUSTOMER_ID);
    }

    long paymentMethodId() {
        return (Long) map.get(PAYMENT_METHOD_ID);
    }

    String paymentMethodGid() {
        return Gids.of("CustomerPaymentMethod", paymentMethodId());
    }

    long originOrderId() {
        return (Long) map.get(ORIGIN_ORDER_ID);
    }

    String status() {
        return (String) map.get("status");
    }

    void status(String status) {
        map.put("status", status);
    }

    String revisionId() {
        return (String) map.get("revisionId");
    }

    /** Every change is a new revision; revisions are numbers, compared as numbers. */
    void changed(String now) {
        map.put("revisionId", Long.toString(Long.parseLong(revisionId()) + 1));
        map.put("updatedAt", now);
    }

    /** How the last billing attempt ended: SUCCEEDED (no error type) or FAILED with its error type. */
    void lastPayment(String status, String errorType) {
        map.put("lastPaymentStatus", status);
        map.put("lastBillingAttemptErrorType", errorType);
    }

    OffsetDateTime createdAt() {
        return SearchQuery.instant((String) map.get("createdAt"));
    }

    OffsetDateTime nextBillingDate() {
        return SearchQuery.instant((String) map.get("nextBillingDate"));
    }

    void nextBillingDate(OffsetDateTime next) {
        map.put("nextBillingDate", AdminStore.format(next));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> billingPolicy() {
        return (Map<String, Object>) map.get("billingPolicy");
    }

    /** The cycles as the current billing policy spaces them from the anchor. */
    BillingSchedule schedule() {
        Map<String, Object> billing = billingPolicy();
        return new BillingSchedule((String) billing.get("interval"), (Integer) billing.get("intervalCount"),
                (BillingSchedule.Anchor) map.get(ANCHOR));
    }

    void anchor(int index, OffsetDateTime date) {
        map.put(ANCHOR, new BillingSchedule.Anchor(index, date));
    }

    /** The index of the cycle billed on the contract's next billing date. */
    int dueIndex() {
        return schedule().indexBilledOn(nextBillingDate());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines() {
        return (List<Map<String, Object>>) map.get("lines");
    }

    @SuppressWarnings("unchecked")
    List<Long> orderIds() {
        return (List<Long>) map.get(ORDER_IDS);
    }

    @SuppressWarnings("unchecked")
    Set<Integer> skipped() {
        return (Set<Integer>) map.get(SKIPPED);
    }

    @SuppressWarnings("unchecked")
    Set<Integer> billed() {
        return (Set<Integer>) map.get(BILLED);
    }
}
