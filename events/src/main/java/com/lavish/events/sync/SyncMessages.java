package com.lavish.events.sync;

import com.lavish.events.JsonMessages;
import org.apache.kafka.common.header.Headers;

/**
 * The wire form of sync commands and results: JSON values, with CloudEvents binary headers (ce_id = the command
 * id, ce_type = {@code sync.command/<type>} or {@code sync.result/<type>}, ce_source = the shop) so the
 * dead-letter and replay tooling of the shopify.* topics serves these topics too.
 */
public final class SyncMessages {

    public static final String COMMAND_TYPE_PREFIX = "sync.command/";
    public static final String RESULT_TYPE_PREFIX = "sync.result/";

    private SyncMessages() {}

    public static byte[] write(SyncCommand command) {
        return JsonMessages.bytes(command);
    }

    public static byte[] write(SyncResult result) {
        return JsonMessages.bytes(result);
    }

    public static SyncCommand readCommand(byte[] value) {
        return JsonMessages.read(value, SyncCommand.class);
    }

    public static SyncResult readResult(byte[] value) {
        return JsonMessages.read(value, SyncResult.class);
    }

    public static Headers headers(SyncCommand command) {
        return JsonMessages.headers(
                command.commandId(), COMMAND_TYPE_PREFIX + command.type().name(), command.shop(), command.issuedAt());
    }

    public static Headers headers(SyncResult result) {
        return JsonMessages.headers(
                result.commandId(), RESULT_TYPE_PREFIX + result.type().name(), result.shop(), result.completedAt());
    }
}
