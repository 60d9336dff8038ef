package com.lavish.customers.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.BOOLEAN;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;

import com.lavish.consumer.ColumnArrays;
import com.lavish.consumer.Delivery;
import com.lavish.customers.EncryptedColumns;
import com.lavish.customers.service.CustomerChange;
import com.lavish.customers.service.CustomerFold;
import com.lavish.customers.service.CustomerSnapshot;
import com.lavish.customers.service.CustomerSnapshot.AddressSnapshot;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a poll's folded customer changes with one set-based statement per kind of change, all sent at once on the
 * poll's connection (pipelined, in order, in its transaction). Each statement guards against the stored version
 * (newer updated_at, consent or summary version, tag change, a tombstone), and answers which customers it changed;
 * a folded change it did not write was stale. Personal columns are encrypted here, in Java, bound to their rows'
 * keys, which the poll knows before the statement runs (ADR 0005): no round trip per row.
 */
@ApplicationScoped
public class CustomerWrites {

    /**
     * Snapshots, with their address books in the same statement: a book is replaced only for the customers whose
     * snapshot was written (and only when the snapshot carries one), a snapshot's consent only when it is newer.
     */
    private static final String SNAPSHOTS = """
            with incoming as (
                select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                    $7::text[], $8::text[], $9::boolean[], $10::text[], $11::timestamptz[], $12::timestamptz[],
                    $13::text[], $14::text[], $15::timestamptz[], $16::timestamptz[], $17::boolean[])
                    as i(shop_domain, shopify_id, email, first_name, last_name, phone, state, note, verified_email,
                         currency, created_at, updated_at, consent_state, consent_opt_in_level, consent_updated_at,
                         consent_version, replaces_addresses)),
            written as (
                insert into customer.customer as c (shop_domain, shopify_id, email, first_name, last_name, phone,
                    state, note, verified_email, currency, created_at, updated_at, email_marketing_state,
                    email_marketing_opt_in_level, email_marketing_updated_at, email_consent_version)
                select shop_domain, shopify_id, email, first_name, last_name, phone, state, note, verified_email,
                    currency, created_at, updated_at, consent_state, consent_opt_in_level, consent_updated_at,
                    consent_version
                from incoming
                on conflict (shop_domain, shopify_id) do update set
                    email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
                    phone = excluded.phone, state = excluded.state, note = excluded.note,
                    verified_email = excluded.verified_email, currency = excluded.currency,
                    created_at = excluded.created_at, updated_at = excluded.updated_at,
                    email_marketing_state = case when %1$s then excluded.email_marketing_state
                        else c.email_marketing_state end,
                    email_marketing_opt_in_level = case when %1$s then excluded.email_marketing_opt_in_level
                        else c.email_marketing_opt_in_level end,
                    email_marketing_updated_at = case when %1$s then excluded.email_marketing_updated_at
                        else c.email_marketing_updated_at end,
                    email_consent_version = case when %1$s then excluded.email_consent_version
                        else c.email_consent_version end
                where c.deleted_at is null and (c.updated_at is null or c.updated_at < excluded.updated_at)
                returning c.id, c.shop_domain, c.shopify_id),
            book as (
                select w.id as customer_id, w.shop_domain, a.*
                from unnest($18::text[], $19::bigint[], $20::bigint[], $21::text[], $22::text[], $23::text[],
                    $24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[], $30::text[],
                    $31::text[], $32::text[], $33::boolean[])
                    as a(shop, customer_shopify_id, shopify_address_id, first_name, last_name, company, address1,
                         address2, city, province, province_code, country, country_code, zip, phone, is_default)
                join written w on w.shop_domain = a.shop and w.shopify_id = a.customer_shopify_id),
            removed as (
                delete from customer.customer_address old
                using written w join incoming i on i.shop_domain = w.shop_domain and i.shopify_id = w.shopify_id
                where old.customer_id = w.id and i.replaces_addresses
                  and not exists (select 1 from book b
                                  where b.customer_id = w.id and b.shopify_address_id = old.shopify_address_id)),
            kept as (
                insert into customer.customer_address as a (customer_id, shop_domain, customer_shopify_id,
                    shopify_address_id, first_name, last_name, company, address1, address2, city, province,
                    province_code, country, country_code, zip, phone, is_default)
                select customer_id, shop_domain, customer_shopify_id, shopify_address_id, first_name, last_name,
                    company, address1, address2, city, province, province_code, country, country_code, zip, phone,
                    is_default
                from book
                on conflict (customer_id, shopify_address_id) do update set
                    first_name = excluded.first_name, last_name = excluded.last_name, company = excluded.company,
                    address1 = excluded.address1, address2 = excluded.address2, city = excluded.city,
                    province = excluded.province, province_code = excluded.province_code,
                    country = excluded.country, country_code = excluded.country_code, zip = excluded.zip,
                    phone = excluded.phone, is_default = excluded.is_default)
            select shop_domain, shopify_id from written""".formatted(
                    "excluded.email_consent_version is not null and (c.email_consent_version is null "
                            + "or c.email_consent_version < excluded.email_consent_version)");

