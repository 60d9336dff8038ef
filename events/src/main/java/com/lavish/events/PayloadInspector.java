package com.lavish.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Checks in one streaming pass that a verified body is a JSON object and picks out the entity id at a route's
 * id path. The id is kept as the digits Shopify sent (never a double), so ids beyond 2^53 stay exact.
 */
public final class PayloadInspector {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    private PayloadInspector() {}

    /**
     * @return the id at {@code idPath} (a JSON integer, or a string), empty when absent or null
     * @throws MalformedEventException when the body is not one well-formed JSON object
     */
    public static Optional<String> resourceId(byte[] body, List<String> idPath) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("body is not a JSON object");
            }
            String id = findAndDrain(parser, idPath);
            if (parser.nextToken() != null) {
                throw new MalformedEventException("body has content after the JSON object");
            }
            return Optional.ofNullable(id);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException("body could not be read: " + e.getMessage(), e);
        }
    }

    /** Walks the object the parser is in, to its end; returns the id found on the path, if any. */
    private static String findAndDrain(JsonParser parser, List<String> path) throws IOException {
        String found = null;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw new MalformedEventException("unexpected JSON token " + token);
            }
            boolean onPath = !path.isEmpty() && path.get(0).equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (onPath && path.size() == 1) {
                found = scalarId(parser, value);
                parser.skipChildren();
            } else if (onPath && value == JsonToken.START_OBJECT) {
                found = findAndDrain(parser, path.subList(1, path.size()));
            } else {
                // skipChildren reads every token it passes, so the syntax is still checked
                parser.skipChildren();
            }
        }
        return found;
    }

    /**
     * The number of a global id ({@code gid://shopify/Customer/1} → {@code 1}), so an entity keeps one record key
     * whether a topic names it by number or by gid; any other text as it is.
     */
    public static String numericPart(String id) {
        if (!id.startsWith("gid://")) {
            return id;
        }
        int query = id.indexOf('?');
        String path = query >= 0 ? id.substring(0, query) : id;
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? id : last;
    }

    private static String scalarId(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            return text.isBlank() ? null : numericPart(text);
        }
        return null;
    }
}
