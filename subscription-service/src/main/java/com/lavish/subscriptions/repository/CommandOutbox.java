package com.lavish.subscriptions.repository;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.ColumnArrays;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.events.sync.SyncCommand;
import com.lavish.subscriptions.EncryptedColumns;
import com.lavish.subscriptions.service.SyncCommands;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox of commands for sync-service ({@code sync_command_outbox}) on the reactive client: a poll's commands
 * written with one statement in its transaction, and the relay's passes over what is unsent. The request paths write
 * theirs in their Hibernate transaction ({@link SyncCommands#enqueue}). A payload is stored encrypted, bound to its
 * row (shop and command id; ADR 0005): a contract update carries the customer's delivery address.
 */
@ApplicationScoped
public class CommandOutbox {

    /** In the order asked: the relay sends by id, so one contract's commands keep their order. */
    private static final String INSERT = """
            insert into subscription.sync_command_outbox (shop_domain, command_id, idempotency_key, type, record_key,
                payload)
            select shop_domain, command_id, idempotency_key, type, record_key, payload
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) with ordinality
                as c(shop_domain, command_id, idempotency_key, type, record_key, payload, n)
            order by n""";

    /** Replicas share the outbox: none takes a row another is sending. */
    private static final String UNSENT = """
            select id, shop_domain, command_id, payload from subscription.sync_command_outbox where sent_at is null
            order by id limit $1 for update skip locked""";

    private static final String SENT = """
            update subscription.sync_command_outbox set sent_at = now() where id = any($1::bigint[])""";

    /** A command as the relay sends it: its payload decrypted. */
    public record Unsent(long id, byte[] payload) {
    }

    private final PersonalDataCipher cipher;

    public CommandOutbox(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** The payload of the command as the outbox stores it: SyncMessages' JSON, encrypted and bound to its row. */
    public String storedPayload(SyncCommand command) {
        return cipher.encrypt(SyncCommands.payload(command), EncryptedColumns.COMMAND_PAYLOAD,
                EncryptedColumns.commandKey(command.shop(), command.commandId()));
    }

    public Uni<Void> insert(SqlConnection connection, List<SyncCommand> commands) {
        ColumnArrays rows = new ColumnArrays();
        for (SyncCommand command : commands) {
            rows.row().text(command.shop()).text(command.commandId()).text(command.idempotencyKey())
                    .text(command.type().name()).text(command.recordKey().toString())
                    .text(storedPayload(command));
        }
        return ContractWrites.run(connection, INSERT, rows);
    }

    /** Up to {@code limit} unsent commands, oldest first, locked until the connection's transaction ends. */
    public Uni<List<Unsent>> lockUnsent(SqlConnection connection, int limit) {
        return connection.preparedQuery(UNSENT).execute(Tuple.of(limit)).map(rows -> {
            List<Unsent> unsent = new ArrayList<>();
            for (Row row : rows) {
                String payload = cipher.decrypt(row.getString("payload"), EncryptedColumns.COMMAND_PAYLOAD,
                        EncryptedColumns.commandKey(row.getString("shop_domain"), row.getString("command_id")));
                unsent.add(new Unsent(row.getLong("id"), payload.getBytes(StandardCharsets.UTF_8)));
            }
            return unsent;
        });
    }

    public Uni<Void> markSent(SqlConnection connection, List<Unsent> sent) {
        Long[] ids = sent.stream().map(Unsent::id).toArray(Long[]::new);
        return connection.preparedQuery(SENT).execute(Tuple.tuple().addArrayOfLong(ids)).replaceWithVoid();
    }
}
