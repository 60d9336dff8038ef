package com.lavish.shopifyfake.admin;

/** A customer's vaulted payment method (the card itself is not modelled). */
final class CustomerPaymentMethod extends Entity {

    private final long customerId;

    CustomerPaymentMethod(long id, long customerId) {
        super("CustomerPaymentMethod", id);
        this.customerId = customerId;
    }

    long customerId() {
        return customerId;
    }

    boolean revoked() {
        return get("revokedAt") != null;
    }
}
