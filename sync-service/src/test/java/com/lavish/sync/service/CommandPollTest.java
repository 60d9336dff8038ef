package com.lavish.sync.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.lavish.consumer.Delivery;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.sync.repository.SyncCommandLedger.Key;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CommandPollTest {

    private static final String SHOP = "lavish-test.myshopify.com";
    private long offset;

    @Test
    void aKeyDeliveredSeveralTimesIsSentOnceByItsFirstDelivery() {
        SyncCommand pause = pause(1, "key-1", "command-1");
        Delivery<SyncCommand> first = delivery(pause);
        Delivery<SyncCommand> again = delivery(pause);
        Delivery<SyncCommand> reissued = delivery(pause(1, "key-1", "command-2"));
        Delivery<SyncCommand> other = delivery(pause(1, "key-2", "command-3"));

        CommandPoll poll = new CommandPoll(List.of(first, other, again, reissued));

        assertEquals(List.of(new Key(SHOP, "key-1"), new Key(SHOP, "key-2")), new ArrayList<>(poll.keys()));
        assertEquals(List.of(first, again, reissued), poll.of(new Key(SHOP, "key-1")));
        assertSame(other, poll.of(new Key(SHOP, "key-2")).get(0));
    }

    @Test
    void eachRecordKeysCommandsFormOneLaneInOffsetOrder() {
        Delivery<SyncCommand> a1 = delivery(pause(1, "a-1", "c-1"));
        Delivery<SyncCommand> b1 = delivery(pause(2, "b-1", "c-2"));
        Delivery<SyncCommand> a2 = delivery(pause(1, "a-2", "c-3"));
        Delivery<SyncCommand> b2 = delivery(pause(2, "b-2", "c-4"));
        Delivery<SyncCommand> a3 = delivery(pause(1, "a-3", "c-5"));

        CommandPoll poll = new CommandPoll(List.of(a1, b1, a2, b2, a3));

        assertEquals(List.of(List.of(a1, a2, a3), List.of(b1, b2)), new ArrayList<>(poll.lanes()));
    }

    private static SyncCommand pause(long contractId, String idempotencyKey, String commandId) {
        return new SyncCommand(
                commandId,
                idempotencyKey,
                SHOP,
                SyncCommandType.CONTRACT_PAUSE,
                "test",
                Instant.now().toString(),
                contractId,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private Delivery<SyncCommand> delivery(SyncCommand command) {
        byte[] value = SyncMessages.write(command);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                "sync.commands", 0, offset++, command.recordKey().toString(), value);
        ShopifyEvent event = new ShopifyEvent(
                command.commandId(),
                "sync.command/" + command.type(),
                SHOP,
                command.issuedAt(),
                null,
                null,
                null,
                value);
        return new Delivery<>(record, event, command);
    }
}
