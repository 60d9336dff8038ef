package com.lavish.edge.personaldata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL (Hibernate native SQL, {@code {h-schema}} for the service's schema) that finds and rewrites the rows of one
 * table whose encrypted columns hold a value not under the primary key: under an older key, or still plaintext.
 *
 * <p>{@link #selectStale()} takes a batch of such rows {@code FOR UPDATE SKIP LOCKED}, so replicas that run the job
 * at once take different rows and never wait on each other. It binds {@code :prefix} ({@link PersonalDataCipher#PREFIX}),
 * {@code :primaryOutputPrefix} ({@link PersonalDataCipher#primaryOutputPrefixHex()}) and {@code :batchSize}, and
 * returns the id then the columns in order. A value's key is read from its first 8 Base64 characters (Tink's output
 * prefix), so no column but the ciphertext itself is needed. {@link #update()} binds {@code :id} and each column by
 * its name.
 */
public record ReencryptionStatements(String table, List<EncryptedColumn> columns) {

    public ReencryptionStatements {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || columns.stream().anyMatch(c -> !c.table().equals(table))) {
            throw new IllegalArgumentException("the columns must be of table " + table);
        }
    }

    public String selectStale() {
        String names = columns.stream().map(EncryptedColumn::column).collect(Collectors.joining(", "));
        String stale = columns.stream().map(c -> stale(c.column())).collect(Collectors.joining("\n   or "));
        return "select id, " + names + " from {h-schema}" + table
                + "\n where " + stale
                + "\n order by id limit :batchSize for update skip locked";
    }

    /**
     * Not null, and either without our prefix (plaintext) or with a head that is not the primary's output prefix. The
     * CASE decodes only a head of 8 Base64 characters, so a malformed value is stale rather than an SQL error that
     * would stop every batch.
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
        String assignments = columns.stream().map(c -> c.column() + " = :" + c.column()).collect(Collectors.joining(", "));
        return "update {h-schema}" + table + " set " + assignments + " where id = :id";
    }
}
