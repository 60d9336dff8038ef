package com.lavish.edge.json;

import java.math.BigDecimal;

/**
 * Money in the suite's JSON answers: an exact decimal string ("404.95"), never a JSON number a browser would round,
 * the stored NUMERIC without its padding zeros but with at least two decimals ("10.00").
 */
public final class MoneyText {

    private MoneyText() {}

    public static String of(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
    }
}
