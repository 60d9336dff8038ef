package com.lavish.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * How every consumer reads the fields of a Shopify body: leniently, since Shopify sends unknown fields, nulls where
 * a value is usual, ids beyond 2^53 and timestamps with offsets, and one odd field must never lose the whole event.
 * A field of an unexpected type reads as absent (its name is logged, never its value). Only a body that is not a
 * JSON object, or names no entity, is malformed.
 */
public final class WebhookFields {

    private static final Logger LOG = Logger.getLogger(WebhookFields.class);
    // decimals as sent: a float read through a double would change the amount
    private static final ObjectReader JSON =
            new ObjectMapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private WebhookFields() {}

    /** The body as a JSON object. */
    public static JsonNode object(ShopifyEvent event) {
        return object(event, null);
    }

    /**
     * The body as a JSON object holding only the selected fields ({@link JsonSelection}); the whole body is still
     * parsed, so a body that is not valid JSON is refused as before (and so is anything after the object).
     */
    public static JsonNode object(ShopifyEvent event, JsonSelection selection) {
        JsonNode body;
        try {
            if (selection == null) {
                body = JSON.readTree(event.payload());
            } else {
                try (JsonParser parser = JSON.createParser(event.payload())) {
                    body = parser.nextToken() == null ? null : selection.read(parser);
                    // nothing may follow the object, as readTree checks for the whole body
                    if (parser.nextToken() != null) {
                        throw new MalformedEventException(
                                "body of " + event.type() + " has content after its JSON object");
                    }
                }
            }
        } catch (IOException e) {
            throw new MalformedEventException("body of " + event.type() + " is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new MalformedEventException("body of " + event.type() + " is not a JSON object");
        }
        return body;
    }

    /**
     * An exact 64-bit id: a JSON integer that fits a long, a string of digits, or a gid's number; anything else
     * (a float above all, which would have been rounded) is no id.
     */
    public static Long id(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : null;
        }
        String text = node.isTextual() ? PayloadInspector.numericPart(node.textValue()) : null;
        if (text != null && text.matches("[0-9]{1,19}")) {
            try {
                return Long.valueOf(text);
            } catch (NumberFormatException beyondLong) {
                return null;
            }
        }
        return null;
    }

    /** The id at {@code field}; the event is malformed without one. */
    public static long requiredId(ShopifyEvent event, JsonNode parent, String field) {
        Long id = id(parent.get(field));
        if (id == null) {
            throw new MalformedEventException(event.type() + " names no id (an integer at \"" + field + "\")");
        }
        return id;
    }

    /** A string field as sent; a number or boolean where text belongs is kept as its text. */
    public static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            ignored(field, "a text value");
            return null;
        }
        // PostgreSQL cannot store U+0000 in text; dropping it beats losing the event
        return node.asText().replace("\u0000", "");
    }

    public static Boolean bool(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
            return Boolean.parseBoolean(node.textValue());
        }
        ignored(field, "a boolean");
        return null;
    }

    public static Integer integer(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node != null && !node.isNull()) {
            ignored(field, "an integer");
        }
        return null;
    }

    /** Shopify's decimal string ("414.95"), or a JSON number read as its exact decimal. */
    public static BigDecimal decimal(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        ignored(field, "a decimal");
        return null;
    }

    public static Instant timestamp(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        Instant parsed = node.isTextual() ? parseTimestamp(node.textValue()) : null;
        if (parsed == null) {
            ignored(field, "a timestamp");
        }
        return parsed;
    }

    /**
     * RFC 3339 with any offset, as an instant; also the {@code 2019-01-01 00:00:00.000Z} spelling some exports use.
     * Years outside 1..9999 are refused: Java reads them, PostgreSQL would refuse the whole row.
     */
    public static Instant parseTimestamp(String text) {
        return Rfc3339.parse(text);
    }

    /**
     * A GraphQL enum value in the lower case the REST webhooks use for the same field ({@code PAID} → {@code paid}),
     * so both shapes of one resource store one spelling.
     */
    public static String restCase(JsonNode parent, String field) {
        String value = text(parent, field);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The shop-currency amount of a GraphQL {@code MoneyBag} field ({@code totalPriceSet.shopMoney.amount}). */
    public static BigDecimal shopMoneyAmount(JsonNode parent, String moneyBagField) {
        JsonNode shopMoney = parent.path(moneyBagField).path("shopMoney");
        return shopMoney.isObject() ? decimal(shopMoney, "amount") : null;
    }

    /** The id of a GraphQL reference ({@code customer { id }}), or null when the reference is absent. */
    public static Long referenceId(JsonNode parent, String field) {
        JsonNode reference = parent.get(field);
        return reference != null && reference.isObject() ? id(reference.get("id")) : null;
    }

    /** A GraphQL connection's nodes, whether asked for as {@code nodes} or as {@code edges { node }}. */
    public static List<JsonNode> connectionNodes(JsonNode parent, String field) {
        JsonNode connection = parent.path(field);
        List<JsonNode> nodes = new ArrayList<>();
        if (connection.isArray()) {
            connection.forEach(nodes::add);
        } else if (connection.path("nodes").isArray()) {
            connection.path("nodes").forEach(nodes::add);
        } else {
            connection.path("edges").forEach(edge -> {
                if (edge.path("node").isObject()) {
                    nodes.add(edge.get("node"));
                }
            });
        }
        return nodes;
    }

    /** When Shopify triggered the event (ce_time): the version of a body that carries no time of its own. */
    public static Instant eventTime(ShopifyEvent event) {
        Instant time = parseTimestamp(event.time());
        if (time == null) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp");
        }
        return time;
    }

    private static void ignored(String field, String expected) {
        LOG.warnf("webhook field %s is not %s; ignored", field, expected);
    }
}
