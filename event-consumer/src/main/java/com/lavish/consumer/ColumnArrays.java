package com.lavish.consumer;

import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of one set-based statement: rows added one at a time, bound as one array per column, for
 * {@code select ... from unnest($1::text[], $2::bigint[], ...)}. Every row adds its values in the same order and
 * of the same types; a null is a null element. Arrays keep the statement's text the same whatever the batch size,
 * so it is prepared once per connection.
 */
public final class ColumnArrays {

    /** A column's SQL type, as its array is cast in the statement ({@code $1::text[]}). */
    public enum Kind {
        TEXT,
        BIGINT,
        INTEGER,
        BOOLEAN,
        TIMESTAMPTZ,
        NUMERIC,
        DATE
    }

    private final List<Kind> kinds = new ArrayList<>();
    private final List<List<Object>> columns = new ArrayList<>();
    private final Row cursor = new Row();
    private int rows;
    private final boolean declared;

    /** Columns whose types the first row sets. */
    public ColumnArrays() {
        declared = false;
    }

    /** Columns of these types, so that no rows still bind one (empty) array per column. */
    public ColumnArrays(Kind... kinds) {
        declared = true;
        for (Kind kind : kinds) {
            this.kinds.add(kind);
            columns.add(new ArrayList<>());
        }
    }

    /** Starts the next row. */
    public Row row() {
        if (rows > 0 && cursor.column != kinds.size()) {
            throw new IllegalStateException("row " + rows + " has " + cursor.column + " values, not " + kinds.size());
        }
        rows++;
        cursor.column = 0;
        return cursor;
    }

    public int size() {
        return rows;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /** One array per column, in the order the rows added them. */
    public Tuple tuple() {
        return appendTo(Tuple.tuple());
    }

    /** Adds one array per column after the parameters {@code tuple} holds: a statement that reads two sets of rows. */
    public Tuple appendTo(Tuple tuple) {
        if (rows > 0 && cursor.column != kinds.size()) {
            throw new IllegalStateException("the last row has " + cursor.column + " values, not " + kinds.size());
        }
        for (int i = 0; i < kinds.size(); i++) {
            List<Object> values = columns.get(i);
            switch (kinds.get(i)) {
                case TEXT -> tuple.addArrayOfString(values.toArray(new String[0]));
                case BIGINT -> tuple.addArrayOfLong(values.toArray(new Long[0]));
                case INTEGER -> tuple.addArrayOfInteger(values.toArray(new Integer[0]));
                case BOOLEAN -> tuple.addArrayOfBoolean(values.toArray(new Boolean[0]));
                case TIMESTAMPTZ -> tuple.addArrayOfOffsetDateTime(values.toArray(new OffsetDateTime[0]));
                case NUMERIC -> tuple.addArrayOfBigDecimal(values.toArray(new BigDecimal[0]));
                case DATE -> tuple.addArrayOfLocalDate(values.toArray(new LocalDate[0]));
            }
        }
        return tuple;
    }

    /** The values of the row being added, column by column. */
    public final class Row {

        private int column;

        private Row() {}

        public Row text(String value) {
            return add(Kind.TEXT, value);
        }

        public Row bigint(Long value) {
            return add(Kind.BIGINT, value);
        }

        public Row integer(Integer value) {
            return add(Kind.INTEGER, value);
        }

        public Row bool(Boolean value) {
            return add(Kind.BOOLEAN, value);
        }

        public Row timestamptz(Instant value) {
            return add(Kind.TIMESTAMPTZ, value == null ? null : value.atOffset(ZoneOffset.UTC));
        }

        public Row numeric(BigDecimal value) {
            return add(Kind.NUMERIC, value);
        }

        public Row date(LocalDate value) {
            return add(Kind.DATE, value);
        }

        private Row add(Kind kind, Object value) {
            if (!declared && rows == 1 && column == kinds.size()) {
                kinds.add(kind);
                columns.add(new ArrayList<>());
            } else if (column >= kinds.size() || kinds.get(column) != kind) {
                throw new IllegalStateException("column " + (column + 1) + " of row " + rows + " is not "
                        + kind.name().toLowerCase() + " as in the first row");
            }
            columns.get(column++).add(value);
            return this;
        }
    }
}
