package com.lavish.sync.service;

import com.lavish.consumer.Delivery;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.sync.SyncCommandRecord.State;
import com.lavish.sync.repository.SyncCommandLedger.Completion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Shopify's answer to one key of a poll: the result of the command that was sent, and what the ledger keeps of it.
 *
 * @param sentFor the record whose command was sent; every other delivery of the key is answered with a replay
 */
record CommandAnswer(long ledgerId, State state, SyncResult result, SyncCommand kept, ConsumerRecord<?, ?> sentFor) {

    static CommandAnswer of(long ledgerId, Delivery<SyncCommand> sent, ShopifyOutcome outcome, Instant now) {
        SyncCommand command = sent.change();
        SyncResult result = new SyncResult(
                command.commandId(),
                command.idempotencyKey(),
                command.shop(),
                command.type(),
                command.origin(),
                outcome.outcome(),
                outcome.userErrors(),
                outcome.message(),
                command.contractId(),
                outcome.shopifyId(),
                outcome.sellingPlanIds(),
                outcome.contractStatus(),
                now.toString());
        State state = switch (outcome.outcome()) {
            case SUCCEEDED -> State.SUCCEEDED;
            case REJECTED -> State.REJECTED;
            case FAILED -> State.FAILED;
        };
        // an answered command is never sent again: its delivery address (personal data) is no longer needed
        SyncCommand kept = state.answered() ? withoutAddress(command) : command;
        return new CommandAnswer(ledgerId, state, result, kept, sent.record());
    }

    /** Whether this delivery's command is the one Shopify answered. */
    boolean answers(Delivery<SyncCommand> delivery) {
        return delivery.record() == sentFor;
    }

    /** The answer as another command of the key gets it: its own ids, Shopify's answer. */
    static SyncResult replayed(SyncCommand command, SyncResult stored) {
        return new SyncResult(
                command.commandId(),
                command.idempotencyKey(),
                command.shop(),
                command.type(),
                command.origin(),
                stored.outcome(),
                stored.userErrors(),
                stored.message(),
                stored.contractId(),
                stored.shopifyId(),
                stored.sellingPlanIds(),
                stored.contractStatus(),
                stored.completedAt());
    }

    Completion completion() {
        return new Completion(
                ledgerId,
                state,
                result.shopifyId(),
                utf8(SyncMessages.write(result)),
                utf8(SyncMessages.write(kept)),
                Instant.parse(result.completedAt()));
    }

    private static String utf8(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static SyncCommand withoutAddress(SyncCommand command) {
        if (command.contractEdit() == null || command.contractEdit().deliveryAddress() == null) {
            return command;
        }
        SyncCommand.ContractEdit edit = command.contractEdit();
        return new SyncCommand(
                command.commandId(),
                command.idempotencyKey(),
                command.shop(),
                command.type(),
                command.origin(),
                command.issuedAt(),
                command.contractId(),
                command.sellingPlanGroupId(),
                command.productId(),
                command.productIds(),
                command.sellingPlanGroupIds(),
                command.sellingPlanGroup(),
                new SyncCommand.ContractEdit(
                        edit.interval(),
                        edit.intervalCount(),
                        edit.sellingPlanId(),
                        edit.lineId(),
                        edit.quantity(),
                        null),
                command.billingCycle(),
                command.actor());
    }
}
