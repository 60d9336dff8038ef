package com.lavish.subscriptions.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.INTEGER;
import static com.lavish.consumer.ColumnArrays.Kind.NUMERIC;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.subscriptions.repository.RowValues.numeric;

import com.lavish.consumer.ColumnArrays;
import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.EncryptedColumns;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.SubscriptionLine;
import com.lavish.subscriptions.service.ContractChanges;
import com.lavish.subscriptions.service.ContractEvents;
import com.lavish.subscriptions.service.PendingActions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what a poll's rules made of its {@link ContractChanges}: one set-based statement per kind of row, all sent at
 * once on the poll's connection (pipelined, in this order, in its transaction). The contracts were read locked, so a
 * contract row is written whole as the rules left it; one that was absent when read is inserted, and if another
 * consumer inserted it meanwhile (a rebalance) the unique key fails the poll, which is tried again and then reads it.
 * Personal columns are encrypted here, in Java, bound to their rows' keys, which the poll knows before the statement
 * runs (ADR 0005): no round trip per row.
 */
@ApplicationScoped
public class ContractWrites {

    /**
     * The contracts read ($1 is their id) are updated, the new ones (no id) inserted; a contract whose whole version
     * was applied ($33) has its lines ($34 to $46) brought to that version by gid: the others deleted, the ones kept
     * updated in place, new ones added.
     */
    private static final String CONTRACTS = """
            with incoming as (
                select * from unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[],
                    $7::text[], $8::numeric[], $9::timestamptz[], $10::numeric[], $11::timestamptz[], $12::text[],
                    $13::integer[], $14::integer[], $15::integer[], $16::text[], $17::integer[], $18::text[],
                    $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[],
                    $26::text[], $27::bigint[], $28::text[], $29::integer[], $30::timestamptz[], $31::timestamptz[],
                    $32::timestamptz[], $33::boolean[])
                    as i(id, shop_domain, shopify_id, shopify_customer_id, origin_order_id, status, currency_code,
                         revision_id, version_time, fetched_revision_id, next_billing_date, billing_interval,
                         billing_interval_count, billing_min_cycles, billing_max_cycles, delivery_interval,
                         delivery_interval_count, delivery_first_name, delivery_last_name, delivery_address1,
                         delivery_address2, delivery_city, delivery_province_code, delivery_country_code, delivery_zip,
                         delivery_phone, pending_action_id, billing_in_flight, failed_attempts, next_retry_at,
                         ended_at, synced_at, replaces_lines)),
            updated as (
                update subscription.subscription_contract c set shopify_customer_id = i.shopify_customer_id,
                    origin_order_id = i.origin_order_id, status = i.status, currency_code = i.currency_code,
                    revision_id = i.revision_id, version_time = i.version_time,
                    fetched_revision_id = i.fetched_revision_id, next_billing_date = i.next_billing_date,
                    billing_interval = i.billing_interval, billing_interval_count = i.billing_interval_count,
                    billing_min_cycles = i.billing_min_cycles, billing_max_cycles = i.billing_max_cycles,
                    delivery_interval = i.delivery_interval, delivery_interval_count = i.delivery_interval_count,
                    delivery_first_name = i.delivery_first_name, delivery_last_name = i.delivery_last_name,
                    delivery_address1 = i.delivery_address1, delivery_address2 = i.delivery_address2,
                    delivery_city = i.delivery_city, delivery_province_code = i.delivery_province_code,
                    delivery_country_code = i.delivery_country_code, delivery_zip = i.delivery_zip,
                    delivery_phone = i.delivery_phone, pending_action_id = i.pending_action_id,
                    billing_in_flight = i.billing_in_flight, failed_attempts = i.failed_attempts,
                    next_retry_at = i.next_retry_at, ended_at = i.ended_at, synced_at = i.synced_at
                from incoming i where c.id = i.id
                returning c.id, c.shop_domain, c.shopify_id),
            inserted as (
                insert into subscription.subscription_contract (shop_domain, shopify_id, shopify_customer_id,
                    origin_order_id, status, currency_code, revision_id, version_time, fetched_revision_id,
                    next_billing_date, billing_interval, billing_interval_count, billing_min_cycles,
                    billing_max_cycles, delivery_interval, delivery_interval_count, delivery_first_name,
                    delivery_last_name, delivery_address1, delivery_address2, delivery_city, delivery_province_code,
                    delivery_country_code, delivery_zip, delivery_phone, pending_action_id, billing_in_flight,
                    failed_attempts, next_retry_at, ended_at, synced_at)
                select shop_domain, shopify_id, shopify_customer_id, origin_order_id, status, currency_code,
                    revision_id, version_time, fetched_revision_id, next_billing_date, billing_interval,
                    billing_interval_count, billing_min_cycles, billing_max_cycles, delivery_interval,
                    delivery_interval_count, delivery_first_name, delivery_last_name, delivery_address1,
                    delivery_address2, delivery_city, delivery_province_code, delivery_country_code, delivery_zip,
                    delivery_phone, pending_action_id, billing_in_flight, failed_attempts, next_retry_at, ended_at,
                    synced_at
                from incoming where id is null
                returning id, shop_domain, shopify_id),
            written as (select * from updated union all select * from inserted),
            line as (
                select w.id as contract_id, l.*
                from unnest($34::text[], $35::bigint[], $36::text[], $37::bigint[], $38::bigint[], $39::bigint[],
                    $40::text[], $41::text[], $42::text[], $43::text[], $44::integer[], $45::numeric[], $46::text[])
                    as l(shop_domain, contract_shopify_id, shopify_line_id, product_id, variant_id, selling_plan_id,
                         selling_plan_name, title, variant_title, sku, quantity, current_price, currency_code)
                join written w on w.shop_domain = l.shop_domain and w.shopify_id = l.contract_shopify_id),
            removed as (
                delete from subscription.subscription_line old
                using written w join incoming i on i.shop_domain = w.shop_domain and i.shopify_id = w.shopify_id
                where old.contract_id = w.id and i.replaces_lines
                  and not exists (select 1 from line l
                                  where l.contract_id = w.id and l.shopify_line_id = old.shopify_line_id))
            insert into subscription.subscription_line as s (contract_id, shop_domain, shopify_line_id, product_id,
                variant_id, selling_plan_id, selling_plan_name, title, variant_title, sku, quantity, current_price,
                currency_code)
            select contract_id, shop_domain, shopify_line_id, product_id, variant_id, selling_plan_id,
                selling_plan_name, title, variant_title, sku, quantity, current_price, currency_code
            from line
            on conflict (contract_id, shopify_line_id) do update set product_id = excluded.product_id,
                variant_id = excluded.variant_id, selling_plan_id = excluded.selling_plan_id,
                selling_plan_name = excluded.selling_plan_name, title = excluded.title,
                variant_title = excluded.variant_title, sku = excluded.sku, quantity = excluded.quantity,
                current_price = excluded.current_price, currency_code = excluded.currency_code""";

