package com.lavish.sync.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.consumer.ColumnArrays.Kind.TIMESTAMPTZ;

import com.lavish.consumer.BatchTransactions;
import com.lavish.consumer.ColumnArrays;
import com.lavish.consumer.EventPipelineConfig;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.sync.SyncCommandRecord.State;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command ledger as a poll of sync.commands uses it: one set-based statement on the reactive client per step,
 * each committed before the next step starts (the admin's paths read the same rows through
 * {@link SyncCommandRepository}).
 */
@ApplicationScoped
public class SyncCommandLedger {

    /** One idempotency key of one shop: a row of the ledger. */
    public record Key(String shop, String idempotencyKey) {

        public static Key of(SyncCommand command) {
            return new Key(command.shop(), command.idempotencyKey());
        }
    }

    /**
     * A key's row as {@link #send} left it: answered before (its stored result to replay), or marked SENDING now with
     * its attempts counted, this one included.
     */
    public record Entry(long id, State state, int attempts, Instant firstSentAt, String result) {

        /** Whether an earlier attempt handed this key to Shopify: its outcome may be unknown. */
        public boolean sentBefore() {
            return attempts > 1;
        }
    }

    /** An answer to record on a key's row; {@code command} is what stays stored of the command. */
    public record Completion(
            long id, State state, Long shopifyId, String result, String command, Instant completedAt) {}

    private static final String ANSWERED = "c.state in ('SUCCEEDED', 'REJECTED')";

    /**
     * A new key goes in as SENDING; a known one that is not answered is marked SENDING again, and an answered one is
     * left as it is (the update only locks it, so every key comes back). Keys are locked in one order, so two
     * replicas' polls wait for each other instead of deadlocking.
     */
    private static final String SEND = """
            insert into sync.sync_command as c (shop_domain, idempotency_key, command_id, command_type, origin, command,
                state, attempts, received_at, first_sent_at, last_sent_at)
            select shop, key, command_id, type, origin, command, 'SENDING', 1, $7, $7, $7
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                as i(shop, key, command_id, type, origin, command)
            order by shop, key
            on conflict (shop_domain, idempotency_key) do update set
                state = case when %1$s then c.state else 'SENDING' end,
                attempts = case when %1$s then c.attempts else c.attempts + 1 end,
                first_sent_at = case when %1$s then c.first_sent_at else coalesce(c.first_sent_at, $7) end,
                last_sent_at = case when %1$s then c.last_sent_at else $7 end
            returning c.id, c.shop_domain, c.idempotency_key, c.state, c.attempts, c.first_sent_at, c.result""".formatted(ANSWERED);

    private static final String COMPLETE = """
            update sync.sync_command c
            set state = u.state, shopify_id = u.shopify_id, result = u.result, command = u.command,
                completed_at = u.completed_at
            from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[])
                as u(id, state, shopify_id, result, command, completed_at)
            where c.id = u.id""";

    private final BatchTransactions transactions;

    public SyncCommandLedger(Pool pool, EventPipelineConfig pipeline) {
        this.transactions = new BatchTransactions(pool, pipeline.transactionTimeout());
    }

    /**
     * Records each command's key the first time it arrives (the command as received is kept, so a failed one can be
     * sent again without Kafka) and marks every key not answered yet SENDING, committed before Shopify is called.
     *
     * @param commands one command per key
     * @return each key's row
     */
    public Uni<Map<Key, Entry>> send(List<SyncCommand> commands, Instant now) {
        if (commands.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        ColumnArrays rows = new ColumnArrays(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT);
        for (SyncCommand command : commands) {
            rows.row()
                    .text(command.shop())
                    .text(command.idempotencyKey())
                    .text(command.commandId())
                    .text(command.type().name())
                    .text(command.origin())
                    .text(new String(SyncMessages.write(command), StandardCharsets.UTF_8));
        }
        return transactions
                .inTransaction(connection -> connection
                        .preparedQuery(SEND)
                        .execute(rows.tuple().addOffsetDateTime(now.atOffset(ZoneOffset.UTC))))
                .map(found -> {
                    Map<Key, Entry> entries = new HashMap<>();
                    for (Row row : found) {
                        OffsetDateTime firstSent = row.getOffsetDateTime("first_sent_at");
                        entries.put(
                                new Key(row.getString("shop_domain"), row.getString("idempotency_key")),
                                new Entry(
                                        row.getLong("id"),
                                        State.valueOf(row.getString("state")),
                                        row.getInteger("attempts"),
                                        firstSent == null ? null : firstSent.toInstant(),
                                        row.getString("result")));
                    }
                    return entries;
                });
    }

    /** Records the answers, committed before they are published. */
    public Uni<Void> complete(Collection<Completion> completions) {
        if (completions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ColumnArrays rows = new ColumnArrays(BIGINT, TEXT, BIGINT, TEXT, TEXT, TIMESTAMPTZ);
        for (Completion completion : completions) {
            rows.row()
                    .bigint(completion.id())
                    .text(completion.state().name())
                    .bigint(completion.shopifyId())
                    .text(completion.result())
                    .text(completion.command())
                    .timestamptz(completion.completedAt());
        }
        return transactions
                .inTransaction(connection -> connection.preparedQuery(COMPLETE).execute(rows.tuple()))
                .replaceWithVoid();
    }
}
