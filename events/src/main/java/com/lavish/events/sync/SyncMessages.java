package com.lavish.events.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.events.CloudEventHeaders;
import com.lavish.events.MalformedEventException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of sync commands and results: JSON values, with CloudEvents binary headers (ce_id = the command
 * id, ce_type = {@code sync.command/<type>} or {@code sync.result/<type>}, ce_source = the shop) so the
 * dead-letter and replay tooling of the shopify.* topics serves these topics too.
 */
public final class SyncMessages {

    public static final String COMMAND_TYPE_PREFIX = "sync.command/";
    public static final String RESULT_TYPE_PREFIX = "sync.result/";

    // Readers tolerate fields a newer producer adds, so producer and consumers can be deployed in any order.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SyncMessages() {
    }

    public static byte[] write(SyncCommand command) {
        return bytes(command);
    }

    public static byte[] write(SyncResult result) {
        return bytes(result);
    }

    public static SyncCommand readCommand(byte[] value) {
        return read(value, SyncCommand.class);
    }

    public static SyncResult readResult(byte[] value) {
        return read(value, SyncResult.class);
    }

    public static Headers headers(SyncCommand command) {
        return headers(command.commandId(), COMMAND_TYPE_PREFIX + command.type().name(), command.shop(),
                command.issuedAt());
    }

    public static Headers headers(SyncResult result) {
        return headers(result.commandId(), RESULT_TYPE_PREFIX + result.type().name(), result.shop(),
                result.completedAt());
    }

    private static Headers headers(String id, String type, String shop, String time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SOURCE, shop);
        add(headers, CloudEventHeaders.TIME, time);
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytes(Object message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] value, Class<T> type) {
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
}
