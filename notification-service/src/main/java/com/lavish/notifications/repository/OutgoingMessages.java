package com.lavish.notifications.repository;

import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.notifications.EncryptedColumns;
import com.lavish.notifications.service.MessageState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The sender's statements, each on the connection of one message's transaction: claim the next message due
 * {@code FOR UPDATE SKIP LOCKED} (so replicas, and a pass and a nudge, never take the same one), then record what the
 * SMTP server answered before that transaction commits.
 */
@ApplicationScoped
public class OutgoingMessages {

    /**
     * The recipient as they stand now comes along: their choice (a reminder queued before an unsubscribe is not sent
     * after it), and their address for a message queued before it was known.
     */
    private static final String CLAIM = """
            select m.id, m.event_id, m.kind, m.locale, m.recipient, m.first_name, m.payload::text as payload,
                m.attempts, m.smtp_message_id, m.occurred_at, r.reminders_off_at is not null as reminders_off,
                m.shop_domain, m.customer_id, r.email as current_email, r.first_name as current_first_name,
                r.locale as current_locale
            from notification.message m
            left join notification.recipient r
              on r.shop_domain = m.shop_domain and r.customer_id = m.customer_id
            where m.state in ('queued', 'retrying') and m.next_attempt_at <= now()
            order by m.next_attempt_at
            limit 1
            for update of m skip locked""";

    private static final String SENT = """
            update notification.message set state = 'sent', attempts = attempts + 1, sent_at = now(),
                provider_answer = $2, subject = $3
            where id = $1""";

    private static final String RETRY = """
            update notification.message set state = 'retrying', attempts = attempts + 1, next_attempt_at = $3,
                provider_answer = $2
            where id = $1""";

    /** Failed or suppressed: the message is done with. */
    private static final String CLOSE = """
            update notification.message set state = $2, attempts = attempts + $4, provider_answer = $3
            where id = $1""";

    private final PersonalDataCipher cipher;

    public OutgoingMessages(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** A message claimed for sending, decrypted. Never logged whole. */
    public record Claimed(
            long id,
            String eventId,
            String kind,
            String locale,
            String recipient,
            String firstName,
            String payload,
            int attempts,
            String smtpMessageId,
            Instant occurredAt,
            boolean remindersOff) {

        @Override
        public String toString() {
            return "Claimed[" + id + " " + kind + " attempt " + (attempts + 1) + "]";
        }
    }

    /** The next message due, locked until the transaction ends; null when none is (or all are taken). */
    public Uni<Claimed> claim(SqlConnection connection) {
        return connection.query(CLAIM).execute().map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            String eventId = row.getString("event_id");
            RowKey key = EncryptedColumns.messageKey(eventId);
            OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
            String recipient = cipher.decrypt(row.getString("recipient"), EncryptedColumns.MESSAGE_RECIPIENT, key);
            String firstName = cipher.decrypt(row.getString("first_name"), EncryptedColumns.MESSAGE_FIRST_NAME, key);
            String locale = row.getString("locale");
            if (recipient == null) {
                RowKey current =
                        EncryptedColumns.recipientKey(row.getString("shop_domain"), row.getLong("customer_id"));
                recipient = cipher.decrypt(row.getString("current_email"), EncryptedColumns.RECIPIENT_EMAIL, current);
                firstName = cipher.decrypt(
                        row.getString("current_first_name"), EncryptedColumns.RECIPIENT_FIRST_NAME, current);
                locale = row.getString("current_locale");
            }
            return new Claimed(
                    row.getLong("id"),
                    eventId,
                    row.getString("kind"),
                    locale,
                    recipient,
                    firstName,
                    row.getString("payload"),
                    row.getInteger("attempts"),
                    row.getString("smtp_message_id"),
                    occurredAt == null ? null : occurredAt.toInstant(),
                    row.getBoolean("reminders_off"));
        });
    }

    /** Sent, with the subject it went out with (a message queued before its address was known learns its language). */
    public Uni<Void> sent(SqlConnection connection, long id, String answer, String subject) {
        return connection
                .preparedQuery(SENT)
                .execute(Tuple.of(id, answer, subject))
                .replaceWithVoid();
    }

    public Uni<Void> retryAt(SqlConnection connection, long id, String answer, Instant next) {
        return connection
                .preparedQuery(RETRY)
                .execute(Tuple.of(id, answer, next.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Closes the message as failed (an attempt made) or suppressed (none made). */
    public Uni<Void> close(SqlConnection connection, long id, MessageState state, String answer) {
        int attempt = state == MessageState.SUPPRESSED ? 0 : 1;
        return connection
                .preparedQuery(CLOSE)
                .execute(Tuple.of(id, state.column(), answer, attempt))
                .replaceWithVoid();
    }
}
