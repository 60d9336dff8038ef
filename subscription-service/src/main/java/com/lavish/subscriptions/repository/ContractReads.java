package com.lavish.subscriptions.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.subscriptions.repository.RowValues.bigInteger;
import static com.lavish.subscriptions.repository.RowValues.instant;
import static com.lavish.subscriptions.repository.RowValues.integer;

import com.lavish.consumer.ColumnArrays;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.EncryptedColumns;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.service.ContractChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads what a poll's rules decide on into a {@link ContractChanges}, with a few set-based selects sent at once on the
 * poll's connection (pipelined): its contracts, locked {@code FOR UPDATE} in key order (the contract's writers take
 * turns on its row: these polls, the storefront's actions, the billing run), their pending actions, the billing
 * attempts its events name, and which of its customers asked to be redacted. Lines are not read: a whole contract
 * replaces them by gid in the write, and a confirmed edit changes them there.
 */
@ApplicationScoped
public class ContractReads {

    /** The contracts a poll of shopify.subscriptions names ($1, $2) or reaches through an attempt's key ($3, $4). */
    private static final String OF_EVENTS = """
            (c.shop_domain, c.shopify_id) in (select * from unnest($1::text[], $2::bigint[]))
            or (c.shop_domain, c.shopify_id) in (
                select a.shop_domain, a.contract_shopify_id from subscription.billing_attempt a
                where (a.shop_domain, a.idempotency_key) in (select * from unnest($3::text[], $4::text[])))""";

    /** The contracts a poll of sync.results reaches through its commands' actions ($1) and attempts ($2). */
    private static final String OF_RESULTS = """
            (c.shop_domain, c.shopify_id) in (
                select a.shop_domain, a.contract_shopify_id from subscription.contract_action a
                where a.command_id = any($1::text[])
                union all
                select b.shop_domain, b.contract_shopify_id from subscription.billing_attempt b
                where b.command_id = any($2::text[]))""";

    private static final String CONTRACTS = "select c.* from subscription.subscription_contract c where %s "
            + "order by c.shop_domain, c.shopify_id for update of c";

    private static final String PENDING_ACTIONS = "select a.* from subscription.contract_action a "
            + "join subscription.subscription_contract c on c.pending_action_id = a.id where %s";

    private static final String ATTEMPTS_BY_KEY = """
            select * from subscription.billing_attempt
            where (shop_domain, idempotency_key) in (select * from unnest($1::text[], $2::text[]))
            order by id for update""";

    private static final String ATTEMPTS_BY_COMMAND = """
            select * from subscription.billing_attempt where command_id = any($1::text[]) order by id for update""";

    private static final String ACTIONS_BY_COMMAND = """
            select * from subscription.contract_action where command_id = any($1::text[]) order by id for update""";

    /** The customers among the poll's ($1, $2) and its stored contracts' ($3, $4) who asked to be redacted. */
    private static final String REDACTED = """
            select distinct r.shop_domain, r.shopify_customer_id from subscription.privacy_request r
            where r.type = '%s' and (r.shop_domain, r.shopify_customer_id) in (
                select * from unnest($1::text[], $2::bigint[])
                union all
                select c.shop_domain, c.shopify_customer_id from subscription.subscription_contract c
                where (c.shop_domain, c.shopify_id) in (select * from unnest($3::text[], $4::bigint[])))""".formatted(PrivacyRequest.CUSTOMERS_REDACT);

    private final PersonalDataCipher cipher;