    /** Actions read pending and settled by the poll; one settled meanwhile by another writer is left as it is. */
    private static final String ACTIONS_SETTLED = """
            update subscription.contract_action a set state = i.state, message = i.message,
                completed_at = i.completed_at
            from unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[]) as i(id, state, message, completed_at)
            where a.id = i.id and a.state = 'pending'""";

    /** Actions the poll started, each pending on its contract unless the poll settled it already. */
    private static final String ACTIONS_STARTED = """
            with started as (
                insert into subscription.contract_action (shop_domain, contract_shopify_id, action, requested_by,
                    state, command_id, idempotency_key, cycle_date, edit, message, requested_at, completed_at)
                select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                    $7::text[], $8::date[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[])
                returning id, shop_domain, contract_shopify_id, state)
            update subscription.subscription_contract c set pending_action_id = s.id
            from started s
            where c.shop_domain = s.shop_domain and c.shopify_id = s.contract_shopify_id and s.state = 'pending'""";

    /** Attempts read and changed ($1 is their id), and the ones Shopify reported that this service never asked. */
    private static final String ATTEMPTS = """
            with incoming as (
                select * from unnest($1::bigint[], $2::text[], $3::bigint[], $4::integer[], $5::text[], $6::text[],
                    $7::bigint[], $8::bigint[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[])
                    as i(id, shop_domain, contract_shopify_id, attempt_number, idempotency_key, state,
                         shopify_attempt_id, order_id, error_code, error_message, requested_at, completed_at)),
            changed as (
                update subscription.billing_attempt a set state = i.state, shopify_attempt_id = i.shopify_attempt_id,
                    order_id = i.order_id, error_code = i.error_code, error_message = i.error_message,
                    completed_at = i.completed_at
                from incoming i where a.id = i.id)
            insert into subscription.billing_attempt (shop_domain, contract_shopify_id, attempt_number,
                idempotency_key, state, shopify_attempt_id, order_id, error_code, error_message, requested_at,
                completed_at)
            select shop_domain, contract_shopify_id, attempt_number, idempotency_key, state, shopify_attempt_id,
                order_id, error_code, error_message, requested_at, completed_at
            from incoming where id is null
            on conflict (shop_domain, idempotency_key) do nothing""";

