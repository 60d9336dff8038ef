package com.lavish.events;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.filter.TokenFilter;

/**
 * The fields of a webhook body that a reader uses, so that only they become a tree: a whole Shopify order is ten
 * kilobytes of JSON whose price sets, tax lines and discount allocations no reader here looks at, and building nodes
 * for them was most of what reading an order cost in time and garbage. The body is still parsed whole, and its
 * validity checked as before; what is not selected is skipped by the parser instead of copied.
 *
 * <p>A selection names fields; a field holds a whole value ({@link #all}) or a selection of its own fields, which
 * applies to an object and to every element of an array alike. A reader must select every field it reads: a test per
 * reader compares what it reads from a selected tree with what it reads from the whole one.
 */
public final class JsonSelection extends TokenFilter {

    private final Map<String, TokenFilter> fields = new HashMap<>();

    private JsonSelection() {
    }

    /** A selection of these fields, each whole. */
    public static JsonSelection of(String... fields) {
        JsonSelection selection = new JsonSelection();
        return selection.all(fields);
    }

    /** Adds these fields, each whole. */
    public JsonSelection all(String... names) {
        for (String name : names) {
            fields.put(name, TokenFilter.INCLUDE_ALL);
        }
        return this;
    }

    /** Adds a field of which only the selection's fields are kept (in an object, or in each element of an array). */
    public JsonSelection with(String name, JsonSelection selection) {
        fields.put(name, selection);
        return this;
    }

    @Override
    public TokenFilter includeProperty(String name) {
        return fields.get(name);
    }

    @Override
    public TokenFilter includeElement(int index) {
        return this;
    }

    @Override
    protected boolean _includeScalar() {
        // a selected field that holds a scalar where an object was expected is kept: the reader decides about it
        return true;
    }
}