    /** One consent channel's newest change; a customer not seen yet gets a row that the first snapshot fills. */
    private static final String CONSENT = """
            insert into customer.customer as c (shop_domain, shopify_id, %1$s_marketing_state,
                %1$s_marketing_opt_in_level, %1$s_marketing_updated_at, %1$s_consent_version)
            select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])
            on conflict (shop_domain, shopify_id) do update set
                %1$s_marketing_state = excluded.%1$s_marketing_state,
                %1$s_marketing_opt_in_level = excluded.%1$s_marketing_opt_in_level,
                %1$s_marketing_updated_at = excluded.%1$s_marketing_updated_at,
                %1$s_consent_version = excluded.%1$s_consent_version
            where c.deleted_at is null
              and (c.%1$s_consent_version is null or c.%1$s_consent_version < excluded.%1$s_consent_version)
            returning shop_domain, shopify_id""";

    private static final String EMAIL_CONSENT = CONSENT.formatted("email");
    private static final String SMS_CONSENT = CONSENT.formatted("sms");

    private static final String PURCHASING_SUMMARY = """
            insert into customer.customer as c (shop_domain, shopify_id, number_of_orders, amount_spent,
                amount_spent_currency, purchasing_summary_version)
            select * from unnest($1::text[], $2::bigint[], $3::bigint[], $4::numeric[], $5::text[], $6::timestamptz[])
            on conflict (shop_domain, shopify_id) do update set
                number_of_orders = excluded.number_of_orders, amount_spent = excluded.amount_spent,
                amount_spent_currency = excluded.amount_spent_currency,
                purchasing_summary_version = excluded.purchasing_summary_version
            where c.deleted_at is null
              and (c.purchasing_summary_version is null or c.purchasing_summary_version < excluded.purchasing_summary_version)
            returning shop_domain, shopify_id""";

    /** A row for each customer a tag event names, so a tag that comes before the create has a customer to hang on. */
    private static final String CUSTOMER_ROWS = """
            insert into customer.customer (shop_domain, shopify_id)
            select * from unnest($1::text[], $2::bigint[])
            on conflict (shop_domain, shopify_id) do nothing""";

    /**
     * Tag changes, each tag's newest wins whatever the order (customer_tag.changed_at). A change from a snapshot's
     * whole tag list ($6, its updated_at) counts only when that snapshot is the customer's version now.
     */
    private static final String TAG_CHANGES = """
            insert into customer.customer_tag as t (customer_id, tag, present, changed_at)
            select c.id, u.tag, u.present, u.changed_at
            from unnest($1::text[], $2::bigint[], $3::text[], $4::boolean[], $5::timestamptz[], $6::timestamptz[])
                as u(shop_domain, shopify_id, tag, present, changed_at, snapshot_version)
            join customer.customer c on c.shop_domain = u.shop_domain and c.shopify_id = u.shopify_id
            where c.deleted_at is null and (u.snapshot_version is null or c.updated_at = u.snapshot_version)
            on conflict (customer_id, tag) do update set present = excluded.present, changed_at = excluded.changed_at
            where t.changed_at < excluded.changed_at""";

    /** A snapshot's whole tag list ($3, comma-joined): every other tag present is gone as of the snapshot. */
    private static final String TAGS_NOT_LISTED = """
            update customer.customer_tag t set present = false, changed_at = u.version
            from unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[])
                as u(shop_domain, shopify_id, listed, version)
            join customer.customer c on c.shop_domain = u.shop_domain and c.shopify_id = u.shopify_id
            where t.customer_id = c.id and c.deleted_at is null and c.updated_at = u.version and t.present
              and t.changed_at < u.version and not (t.tag = any(string_to_array(u.listed, ',')))""";