    /** In the order the rules took them: the customer reads them newest first, by id. */
    private static final String STEPS = """
            insert into subscription.dunning_step (shop_domain, contract_shopify_id, cycle_date, attempt_number, step,
                path, error_code, message, next_retry_at, occurred_at)
            select shop_domain, contract_shopify_id, cycle_date, attempt_number, step, path, error_code, message,
                next_retry_at, occurred_at
            from unnest($1::text[], $2::bigint[], $3::date[], $4::integer[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::timestamptz[], $10::timestamptz[]) with ordinality
                as s(shop_domain, contract_shopify_id, cycle_date, attempt_number, step, path, error_code, message,
                     next_retry_at, occurred_at, n)
            order by n""";

    private static final String CYCLES_UNSKIPPED = """
            delete from subscription.skipped_cycle
            where (shop_domain, contract_shopify_id, cycle_date)
                in (select * from unnest($1::text[], $2::bigint[], $3::date[]))""";

    private static final String CYCLES_SKIPPED = """
            insert into subscription.skipped_cycle (shop_domain, contract_shopify_id, cycle_date, cycle_index,
                skipped_at)
            select * from unnest($1::text[], $2::bigint[], $3::date[], $4::integer[], $5::timestamptz[])
            on conflict (shop_domain, contract_shopify_id, cycle_date) do nothing
            returning shop_domain, contract_shopify_id, cycle_date""";

    private static final String LINE_QUANTITIES = """
            update subscription.subscription_line l set quantity = e.quantity
            from unnest($1::bigint[], $2::text[], $3::integer[]) as e(contract_id, line_id, quantity)
            where l.contract_id = e.contract_id and l.shopify_line_id = e.line_id""";

    /** The lines on a plan take the plan confirmed, named as the catalogue names it. */
    private static final String LINE_PLANS = """
            update subscription.subscription_line l set selling_plan_id = e.plan_id,
                selling_plan_name = (select p.name from subscription.selling_plan p
                                     where p.shop_domain = l.shop_domain and p.shopify_id = e.plan_id
                                     order by p.id limit 1)
            from unnest($1::bigint[], $2::bigint[]) as e(contract_id, plan_id)
            where l.contract_id = e.contract_id and l.selling_plan_id is not null""";

    private final PersonalDataCipher cipher;
    private final SubscriptionEventRows events;

    public ContractWrites(PersonalDataCipher cipher, SubscriptionEventRows events) {
        this.cipher = cipher;
        this.events = events;
    }

    /**
     * The poll's rows, then its commands and events into the outbox: after the rest when it causes events, whose
     * contract part is read back as the poll leaves it; pipelined with the rest when it causes none.
     */
    public Uni<Void> write(SqlConnection connection, ContractChanges changes) {
        Instant now = Instant.now();
        List<ContractEvents.Asked> asked = new ArrayList<>(changes.events(now));
        boolean eventsToTell = !asked.isEmpty() || !changes.cyclesToInsert().isEmpty();
        List<Uni<Void>> statements = new ArrayList<>();
        statements.add(contracts(connection, changes));
        statements.add(run(connection, ACTIONS_SETTLED, settledActions(changes)));
        statements.add(run(connection, ACTIONS_STARTED, startedActions(changes)));
        statements.add(run(connection, ATTEMPTS, attempts(changes)));
        statements.add(run(connection, STEPS, steps(changes)));
        statements.add(run(connection, CYCLES_UNSKIPPED, cycles(changes.cyclesToDelete(), false)));
        statements.add(skipped(connection, changes.cyclesToInsert(), asked, now));
        statements.addAll(lineEdits(connection, changes));
        if (!eventsToTell) {
            statements.add(events.write(connection, changes.commands(), List.of()));
        }
        // sent one after the other without waiting: the server runs them in this order, in the poll's transaction
        Uni<Void> written = Uni.join().all(statements).andFailFast().replaceWithVoid();
        return eventsToTell ? written.chain(() -> events.write(connection, changes.commands(), asked)) : written;
    }

