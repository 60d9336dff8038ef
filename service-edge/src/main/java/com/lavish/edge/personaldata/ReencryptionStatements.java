package com.lavish.edge.personaldata;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL (Hibernate native SQL, {@code {h-schema}} for the service's schema) that finds and rewrites the rows of one
 * table whose encrypted columns hold a value not in their current form: under an older key, still plaintext, or, in a
 * row-bound table, bound to the column only ({@value PersonalDataCipher#PREFIX}).
 *
 * <p>{@link #selectStale()} takes a batch of such rows after a given id {@code FOR UPDATE SKIP LOCKED}, so replicas that
 * run the job at once take different rows and never wait on each other, and a batch whose rows cannot be rewritten
 * does not hold up the rows after it. It binds {@code :prefix} ({@link #prefix()}), {@code :primaryOutputPrefix}
 * ({@link PersonalDataCipher#primaryOutputPrefixHex()}), {@code :after} (an id) and {@code :batchSize}, and returns the
 * id, the key columns (a row-bound table's) and the encrypted columns, in order. A value's key is read from its first
 * 8 Base64 characters (Tink's output prefix), so no column but the ciphertext itself is needed. {@link #update()} binds
 * {@code :id} and each column by its name.
 *
 * @param keyColumns the key a row-bound table's values are bound to ({@link EncryptedTable}); empty for a table whose
 *        values are bound to their column only ({@link PersonalDataConverter})
 */
public record ReencryptionStatements(String table, List<String> keyColumns, List<EncryptedColumn> columns) {

    public ReencryptionStatements {
        keyColumns = List.copyOf(keyColumns);
        columns = List.copyOf(columns);
        if (columns.isEmpty() || columns.stream().anyMatch(c -> !c.table().equals(table))) {
            throw new IllegalArgumentException("the columns must be of table " + table);
        }
        keyColumns.forEach(EncryptedColumn::requireIdentifier);
    }

    /** A table whose values are bound to their column only. */
    public ReencryptionStatements(String table, List<EncryptedColumn> columns) {
        this(table, List.of(), columns);
    }

    /** A table whose values are bound to their row. */
    public static ReencryptionStatements of(EncryptedTable table) {
        return new ReencryptionStatements(table.table(), table.keyColumns(), table.columns());
    }

    public boolean rowBound() {
        return !keyColumns.isEmpty();
    }

    /** The prefix of a value in its current form. */
    public String prefix() {
        return rowBound() ? PersonalDataCipher.ROW_BOUND_PREFIX : PersonalDataCipher.PREFIX;
    }

    /** The key of a row as {@link #selectStale()} returns it. */
    public RowKey key(Object[] row) {
        return RowKey.of(table, Arrays.copyOfRange(row, 1, 1 + keyColumns.size()));
    }

    /** The stored value of the i-th encrypted column in a row as {@link #selectStale()} returns it. */
    public String value(Object[] row, int column) {
        return (String) row[1 + keyColumns.size() + column];
    }

    public String selectStale() {
        String names = Stream.concat(
                        Stream.of("id"),
                        Stream.concat(keyColumns.stream(), columns.stream().map(EncryptedColumn::column)))
                .collect(Collectors.joining(", "));
        String stale = columns.stream().map(c -> stale(c.column())).collect(Collectors.joining("\n   or "));
        return "select " + names + " from {h-schema}" + table
                + "\n where id > :after and (" + stale + ")"
                + "\n order by id limit :batchSize for update skip locked";
    }

    /**
     * Not null, and either without the current prefix (plaintext, or the other form) or with a head that is not the
     * primary's output prefix. The CASE decodes only a head of 8 Base64 characters, so a malformed value is stale
     * rather than an SQL error that would stop every batch.
     */
    private static String stale(String column) {
        String head = "substr(" + column + ", length(:prefix) + 1, 8)";
        return "(" + column + " is not null and case"
                + " when not starts_with(" + column + ", :prefix) then true"
                + " when length(" + head + ") < 8 or " + head + " ~ '[^A-Za-z0-9+/]' then true"
                + " else encode(substring(decode(" + head + ", 'base64') from 1 for 5), 'hex') <> :primaryOutputPrefix"
                + " end)";
    }

    public String update() {
        String assignments =
                columns.stream().map(c -> c.column() + " = :" + c.column()).collect(Collectors.joining(", "));
        return "update {h-schema}" + table + " set " + assignments + " where id = :id";
    }
}
