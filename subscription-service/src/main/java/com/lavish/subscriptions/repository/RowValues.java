package com.lavish.subscriptions.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The column values the reactive client answers in the types the entities hold. */
final class RowValues {

    private RowValues() {}

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** A NUMERIC(20, 0), such as Shopify's revision_id (an UnsignedInt64). */
    static BigInteger bigInteger(Row row, String column) {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.toBigIntegerExact();
    }

    static BigDecimal numeric(BigInteger value) {
        return value == null ? null : new BigDecimal(value);
    }

    static int integer(Row row, String column) {
        Integer value = row.getInteger(column);
        return value == null ? 0 : value;
    }
}