    /** Shopify's REST shape of the tags, one comma-separated string, kept on the customer for whoever reads it whole. */
    private static final String TAG_LISTS = """
            update customer.customer c set tags = (select string_agg(t.tag, ', ' order by t.tag)
                                                   from customer.customer_tag t where t.customer_id = c.id and t.present)
            from unnest($1::text[], $2::bigint[]) as u(shop_domain, shopify_id)
            where c.shop_domain = u.shop_domain and c.shopify_id = u.shopify_id and c.deleted_at is null
            returning c.shop_domain, c.shopify_id""";

    /**
     * customers/delete, customers/redact and the customer merged away: the personal data goes, with the addresses and
     * tags, and a tombstone stays that no later event revives; one never seen gets a tombstone that stops its create.
     */
    private static final String ERASURES = """
            with erased as (
                insert into customer.customer as c (shop_domain, shopify_id, deleted_at, merged_into_shopify_id)
                select * from unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::bigint[])
                on conflict (shop_domain, shopify_id) do update set
                    deleted_at = excluded.deleted_at, merged_into_shopify_id = excluded.merged_into_shopify_id,
                    email = null, first_name = null, last_name = null, phone = null, tags = null, note = null,
                    email_marketing_state = null, email_marketing_opt_in_level = null,
                    email_marketing_updated_at = null, sms_marketing_state = null, sms_marketing_opt_in_level = null,
                    sms_marketing_updated_at = null, verified_email = null
                where c.deleted_at is null
                returning c.id, c.shop_domain, c.shopify_id),
            addresses as (delete from customer.customer_address a using erased e where a.customer_id = e.id),
            tags as (delete from customer.customer_tag t using erased e where t.customer_id = e.id)
            select shop_domain, shopify_id from erased""";

    private final PersonalDataCipher cipher;

