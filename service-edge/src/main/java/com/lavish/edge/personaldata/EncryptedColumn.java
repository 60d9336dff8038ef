package com.lavish.edge.personaldata;

import java.util.regex.Pattern;

/**
 * A text column whose values are stored encrypted. Its {@link #context()} ({@code table.column}) is part of the
 * associated data of every value in it, so a ciphertext copied into another column, or another table, does not
 * decrypt; a row-bound value ({@link EncryptedTable}) adds its row's key to it.
 */
public record EncryptedColumn(String table, String column) {

    // the names go into SQL (ReencryptionStatements): plain identifiers only
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public EncryptedColumn {
        requireIdentifier(table);
        requireIdentifier(column);
    }

    static String requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }

    public String context() {
        return table + "." + column;
    }
}
