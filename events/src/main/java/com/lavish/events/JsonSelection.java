package com.lavish.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

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
public final class JsonSelection {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a whole field holds: every field under it, at every depth. */
    private static final JsonSelection WHOLE = new JsonSelection();

    private final Map<String, JsonSelection> fields = new HashMap<>();

    private JsonSelection() {}

    /** A selection of these fields, each whole. */
    public static JsonSelection of(String... fields) {
        JsonSelection selection = new JsonSelection();
        return selection.all(fields);
    }

    /** Adds these fields, each whole. */
    public JsonSelection all(String... names) {
        for (String name : names) {
            fields.put(name, WHOLE);
        }
        return this;
    }

    /** Adds a field of which only the selection's fields are kept (in an object, or in each element of an array). */
    public JsonSelection with(String name, JsonSelection selection) {
        fields.put(name, selection);
        return this;
    }

    /**
     * Reads the value at the parser's current token into a tree of what this selection selects, and moves the parser
     * to the value's last token. The parser itself skips what is not selected ({@link JsonParser#skipChildren()},
     * which still checks it is well-formed): Jackson's filtering parser did the same with bookkeeping for every
     * token that was nearly half of reading an order.
     */
    JsonNode read(JsonParser parser) throws IOException {
        return read(parser, this);
    }

    private static JsonNode read(JsonParser parser, JsonSelection selection) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonSelection field = selection == WHOLE ? WHOLE : selection.fields.get(name);
                parser.nextToken();
                if (field == null) {
                    parser.skipChildren();
                } else {
                    object.set(name, read(parser, field));
                }
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(parser, selection));
            }
            return array;
        }
        // a scalar where the selection expected an object or an array is kept: the reader decides about it
        return scalar(parser, token);
    }

    /** A scalar as ObjectMapper's tree has it, with floats as BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS). */
    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + token + " in a JSON value");
        };
    }
}