    public CustomerWrites(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** Writes the folds on the connection; marks stale each winning change the stored version beat. */
    public Uni<Void> write(SqlConnection connection, List<CustomerFold> folds) {
        List<Uni<Void>> statements = new ArrayList<>();
        statements.add(guarded(connection, SNAPSHOTS, snapshots(folds), folds, CustomerFold::snapshot));
        statements.add(guarded(
                connection,
                EMAIL_CONSENT,
                tuple(consents(folds, CustomerFold::emailConsent)),
                folds,
                CustomerFold::emailConsent));
        statements.add(guarded(
                connection,
                SMS_CONSENT,
                tuple(consents(folds, CustomerFold::smsConsent)),
                folds,
                CustomerFold::smsConsent));
        statements.add(guarded(
                connection, PURCHASING_SUMMARY, tuple(summaries(folds)), folds, CustomerFold::purchasingSummary));
        statements.addAll(tags(connection, folds));
        statements.add(erase(connection, erasures(folds))
                .invoke(erased -> folds.stream()
                        .filter(fold ->
                                fold.erasure() != null && !erased.contains(new Key(fold.shop(), fold.customerId())))
                        .forEach(fold -> fold.erasure().stale()))
                .replaceWithVoid());
        // sent one after the other without waiting: the server runs them in this order, in the poll's transaction
        return Uni.join().all(statements).andFailFast().replaceWithVoid();
    }

    /**
     * Runs a statement that answers the customers it changed (shop_domain, shopify_id), and marks stale the folds'
     * deliveries of that kind that it did not change.
     */
    private static Uni<Void> guarded(
            SqlConnection connection,
            String sql,
            Tuple parameters,
            List<CustomerFold> folds,
            Function<CustomerFold, Delivery<CustomerChange>> kind) {
        if (parameters == null) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(sql)
                .execute(parameters)
                .invoke(written -> {
                    Set<Key> changed = keys(written);
                    for (CustomerFold fold : folds) {
                        Delivery<CustomerChange> delivery = kind.apply(fold);
                        if (delivery != null && !changed.contains(new Key(fold.shop(), fold.customerId()))) {
                            delivery.stale();
                        }
                    }
                })
                .replaceWithVoid();
    }

    private static Tuple tuple(ColumnArrays rows) {
        return rows.isEmpty() ? null : rows.tuple();
    }

    /** A customer of a shop, as a statement answers it. */
    public record Key(String shop, long customerId) {}

    private static Set<Key> keys(RowSet<Row> rows) {
        Set<Key> keys = new HashSet<>();
        for (Row row : rows) {
            keys.add(new Key(row.getString(0), row.getLong(1)));
        }
        return keys;
    }

    /** The snapshots' customers ($1 to $17) and, after them, their addresses ($18 to $33); null when there is none. */
    private Tuple snapshots(List<CustomerFold> folds) {
        ColumnArrays customers = new ColumnArrays();
        ColumnArrays addresses = new ColumnArrays(
                TEXT, BIGINT, BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BOOLEAN);
        for (CustomerFold fold : folds) {
            CustomerSnapshot s = fold.snapshotValue();
            if (s == null) {
                continue;
            }
            CustomerSnapshot.EmailMarketingConsent consent = s.emailMarketingConsent();
            RowKey customer = EncryptedColumns.customerKey(fold.shop(), s.id());
            customers
                    .row()
                    .text(fold.shop())
                    .bigint(s.id())
                    .text(encrypt(s.email(), EncryptedColumns.CUSTOMER_EMAIL, customer))
                    .text(encrypt(s.firstName(), EncryptedColumns.CUSTOMER_FIRST_NAME, customer))
                    .text(encrypt(s.lastName(), EncryptedColumns.CUSTOMER_LAST_NAME, customer))
                    .text(encrypt(s.phone(), EncryptedColumns.CUSTOMER_PHONE, customer))
                    .text(s.state())
                    .text(encrypt(s.note(), EncryptedColumns.CUSTOMER_NOTE, customer))
                    .bool(s.verifiedEmail())
                    .text(s.currency())
                    .timestamptz(s.createdAt())
                    .timestamptz(s.updatedAt())
                    .text(consent == null ? null : consent.state())
                    .text(consent == null ? null : consent.optInLevel())
                    .timestamptz(consent == null ? null : consent.consentUpdatedAt())
                    // the snapshot's consent is as new as the snapshot, unless the consent says when it changed
                    .timestamptz(
                            consent == null
                                    ? null
                                    : consent.consentUpdatedAt() != null ? consent.consentUpdatedAt() : s.updatedAt())
                    .bool(s.addresses() != null);
            for (AddressSnapshot a : s.addresses() == null ? List.<AddressSnapshot>of() : s.addresses()) {
                RowKey address = EncryptedColumns.addressKey(fold.shop(), s.id(), a.id());
                addresses
                        .row()
                        .text(fold.shop())
                        .bigint(s.id())
                        .bigint(a.id())
                        .text(encrypt(a.firstName(), EncryptedColumns.ADDRESS_FIRST_NAME, address))
                        .text(encrypt(a.lastName(), EncryptedColumns.ADDRESS_LAST_NAME, address))
                        .text(encrypt(a.company(), EncryptedColumns.ADDRESS_COMPANY, address))
                        .text(encrypt(a.address1(), EncryptedColumns.ADDRESS_ADDRESS1, address))
                        .text(encrypt(a.address2(), EncryptedColumns.ADDRESS_ADDRESS2, address))
                        .text(encrypt(a.city(), EncryptedColumns.ADDRESS_CITY, address))
                        .text(a.province())
                        .text(a.provinceCode())
                        .text(a.country())
                        .text(a.countryCode())
                        .text(encrypt(a.zip(), EncryptedColumns.ADDRESS_ZIP, address))
                        .text(encrypt(a.phone(), EncryptedColumns.ADDRESS_PHONE, address))
                        .bool(a.isDefault());
            }
        }
        return customers.isEmpty() ? null : addresses.appendTo(customers.tuple());
    }

    private static ColumnArrays consents(
            List<CustomerFold> folds, Function<CustomerFold, Delivery<CustomerChange>> of) {
        ColumnArrays rows = new ColumnArrays();
        for (CustomerFold fold : folds) {
            Delivery<CustomerChange> delivery = of.apply(fold);
            if (delivery != null) {
                CustomerChange.Consent consent = (CustomerChange.Consent) delivery.change();
                rows.row()
                        .text(fold.shop())
                        .bigint(fold.customerId())
                        .text(consent.state())
                        .text(consent.optInLevel())
                        .timestamptz(consent.consentUpdatedAt())
                        .timestamptz(consent.version());
            }
        }
        return rows;
    }

    private static ColumnArrays summaries(List<CustomerFold> folds) {
        ColumnArrays rows = new ColumnArrays();
        for (CustomerFold fold : folds) {
            if (fold.purchasingSummary() != null) {
                var summary = (CustomerChange.PurchasingSummary)
                        fold.purchasingSummary().change();
                rows.row()
                        .text(fold.shop())
                        .bigint(fold.customerId())
                        .bigint(summary.numberOfOrders())
                        .numeric(summary.amountSpent())
                        .text(summary.currency())
                        .timestamptz(summary.occurredAt());
            }
        }
        return rows;
    }

    /** A customer to erase: when, and the customer they were merged into, if that is why. */
    public record Erasure(String shop, long customerId, Instant at, Long mergedInto) {}

    /**
     * Erases the customers, leaving tombstones; also what customers/redact does.
     *
     * @return the customers erased now; one that was a tombstone already is not among them
     */
    public Uni<Set<Key>> erase(SqlConnection connection, List<Erasure> erasures) {
        if (erasures.isEmpty()) {
            return Uni.createFrom().item(Set.<Key>of());
        }
        ColumnArrays rows = new ColumnArrays();
        erasures.forEach(e -> rows.row()
                .text(e.shop())
                .bigint(e.customerId())
                .timestamptz(e.at())
                .bigint(e.mergedInto()));
        return connection.preparedQuery(ERASURES).execute(rows.tuple()).map(CustomerWrites::keys);
    }

    private static List<Erasure> erasures(List<CustomerFold> folds) {
        List<Erasure> erasures = new ArrayList<>();
        for (CustomerFold fold : folds) {
            if (fold.erasure() != null) {
                CustomerChange change = fold.erasure().change();
                erasures.add(
                        change instanceof CustomerChange.Merge merge
                                ? new Erasure(fold.shop(), fold.customerId(), merge.mergedAt(), merge.customerId())
                                : new Erasure(
                                        fold.shop(),
                                        fold.customerId(),
                                        ((CustomerChange.Erase) change).deletedAt(),
                                        null));
            }
        }
        return erasures;
    }

    /** The tag statements: rows for the customers named, the changes, the lists a snapshot replaces, the strings. */
    private static List<Uni<Void>> tags(SqlConnection connection, List<CustomerFold> folds) {
        ColumnArrays named = new ColumnArrays();
        ColumnArrays fromEvents = new ColumnArrays();
        ColumnArrays fromSnapshots = new ColumnArrays();
        ColumnArrays lists = new ColumnArrays();
        ColumnArrays changed = new ColumnArrays();
        for (CustomerFold fold : folds) {
            CustomerSnapshot snapshot = fold.snapshotValue();
            List<String> listed = snapshot == null || snapshot.tags() == null ? null : listed(snapshot.tags());
            if (!fold.tags().isEmpty()) {
                named.row().text(fold.shop()).bigint(fold.customerId());
                fold.tags()
                        .forEach((tag, change) -> fromEvents
                                .row()
                                .text(fold.shop())
                                .bigint(fold.customerId())
                                .text(tag)
                                .bool(change.present())
                                .timestamptz(change.at())
                                .timestamptz(null));
            }
            if (listed != null) {
                for (String tag : listed) {
                    fromSnapshots
                            .row()
                            .text(fold.shop())
                            .bigint(fold.customerId())
                            .text(tag)
                            .bool(true)
                            .timestamptz(snapshot.updatedAt())
                            .timestamptz(snapshot.updatedAt());
                }
                lists.row()
                        .text(fold.shop())
                        .bigint(fold.customerId())
                        .text(String.join(",", listed))
                        .timestamptz(snapshot.updatedAt());
            }
            if (!fold.tags().isEmpty() || listed != null) {
                changed.row().text(fold.shop()).bigint(fold.customerId());
            }
        }
        List<Uni<Void>> statements = new ArrayList<>();
        statements.add(run(connection, CUSTOMER_ROWS, named));
        statements.add(run(connection, TAGS_NOT_LISTED, lists));
        statements.add(run(connection, TAG_CHANGES, fromSnapshots));
        statements.add(run(connection, TAG_CHANGES, fromEvents));
        statements.add(
                changed.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : connection
                                .preparedQuery(TAG_LISTS)
                                .execute(changed.tuple())
                                .invoke(rows -> {
                                    // a tag event of a customer who is a tombstone changed nothing
                                    Set<Key> live = keys(rows);
                                    folds.stream()
                                            .filter(f -> !live.contains(new Key(f.shop(), f.customerId())))
                                            .forEach(f -> f.tagDeliveries().forEach(Delivery::stale));
                                })
                                .replaceWithVoid());
        return statements;
    }

    /** A snapshot's comma-separated tag list: stripped, blanks and repeats left out. */
    static List<String> listed(String tagList) {
        return java.util.Arrays.stream(tagList.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    private static Uni<Void> run(SqlConnection connection, String sql, ColumnArrays rows) {
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).execute(rows.tuple()).replaceWithVoid();
    }

    private String encrypt(String value, EncryptedColumn column, RowKey row) {
        return cipher.encrypt(value, column, row);
    }
}
