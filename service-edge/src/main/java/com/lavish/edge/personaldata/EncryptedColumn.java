package com.lavish.edge.personaldata;

import java.util.regex.Pattern;

/**
 * A text column whose values are stored encrypted. Its {@link #context()} ({@code table.column}) is the associated
 * data of every value in it, so a ciphertext copied into another column, or another table, does not decrypt.
 */
public record EncryptedColumn(String table, String column) {

    // the names go into SQL (ReencryptionStatements): plain identifiers only
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public EncryptedColumn {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + table + "." + column);
        }
    }

    public String context() {
        return table + "." + column;
    }
}