    public ContractReads(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** What a poll of shopify.subscriptions reads: its contract versions' and billing attempt reports' rows. */
    public static final class EventKeys {

        private final ColumnArrays contracts = new ColumnArrays(TEXT, BIGINT);
        private final ColumnArrays attempts = new ColumnArrays(TEXT, TEXT);
        private final ColumnArrays customers = new ColumnArrays(TEXT, BIGINT);

        public void contract(String shop, long contractId, Long customerId) {
            contracts.row().text(shop).bigint(contractId);
            if (customerId != null) {
                customers.row().text(shop).bigint(customerId);
            }
        }

        public void attempt(String shop, String idempotencyKey) {
            attempts.row().text(shop).text(idempotencyKey);
        }

        boolean isEmpty() {
            return contracts.isEmpty() && attempts.isEmpty();
        }
    }

    public Uni<ContractChanges> forEvents(SqlConnection connection, EventKeys keys) {
        ContractChanges changes = new ContractChanges();
        if (keys.isEmpty()) {
            return Uni.createFrom().item(changes);
        }
        Tuple reached = keys.attempts.appendTo(keys.contracts.tuple());
        List<Uni<Void>> reads = new ArrayList<>();
        reads.add(read(connection, CONTRACTS.formatted(OF_EVENTS), reached, this::contract, changes::loaded));
        reads.add(read(connection, PENDING_ACTIONS.formatted(OF_EVENTS), reached, this::action, changes::loaded));
        if (!keys.attempts.isEmpty()) {
            reads.add(
                    read(connection, ATTEMPTS_BY_KEY, keys.attempts.tuple(), ContractReads::attempt, changes::loaded));
        }
        if (!keys.contracts.isEmpty()) {
            reads.add(connection
                    .preparedQuery(REDACTED)
                    .execute(keys.contracts.appendTo(keys.customers.tuple()))
                    .invoke(rows -> rows.forEach(
                            row -> changes.redacted(row.getString("shop_domain"), row.getLong("shopify_customer_id"))))
                    .replaceWithVoid());
        }
        // sent one after the other without waiting: the contracts are locked before the rest is read
        return Uni.join().all(reads).andFailFast().replaceWith(changes);
    }

    /** What a poll of sync.results reads: the actions and attempts its commands made, and their contracts. */
    public Uni<ContractChanges> forResults(
            SqlConnection connection, List<String> actionCommands, List<String> attemptCommands) {
        ContractChanges changes = new ContractChanges();
        if (actionCommands.isEmpty() && attemptCommands.isEmpty()) {
            return Uni.createFrom().item(changes);
        }
        Tuple actions = Tuple.tuple().addArrayOfString(actionCommands.toArray(new String[0]));
        Tuple attempts = Tuple.tuple().addArrayOfString(attemptCommands.toArray(new String[0]));
        Tuple both = Tuple.tuple()
                .addArrayOfString(actionCommands.toArray(new String[0]))
                .addArrayOfString(attemptCommands.toArray(new String[0]));
        return Uni.join()
                .all(
                        read(connection, CONTRACTS.formatted(OF_RESULTS), both, this::contract, changes::loaded),
                        read(connection, ACTIONS_BY_COMMAND, actions, this::action, changes::loaded),
                        read(connection, ATTEMPTS_BY_COMMAND, attempts, ContractReads::attempt, changes::loaded))
                .andFailFast()
                .replaceWith(changes);
    }

    private static <T> Uni<Void> read(
            SqlConnection connection, String sql, Tuple parameters, Function<Row, T> map, Consumer<T> into) {
        return connection
                .preparedQuery(sql)
                .execute(parameters)
                .invoke(rows -> rows.forEach(row -> into.accept(map.apply(row))))
                .replaceWithVoid();
    }

    private SubscriptionContract contract(Row row) {
        SubscriptionContract c = SubscriptionContract.of(row.getString("shop_domain"), row.getLong("shopify_id"));
        c.id = row.getLong("id");
        c.shopifyCustomerId = row.getLong("shopify_customer_id");
        c.originOrderId = row.getLong("origin_order_id");
        c.status = row.getString("status");
        c.currencyCode = row.getString("currency_code");
        c.revisionId = bigInteger(row, "revision_id");
        c.versionTime = instant(row, "version_time");
        c.fetchedRevisionId = bigInteger(row, "fetched_revision_id");
        c.nextBillingDate = instant(row, "next_billing_date");
        c.billingInterval = row.getString("billing_interval");
        c.billingIntervalCount = row.getInteger("billing_interval_count");
        c.billingMinCycles = row.getInteger("billing_min_cycles");
        c.billingMaxCycles = row.getInteger("billing_max_cycles");
        c.deliveryInterval = row.getString("delivery_interval");
        c.deliveryIntervalCount = row.getInteger("delivery_interval_count");
        RowKey key = EncryptedColumns.contractKey(c.shopDomain, c.shopifyId);
        c.deliveryFirstName = decrypt(row, EncryptedColumns.DELIVERY_FIRST_NAME, key);
        c.deliveryLastName = decrypt(row, EncryptedColumns.DELIVERY_LAST_NAME, key);
        c.deliveryAddress1 = decrypt(row, EncryptedColumns.DELIVERY_ADDRESS1, key);
        c.deliveryAddress2 = decrypt(row, EncryptedColumns.DELIVERY_ADDRESS2, key);
        c.deliveryCity = decrypt(row, EncryptedColumns.DELIVERY_CITY, key);
        c.deliveryProvinceCode = row.getString("delivery_province_code");
        c.deliveryCountryCode = row.getString("delivery_country_code");
        c.deliveryZip = decrypt(row, EncryptedColumns.DELIVERY_ZIP, key);
        c.deliveryPhone = decrypt(row, EncryptedColumns.DELIVERY_PHONE, key);
        c.pendingActionId = row.getLong("pending_action_id");
        c.billingInFlight = row.getString("billing_in_flight");
        c.failedAttempts = integer(row, "failed_attempts");
        c.nextRetryAt = instant(row, "next_retry_at");
        c.endedAt = instant(row, "ended_at");
        c.createdAt = instant(row, "created_at");
        c.syncedAt = instant(row, "synced_at");
        return c;
    }

    private String decrypt(Row row, EncryptedColumn column, RowKey key) {
        return cipher.decrypt(row.getString(column.column()), column, key);
    }

    private ContractAction action(Row row) {
        ContractAction a = new ContractAction();
        a.id = row.getLong("id");
        a.shopDomain = row.getString("shop_domain");
        a.contractShopifyId = row.getLong("contract_shopify_id");
        a.action = row.getString("action");
        a.requestedBy = row.getString("requested_by");
        a.state = row.getString("state");
        a.commandId = row.getString("command_id");
        a.idempotencyKey = row.getString("idempotency_key");
        a.cycleDate = row.getLocalDate("cycle_date");
        a.edit = decrypt(
                row,
                EncryptedColumns.ACTION_EDIT,
                EncryptedColumns.actionKey(a.shopDomain, a.contractShopifyId, a.commandId));
        a.message = row.getString("message");
        a.requestedAt = instant(row, "requested_at");
        a.completedAt = instant(row, "completed_at");
        return a;
    }

    private static BillingAttempt attempt(Row row) {
        BillingAttempt a = new BillingAttempt();
        a.id = row.getLong("id");
        a.shopDomain = row.getString("shop_domain");
        a.contractShopifyId = row.getLong("contract_shopify_id");
        a.cycleDate = row.getLocalDate("cycle_date");
        a.attemptNumber = integer(row, "attempt_number");
        a.idempotencyKey = row.getString("idempotency_key");
        a.commandId = row.getString("command_id");
        a.state = row.getString("state");
        a.shopifyAttemptId = row.getLong("shopify_attempt_id");
        a.orderId = row.getLong("order_id");
        a.amount = row.getBigDecimal("amount");
        a.currencyCode = row.getString("currency_code");
        a.errorCode = row.getString("error_code");
        a.errorMessage = row.getString("error_message");
        a.requestedAt = instant(row, "requested_at");
        a.completedAt = instant(row, "completed_at");
        return a;
    }
}
