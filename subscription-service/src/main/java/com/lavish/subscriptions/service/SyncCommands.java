package com.lavish.subscriptions.service;

import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.subscriptions.repository.CommandOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The commands this service asks of sync-service, written to the outbox ({@code sync_command_outbox}) in the
 * transaction of the change that asks for them: here in the request paths' Hibernate transaction, by
 * {@link CommandOutbox} in a poll's. The command exists exactly when the change that asked for it committed, and the
 * relay ({@code SyncCommandRelay}) takes it to sync.commands from there, whatever crashes in between.
 */
@ApplicationScoped
public class SyncCommands {

    /** The origin of every command this service writes; sync.results are applied only when they name it. */
    public static final String ORIGIN = "subscription-service";

    private final CommandOutbox outbox;

    public SyncCommands(CommandOutbox outbox) {
        this.outbox = outbox;
    }

    /** Writes the command to the outbox in the current transaction, its payload encrypted; returns it. */
    public Uni<SyncCommand> enqueue(SyncCommand command) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into {h-schema}sync_command_outbox
                            (shop_domain, command_id, idempotency_key, type, record_key, payload)
                        values (:shop, :commandId, :key, :type, :recordKey, :payload)""")
                        .setParameter("shop", command.shop())
                        .setParameter("commandId", command.commandId())
                        .setParameter("key", command.idempotencyKey())
                        .setParameter("type", command.type().name())
                        .setParameter("recordKey", command.recordKey().toString())
                        .setParameter("payload", outbox.storedPayload(command))
                        .executeUpdate())
                .replaceWith(command);
    }

    /** The command as the relay sends it (and the outbox keeps it, encrypted): SyncMessages' JSON. */
    public static String payload(SyncCommand command) {
        return new String(SyncMessages.write(command), StandardCharsets.UTF_8);
    }

    /** A command about a contract alone: fetch, pause, activate, cancel. */
    public static SyncCommand contract(String shop, SyncCommandType type, long contractId, String idempotencyKey) {
        return new SyncCommand(
                newId(),
                idempotencyKey,
                shop,
                type,
                ORIGIN,
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

    /** A command about one billing cycle of a contract: skip, unskip, a billing attempt. */
    public static SyncCommand cycle(
            String shop, SyncCommandType type, long contractId, String idempotencyKey, LocalDate cycleDate) {
        return new SyncCommand(
                newId(),
                idempotencyKey,
                shop,
                type,
                ORIGIN,
                Instant.now().toString(),
                contractId,
                null,
                null,
                null,
                null,
                null,
                null,
                new SyncCommand.BillingCycle(null, cycleDate.toString()));
    }

    public static SyncCommand contractUpdate(
            String shop, long contractId, String idempotencyKey, SyncCommand.ContractEdit edit) {
        return new SyncCommand(
                newId(),
                idempotencyKey,
                shop,
                SyncCommandType.CONTRACT_UPDATE,
                ORIGIN,
                Instant.now().toString(),
                contractId,
                null,
                null,
                null,
                null,
                null,
                edit,
                null);
    }

    public static SyncCommand groupCreate(
            String shop, String idempotencyKey, SyncCommand.SellingPlanGroupSpec group, List<Long> productIds) {
        return new SyncCommand(
                newId(),
                idempotencyKey,
                shop,
                SyncCommandType.SELLING_PLAN_GROUP_CREATE,
                ORIGIN,
                Instant.now().toString(),
                null,
                null,
                null,
                productIds,
                null,
                group,
                null,
                null);
    }

    /** Adds products to or removes them from a live group. */
    public static SyncCommand groupProducts(
            String shop, SyncCommandType type, long groupId, String idempotencyKey, List<Long> productIds) {
        return new SyncCommand(
                newId(),
                idempotencyKey,
                shop,
                type,
                ORIGIN,
                Instant.now().toString(),
                null,
                groupId,
                null,
                productIds,
                null,
                null,
                null,
                null);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
