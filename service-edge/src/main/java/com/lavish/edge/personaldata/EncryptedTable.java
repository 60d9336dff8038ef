package com.lavish.edge.personaldata;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table whose encrypted values are bound to their row (ADR 0005): the associated data of each is
 * {@code table.column} and the row's {@link RowKey}, the values of {@link #keyColumns()}. A service declares each
 * such table once and takes its columns from it ({@link #column}), and makes it a CDI bean: service-edge's
 * {@link PersonalDataReencryption} rewrites the tables of every such bean, so a column that is encrypted is also
 * re-encrypted. The table needs an {@code id} column (the job's batches go by it).
 *
 * <pre>{@code
 * public static final EncryptedTable CUSTOMER = EncryptedTable.of("customer", List.of("shop_domain", "shopify_id"),
 *         "email", "phone");
 * public static final EncryptedColumn EMAIL = CUSTOMER.column("email");
 * ... cipher.encrypt(email, EMAIL, CUSTOMER.key(shop, shopifyId))
 * }</pre>
 */
public record EncryptedTable(String table, List<String> keyColumns, List<EncryptedColumn> columns) {

    public EncryptedTable {
        EncryptedColumn.requireIdentifier(table);
        keyColumns = List.copyOf(keyColumns);
        columns = List.copyOf(columns);
        keyColumns.forEach(EncryptedColumn::requireIdentifier);
        if (keyColumns.isEmpty() || columns.isEmpty()) {
            throw new IllegalArgumentException(table + ": needs key columns and encrypted columns");
        }
        Set<String> names = new HashSet<>(keyColumns);
        for (EncryptedColumn column : columns) {
            if (!column.table().equals(table) || !names.add(column.column())) {
                throw new IllegalArgumentException(column.context() + ": not a new column of " + table);
            }
        }
    }

    public static EncryptedTable of(String table, List<String> keyColumns, String... columns) {
        return new EncryptedTable(
                table,
                keyColumns,
                Arrays.stream(columns)
                        .map(column -> new EncryptedColumn(table, column))
                        .toList());
    }

    /** One of the table's encrypted columns. */
    public EncryptedColumn column(String name) {
        return columns.stream()
                .filter(c -> c.column().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(table + " has no encrypted column " + name));
    }

    /** The row with these values of {@link #keyColumns()}, in that order. */
    public RowKey key(Object... values) {
        if (values.length != keyColumns.size()) {
            throw new IllegalArgumentException(
                    table + ": the row key is " + keyColumns + ", " + values.length + " values given");
        }
        return RowKey.of(table, values);
    }
}
