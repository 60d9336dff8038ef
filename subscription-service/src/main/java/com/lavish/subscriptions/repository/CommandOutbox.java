package com.lavish.subscriptions.repository;

import com.lavish.consumer.ColumnArrays;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.events.Topics;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEvents;
import com.lavish.events.sync.SyncCommand;
import com.lavish.subscriptions.EncryptedColumns;
import com.lavish.subscriptions.service.SyncCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox ({@code sync_command_outbox}) on the reactive client: the commands for sync-service and the subscription
 * events, each row with its topic, written with one statement in the transaction of the change, and the relay's passes
 * over what is unsent. The request paths write their commands in their Hibernate transaction
 * ({@link SyncCommands#enqueue}). A payload is stored encrypted, bound to its row (shop and command or event id; ADR
 * 0005): a contract update carries the customer's delivery address. The types that happen once per occasion
 * (UPCOMING_BILLING, PAYMENT_METHOD_UPDATE_EMAIL) are unique by shop and idempotency key (V3): asked again, nothing is
 * written.
 */
@ApplicationScoped
public class CommandOutbox {

    /** In the order asked: the relay sends by id, so one contract's commands keep their order. */
    private static final String INSERT = """
            insert into subscription.sync_command_outbox (shop_domain, command_id, idempotency_key, type, topic,
                record_key, payload)
            select shop_domain, command_id, idempotency_key, type, topic, record_key, payload
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                with ordinality as c(shop_domain, command_id, idempotency_key, type, topic, record_key, payload, n)
            order by n
            on conflict do nothing""";

    /** Replicas share the outbox: none takes a row another is sending. */
    private static final String UNSENT = """
            select id, shop_domain, command_id, type, topic, payload from subscription.sync_command_outbox
            where sent_at is null
            order by id limit $1 for update skip locked""";

    private static final String SENT = """
            update subscription.sync_command_outbox set sent_at = now() where id = any($1::bigint[])""";

    /** A command or an event as the relay sends it: its topic, its type (for the metrics), its payload decrypted. */
    public record Unsent(long id, String topic, String type, byte[] payload) {}

    /**
     * An event to write, with the key of its occasion (its idempotency key): the event's own for most,
     * {@code upcoming-billing/<contract>/<date>} for the reminder, which is written once per contract and billing date.
     */
    public record Event(SubscriptionEvent event, String occasion) {}

    private final PersonalDataCipher cipher;

    public CommandOutbox(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** The payload of the command as the outbox stores it: SyncMessages' JSON, encrypted and bound to its row. */
    public String storedPayload(SyncCommand command) {
        return encrypted(command.shop(), command.commandId(), SyncCommands.payload(command));
    }

    private String encrypted(String shop, String id, String payload) {
        return cipher.encrypt(payload, EncryptedColumns.COMMAND_PAYLOAD, EncryptedColumns.commandKey(shop, id));
    }

    /** Commands and events in one statement, in the order given (commands first). */
    public Uni<Void> insert(SqlConnection connection, List<SyncCommand> commands, List<Event> events) {
        ColumnArrays rows = new ColumnArrays();
        for (SyncCommand command : commands) {
            rows.row()
                    .text(command.shop())
                    .text(command.commandId())
                    .text(command.idempotencyKey())
                    .text(command.type().name())
                    .text(Topics.SYNC_COMMANDS)
                    .text(command.recordKey().toString())
                    .text(storedPayload(command));
        }
        for (Event e : events) {
            SubscriptionEvent event = e.event();
            rows.row()
                    .text(event.shop())
                    .text(event.eventId())
                    .text(e.occasion())
                    .text(event.type().name())
                    .text(Topics.SUBSCRIPTION_EVENTS)
                    .text(event.recordKey().toString())
                    .text(encrypted(
                            event.shop(),
                            event.eventId(),
                            new String(SubscriptionEvents.write(event), StandardCharsets.UTF_8)));
        }
        return ContractWrites.run(connection, INSERT, rows);
    }

    /** Up to {@code limit} unsent commands, oldest first, locked until the connection's transaction ends. */
    public Uni<List<Unsent>> lockUnsent(SqlConnection connection, int limit) {
        return connection.preparedQuery(UNSENT).execute(Tuple.of(limit)).map(rows -> {
            List<Unsent> unsent = new ArrayList<>();
            for (Row row : rows) {
                String payload = cipher.decrypt(
                        row.getString("payload"),
                        EncryptedColumns.COMMAND_PAYLOAD,
                        EncryptedColumns.commandKey(row.getString("shop_domain"), row.getString("command_id")));
                unsent.add(new Unsent(
                        row.getLong("id"),
                        row.getString("topic"),
                        row.getString("type"),
                        payload.getBytes(StandardCharsets.UTF_8)));
            }
            return unsent;
        });
    }

    public Uni<Void> markSent(SqlConnection connection, List<Unsent> sent) {
        Long[] ids = sent.stream().map(Unsent::id).toArray(Long[]::new);
        return connection
                .preparedQuery(SENT)
                .execute(Tuple.tuple().addArrayOfLong(ids))
                .replaceWithVoid();
    }
}
