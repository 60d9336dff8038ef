package com.lavish.notifications.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.consumer.ColumnArrays.Kind.TIMESTAMPTZ;

import com.lavish.consumer.ColumnArrays;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.notifications.EncryptedColumns;
import com.lavish.notifications.service.RecipientChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The recipients' set-based statements, on the poll's connection and in its transaction: newer customer versions,
 * erasures (customers/delete, customers/redact), the unsubscribe choice, and the lookup the message path makes.
 * Address and first name are encrypted here, bound to the recipient's shop and customer id (ADR 0005).
 */
@ApplicationScoped
public class RecipientWrites {

    /** A version is written only over an older one, and never over an erased recipient. */
    private static final String UPSERT = """
            insert into notification.recipient as r (shop_domain, customer_id, email, first_name, locale, updated_at)
            select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
            on conflict (shop_domain, customer_id) do update set
                email = excluded.email, first_name = excluded.first_name, locale = excluded.locale,
                updated_at = excluded.updated_at
            where r.erased_at is null and (r.updated_at is null or r.updated_at < excluded.updated_at)
            returning r.shop_domain, r.customer_id""";

    /**
     * An erased recipient keeps a row without anything personal, so no later event or unsubscribe revives them; their
     * messages go, resends with them.
     */
    private static final String ERASE = """
            with erased as (
                insert into notification.recipient as r (shop_domain, customer_id, erased_at)
                select * from unnest($1::text[], $2::bigint[], $3::timestamptz[])
                on conflict (shop_domain, customer_id) do update set
                    email = null, first_name = null, locale = null, reminders_off_at = null,
                    erased_at = coalesce(r.erased_at, excluded.erased_at)
                returning r.shop_domain)
            delete from notification.message m
            using unnest($1::text[], $2::bigint[]) as e(shop_domain, customer_id)
            where m.shop_domain = e.shop_domain and m.customer_id = e.customer_id""";

    private static final String FIND = """
            select r.shop_domain, r.customer_id, r.email, r.first_name, r.locale, r.reminders_off_at, r.erased_at
            from notification.recipient r
            join unnest($1::text[], $2::bigint[]) as k(shop_domain, customer_id)
              on r.shop_domain = k.shop_domain and r.customer_id = k.customer_id""";

    private final PersonalDataCipher cipher;

    public RecipientWrites(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** A recipient as the message path needs them: their address and name in plaintext. Never logged. */
    public record StoredRecipient(String email, String firstName, String locale, boolean remindersOff, boolean erased) {

        @Override
        public String toString() {
            return "StoredRecipient[remindersOff=" + remindersOff + ", erased=" + erased + "]";
        }
    }

    /** A shop's customer. */
    public record CustomerKey(String shop, long customerId) {}

    /** Writes the versions; answers the customers whose version was written (the others were stale). */
    public Uni<Set<CustomerKey>> upsert(SqlConnection connection, Map<CustomerKey, RecipientChange.Upsert> versions) {
        if (versions.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        ColumnArrays rows = new ColumnArrays(TEXT, BIGINT, TEXT, TEXT, TEXT, TIMESTAMPTZ);
        versions.forEach((key, version) -> {
            RowKey row = EncryptedColumns.recipientKey(key.shop(), key.customerId());
            rows.row()
                    .text(key.shop())
                    .bigint(key.customerId())
                    .text(cipher.encrypt(version.email(), EncryptedColumns.RECIPIENT_EMAIL, row))
                    .text(cipher.encrypt(version.firstName(), EncryptedColumns.RECIPIENT_FIRST_NAME, row))
                    .text(version.locale())
                    .timestamptz(version.updatedAt());
        });
        return connection.preparedQuery(UPSERT).execute(rows.tuple()).map(written -> {
            Set<CustomerKey> keys = new HashSet<>();
            for (Row row : written) {
                keys.add(new CustomerKey(row.getString(0), row.getLong(1)));
            }
            return keys;
        });
    }

    /** Erases these customers' recipient data and messages. */
    public Uni<Void> erase(SqlConnection connection, Map<CustomerKey, Instant> erasures) {
        if (erasures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ColumnArrays rows = new ColumnArrays(TEXT, BIGINT, TIMESTAMPTZ);
        erasures.forEach((key, at) ->
                rows.row().text(key.shop()).bigint(key.customerId()).timestamptz(at));
        return connection.preparedQuery(ERASE).execute(rows.tuple()).replaceWithVoid();
    }

    /** The stored recipients among these customers, decrypted; a customer never seen is absent. */
    public Uni<Map<CustomerKey, StoredRecipient>> find(SqlConnection connection, Set<CustomerKey> customers) {
        if (customers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        ColumnArrays keys = new ColumnArrays(TEXT, BIGINT);
        customers.forEach(key -> keys.row().text(key.shop()).bigint(key.customerId()));
        return connection.preparedQuery(FIND).execute(keys.tuple()).map(found -> {
            Map<CustomerKey, StoredRecipient> recipients = new HashMap<>();
            for (Row row : found) {
                CustomerKey key = new CustomerKey(row.getString("shop_domain"), row.getLong("customer_id"));
                RowKey rowKey = EncryptedColumns.recipientKey(key.shop(), key.customerId());
                recipients.put(
                        key,
                        new StoredRecipient(
                                cipher.decrypt(row.getString("email"), EncryptedColumns.RECIPIENT_EMAIL, rowKey),
                                cipher.decrypt(
                                        row.getString("first_name"), EncryptedColumns.RECIPIENT_FIRST_NAME, rowKey),
                                row.getString("locale"),
                                row.getValue("reminders_off_at") != null,
                                row.getValue("erased_at") != null));
            }
            return recipients;
        });
    }
}
