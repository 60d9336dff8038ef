package com.lavish.shopifyfake.admin;

/** A billing attempt of a contract's cycle: the order it made once it succeeded, and whether it is set to settle. */
final class SubscriptionBillingAttempt extends Entity {

    private final long contractId;
    private final int cycleIndex;
    private Long orderId;
    private boolean scheduled;

    SubscriptionBillingAttempt(long id, long contractId, int cycleIndex) {
        super("SubscriptionBillingAttempt", id);
        this.contractId = contractId;
        this.cycleIndex = cycleIndex;
    }

    long contractId() {
        return contractId;
    }

    int cycleIndex() {
        return cycleIndex;
    }

    /** The order a successful attempt made, else null. */
    Long orderId() {
        return orderId;
    }

    void orderId(long orderId) {
        this.orderId = orderId;
    }

    /** Still pending: not yet settled by {@link BillingAttempts#resolve}. */
    boolean pending() {
        return Boolean.FALSE.equals(get("ready"));
    }

    /** Marks the attempt as given to the billing timer; true the first time only, so it settles once. */
    boolean schedule() {
        boolean first = !scheduled;
        scheduled = true;
        return first;
    }
}