    /** Skips the cycles; a cycle skipped now, and not before, is told as SKIPPED (a skip delivered again is not). */
    private static Uni<Void> skipped(
            SqlConnection connection,
            List<ContractChanges.CycleChange> cycles,
            List<ContractEvents.Asked> asked,
            Instant now) {
        ColumnArrays rows = cycles(cycles, true);
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection
                        .preparedQuery(CYCLES_SKIPPED)
                        .execute(rows.tuple())
                        .invoke(inserted -> inserted.forEach(row -> asked.add(new ContractEvents.Asked(
                                SubscriptionEventType.SKIPPED,
                                row.getString("shop_domain"),
                                row.getLong("contract_shopify_id"),
                                now,
                                row.getLocalDate("cycle_date"),
                                null,
                                null))))
                        .replaceWithVoid();
    }

    static Uni<Void> run(SqlConnection connection, String sql, ColumnArrays rows) {
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).execute(rows.tuple()).replaceWithVoid();
    }

    private Uni<Void> contracts(SqlConnection connection, ContractChanges changes) {
        ColumnArrays contracts = new ColumnArrays();
        ColumnArrays lines = new ColumnArrays(
                TEXT, BIGINT, TEXT, BIGINT, BIGINT, BIGINT, TEXT, TEXT, TEXT, TEXT, INTEGER, NUMERIC, TEXT);
        for (SubscriptionContract c : changes.changedContracts()) {
            boolean replacesLines = changes.replacesLines(c);
            RowKey key = EncryptedColumns.contractKey(c.shopDomain, c.shopifyId);
            contracts
                    .row()
                    .bigint(c.id)
                    .text(c.shopDomain)
                    .bigint(c.shopifyId)
                    .bigint(c.shopifyCustomerId)
                    .bigint(c.originOrderId)
                    .text(c.status)
                    .text(c.currencyCode)
                    .numeric(numeric(c.revisionId))
                    .timestamptz(c.versionTime)
                    .numeric(numeric(c.fetchedRevisionId))
                    .timestamptz(c.nextBillingDate)
                    .text(c.billingInterval)
                    .integer(c.billingIntervalCount)
                    .integer(c.billingMinCycles)
                    .integer(c.billingMaxCycles)
                    .text(c.deliveryInterval)
                    .integer(c.deliveryIntervalCount)
                    .text(encrypt(c.deliveryFirstName, EncryptedColumns.DELIVERY_FIRST_NAME, key))
                    .text(encrypt(c.deliveryLastName, EncryptedColumns.DELIVERY_LAST_NAME, key))
                    .text(encrypt(c.deliveryAddress1, EncryptedColumns.DELIVERY_ADDRESS1, key))
                    .text(encrypt(c.deliveryAddress2, EncryptedColumns.DELIVERY_ADDRESS2, key))
                    .text(encrypt(c.deliveryCity, EncryptedColumns.DELIVERY_CITY, key))
                    .text(c.deliveryProvinceCode)
                    .text(c.deliveryCountryCode)
                    .text(encrypt(c.deliveryZip, EncryptedColumns.DELIVERY_ZIP, key))
                    .text(encrypt(c.deliveryPhone, EncryptedColumns.DELIVERY_PHONE, key))
                    .bigint(c.pendingActionId)
                    .text(c.billingInFlight)
                    .integer(c.failedAttempts)
                    .timestamptz(c.nextRetryAt)
                    .timestamptz(c.endedAt)
                    .timestamptz(c.syncedAt)
                    .bool(replacesLines);
            if (replacesLines) {
                for (SubscriptionLine l : c.lines) {
                    lines.row()
                            .text(c.shopDomain)
                            .bigint(c.shopifyId)
                            .text(l.shopifyLineId)
                            .bigint(l.productId)
                            .bigint(l.variantId)
                            .bigint(l.sellingPlanId)
                            .text(l.sellingPlanName)
                            .text(l.title)
                            .text(l.variantTitle)
                            .text(l.sku)
                            .integer(l.quantity)
                            .numeric(l.currentPrice)
                            .text(l.currencyCode);
                }
            }
        }
        return contracts.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection
                        .preparedQuery(CONTRACTS)
                        .execute(lines.appendTo(contracts.tuple()))
                        .replaceWithVoid();
    }

    private static ColumnArrays settledActions(ContractChanges changes) {
        ColumnArrays rows = new ColumnArrays();
        for (ContractAction a : changes.settledActions()) {
            rows.row().bigint(a.id).text(a.state).text(a.message).timestamptz(a.completedAt);
        }
        return rows;
    }

    private ColumnArrays startedActions(ContractChanges changes) {
        ColumnArrays rows = new ColumnArrays();
        for (PendingActions.Started started : changes.startedActions()) {
            ContractAction a = started.action();
            rows.row()
                    .text(a.shopDomain)
                    .bigint(a.contractShopifyId)
                    .text(a.action)
                    .text(a.requestedBy)
                    .text(a.state)
                    .text(a.commandId)
                    .text(a.idempotencyKey)
                    .date(a.cycleDate)
                    .text(encrypt(
                            a.edit,
                            EncryptedColumns.ACTION_EDIT,
                            EncryptedColumns.actionKey(a.shopDomain, a.contractShopifyId, a.commandId)))
                    .text(a.message)
                    .timestamptz(a.requestedAt)
                    .timestamptz(a.completedAt);
        }
        return rows;
    }

    private static ColumnArrays attempts(ContractChanges changes) {
        ColumnArrays rows = new ColumnArrays();
        List<BillingAttempt> all = new ArrayList<>(changes.changedAttempts());
        all.addAll(changes.reportedAttempts());
        for (BillingAttempt a : all) {
            rows.row()
                    .bigint(a.id)
                    .text(a.shopDomain)
                    .bigint(a.contractShopifyId)
                    .integer(a.attemptNumber)
                    .text(a.idempotencyKey)
                    .text(a.state)
                    .bigint(a.shopifyAttemptId)
                    .bigint(a.orderId)
                    .text(a.errorCode)
                    .text(a.errorMessage)
                    .timestamptz(a.requestedAt)
                    .timestamptz(a.completedAt);
        }
        return rows;
    }

    private static ColumnArrays steps(ContractChanges changes) {
        ColumnArrays rows = new ColumnArrays();
        for (DunningStep s : changes.steps()) {
            rows.row()
                    .text(s.shopDomain)
                    .bigint(s.contractShopifyId)
                    .date(s.cycleDate)
                    .integer(s.attemptNumber)
                    .text(s.step)
                    .text(s.path)
                    .text(s.errorCode)
                    .text(s.message)
                    .timestamptz(s.nextRetryAt)
                    .timestamptz(s.occurredAt);
        }
        return rows;
    }

    private static ColumnArrays cycles(List<ContractChanges.CycleChange> cycles, boolean skipped) {
        ColumnArrays rows = new ColumnArrays();
        for (ContractChanges.CycleChange c : cycles) {
            ColumnArrays.Row row =
                    rows.row().text(c.shop()).bigint(c.contractId()).date(c.cycleDate());
            if (skipped) {
                row.integer(c.cycleIndex()).timestamptz(c.at());
            }
        }
        return rows;
    }

    private static List<Uni<Void>> lineEdits(SqlConnection connection, ContractChanges changes) {
        ColumnArrays quantities = new ColumnArrays();
        ColumnArrays plans = new ColumnArrays();
        for (ContractChanges.LineEdit edit : changes.lineEdits()) {
            if (edit.quantity() != null) {
                quantities.row().bigint(edit.contract().id).text(edit.lineId()).integer(edit.quantity());
            }
            if (edit.sellingPlanId() != null) {
                plans.row().bigint(edit.contract().id).bigint(edit.sellingPlanId());
            }
        }
        return List.of(run(connection, LINE_QUANTITIES, quantities), run(connection, LINE_PLANS, plans));
    }

    private String encrypt(String value, EncryptedColumn column, RowKey key) {
        return cipher.encrypt(value, column, key);
    }
}
