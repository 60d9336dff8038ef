package com.lavish.notifications.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.consumer.ColumnArrays.Kind.TIMESTAMPTZ;

import com.lavish.consumer.ColumnArrays;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.notifications.EncryptedColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inserts a poll's messages with one statement on its connection, in the transaction that records the events' ce_ids:
 * a message exists if and only if its event was applied, and the unique event_id makes a replay insert nothing.
 * Recipient and first name are encrypted here, bound to the message's event id.
 */
@ApplicationScoped
public class MessageWrites {

    private static final String INSERT = """
            insert into notification.message (event_id, shop_domain, customer_id, contract_id, kind, locale,
                recipient, first_name, subject, payload, state, smtp_message_id, provider_answer, occurred_at)
            select event_id, shop_domain, customer_id, contract_id, kind, locale, recipient, first_name, subject,
                payload::jsonb, state, smtp_message_id, provider_answer, occurred_at
            from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[])
                as i(event_id, shop_domain, customer_id, contract_id, kind, locale, recipient, first_name, subject,
                     payload, state, smtp_message_id, provider_answer, occurred_at)
            on conflict (event_id) do nothing
            returning event_id""";

    private final PersonalDataCipher cipher;

    public MessageWrites(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** One message to insert; the address and first name in plaintext (encrypted on the way in). Never logged. */
    public record NewMessage(
            String eventId,
            String shop,
            long customerId,
            long contractId,
            String kind,
            String locale,
            String recipient,
            String firstName,
            String subject,
            String payload,
            String state,
            String smtpMessageId,
            String providerAnswer,
            Instant occurredAt) {

        @Override
        public String toString() {
            return "NewMessage[" + eventId + " " + kind + " " + state + "]";
        }
    }

    /** Inserts the messages; answers the event ids inserted (an id already there was a replay). */
    public Uni<Set<String>> insert(SqlConnection connection, List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        ColumnArrays rows = new ColumnArrays(
                TEXT, TEXT, BIGINT, BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TIMESTAMPTZ);
        for (NewMessage m : messages) {
            RowKey row = EncryptedColumns.messageKey(m.eventId());
            rows.row()
                    .text(m.eventId())
                    .text(m.shop())
                    .bigint(m.customerId())
                    .bigint(m.contractId())
                    .text(m.kind())
                    .text(m.locale())
                    .text(cipher.encrypt(m.recipient(), EncryptedColumns.MESSAGE_RECIPIENT, row))
                    .text(cipher.encrypt(m.firstName(), EncryptedColumns.MESSAGE_FIRST_NAME, row))
                    .text(m.subject())
                    .text(m.payload())
                    .text(m.state())
                    .text(m.smtpMessageId())
                    .text(m.providerAnswer())
                    .timestamptz(m.occurredAt());
        }
        return connection.preparedQuery(INSERT).execute(rows.tuple()).map(inserted -> {
            Set<String> ids = new HashSet<>();
            for (Row row : inserted) {
                ids.add(row.getString(0));
            }
            return ids;
        });
    }
}
