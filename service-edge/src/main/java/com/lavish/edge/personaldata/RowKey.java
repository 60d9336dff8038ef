package com.lavish.edge.personaldata;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The row a row-bound value is stored in: its table and the values of the table's key columns, in the order
 * {@link EncryptedTable#keyColumns()} names them. Always a key the row holds itself and the writer knows before the
 * database answers (a set-based write encrypts before any surrogate id exists); never the surrogate id. With the
 * column it makes the associated data, so a value copied into another row does not decrypt there.
 */
public record RowKey(String table, List<String> values) {

    public RowKey {
        EncryptedColumn.requireIdentifier(table);
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(table + ": a row key needs at least one value");
        }
    }

    /**
     * The key from the values of the key columns as Java or the database hands them over: text as it is, whole numbers
     * in decimal, so a {@code bigint} read back from the row gives the key the writer's {@code long} gave.
     */
    static RowKey of(String table, Object... values) {
        List<String> texts = new ArrayList<>(values.length);
        for (Object value : values) {
            texts.add(text(table, value));
        }
        return new RowKey(table, texts);
    }

    private static String text(String table, Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof BigInteger) {
            return value.toString();
        }
        throw new IllegalArgumentException(table + ": a row key value must be text or a whole number, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    /**
     * {@code table.column}, then each key value as {@code |length:value}: the lengths keep it unambiguous whatever the
     * values hold (an Idempotency-Key may hold any visible character).
     */
    byte[] associatedData(EncryptedColumn column) {
        if (!column.table().equals(table)) {
            throw new IllegalArgumentException(column.context() + " is not a column of " + table);
        }
        StringBuilder data = new StringBuilder(column.context());
        for (String value : values) {
            data.append('|').append(value.length()).append(':').append(value);
        }
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
