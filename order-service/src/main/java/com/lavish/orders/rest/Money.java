package com.lavish.orders.rest;

import java.math.BigDecimal;

/** Money in storefront JSON: an exact decimal string ("404.95"), never a JSON number a browser would round. */
final class Money {

    private Money() {
    }

    /** The stored NUMERIC(20,4) without its padding zeros, but with at least two decimals ("10.00"). */
    static String of(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
    }
}
