package com.lavish.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The wire form the suite's own messages share (sync commands and results, subscription events): a JSON value with
 * CloudEvents binary headers (ce_id, ce_type, ce_source = the shop, ce_time), so the dead-letter and replay tooling of
 * the shopify.* topics serves these topics too. Readers tolerate fields a newer producer adds, so producer and
 * consumers can be deployed in any order.
 */
public final class JsonMessages {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonMessages() {}

    public static Headers headers(String id, String type, String shop, String time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SOURCE, shop);
        add(headers, CloudEventHeaders.TIME, time);
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    public static byte[] bytes(Object message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(byte[] value, Class<T> type) {
        if (value == null) {
            throw new MalformedEventException("record has no value");
        }
        try {
            return JSON.readValue(value, type);
        } catch (JsonProcessingException e) {
            // the original message names the field, never the value
            throw new MalformedEventException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("not a " + type.getSimpleName(), e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
