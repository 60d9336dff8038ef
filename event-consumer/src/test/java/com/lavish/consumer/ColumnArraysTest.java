package com.lavish.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColumnArraysTest {

    @Test
    void rowsBecomeOneArrayPerColumnWithNullsKept() {
        ColumnArrays rows = new ColumnArrays();
        rows.row().text("a").bigint(1L);
        rows.row().text(null).bigint(2L);
        var tuple = rows.tuple();
        assertEquals(2, tuple.size());
        assertArrayEquals(new String[] {"a", null}, tuple.getArrayOfStrings(0));
        assertArrayEquals(new Long[] {1L, 2L}, tuple.getArrayOfLongs(1));
    }

    @Test
    void aRowOfAnotherShapeIsRefused() {
        ColumnArrays rows = new ColumnArrays();
        rows.row().text("a").bigint(1L);
        assertThrows(IllegalStateException.class, () -> rows.row().bigint(1L));
        ColumnArrays shorter = new ColumnArrays();
        shorter.row().text("a").bigint(1L);
        shorter.row().text("b");
        assertThrows(IllegalStateException.class, shorter::tuple);
    }
}
