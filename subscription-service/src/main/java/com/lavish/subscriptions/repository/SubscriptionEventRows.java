package com.lavish.subscriptions.repository;

import static com.lavish.consumer.ColumnArrays.Kind.BIGINT;
import static com.lavish.consumer.ColumnArrays.Kind.TEXT;
import static com.lavish.subscriptions.repository.RowValues.instant;

import com.lavish.consumer.ColumnArrays;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.sync.SyncCommand;
import com.lavish.subscriptions.service.ContractEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the subscription events a transaction asked for into the outbox, with its commands, in that transaction:
 * after its other statements, so each event's contract part is read back as the change leaves the contract (status,
 * schedule, plan, lines). One select for every contract of the events, one insert. The select takes no personal
 * column: an event never carries the customer's name or address.
 */
@ApplicationScoped
public class SubscriptionEventRows {

    private static final String CONTRACTS = """
            select c.shop_domain, c.shopify_id, c.shopify_customer_id, c.status, c.next_billing_date,
                c.billing_interval, c.billing_interval_count, c.currency_code, l.id as line_id, l.title,
                l.variant_title, l.quantity, l.current_price, l.selling_plan_name, l.currency_code as line_currency
            from subscription.subscription_contract c
            left join subscription.subscription_line l on l.contract_id = c.id
            where (c.shop_domain, c.shopify_id) in (select * from unnest($1::text[], $2::bigint[]))
            order by c.shop_domain, c.shopify_id, l.id""";

    private final CommandOutbox outbox;

    public SubscriptionEventRows(CommandOutbox outbox) {
        this.outbox = outbox;
    }

    /** The commands, then the events (those of a contract the shop does not hold are dropped), into the outbox. */
    public Uni<Void> write(SqlConnection connection, List<SyncCommand> commands, List<ContractEvents.Asked> asked) {
        if (asked.isEmpty()) {
            return outbox.insert(connection, commands, List.of());
        }
        ColumnArrays keys = new ColumnArrays(TEXT, BIGINT);
        asked.forEach(event -> keys.row().text(event.shop()).bigint(event.contractId()));
        return connection.preparedQuery(CONTRACTS).execute(keys.tuple()).chain(rows -> {
            Map<List<Object>, ContractEvents.Stored> stored = new HashMap<>();
            for (Row row : rows) {
                ContractEvents.Stored contract = stored.computeIfAbsent(
                        List.of(row.getString("shop_domain"), row.getLong("shopify_id")), key -> stored(row));
                if (row.getLong("line_id") != null) {
                    contract.lines()
                            .add(new ContractEvents.StoredLine(
                                    row.getString("title"),
                                    row.getString("variant_title"),
                                    row.getInteger("quantity"),
                                    row.getBigDecimal("current_price"),
                                    row.getString("selling_plan_name"),
                                    row.getString("line_currency")));
                }
            }
            List<CommandOutbox.Event> events = new ArrayList<>();
            for (ContractEvents.Asked event : asked) {
                ContractEvents.Stored contract = stored.get(List.of(event.shop(), event.contractId()));
                if (contract != null) {
                    SubscriptionEvent built = ContractEvents.build(event, contract);
                    events.add(new CommandOutbox.Event(built, event.occasion(built.eventId())));
                }
            }
            return outbox.insert(connection, commands, events);
        });
    }

    private static ContractEvents.Stored stored(Row row) {
        Long customer = row.getLong("shopify_customer_id");
        return new ContractEvents.Stored(
                customer == null ? 0 : customer,
                row.getString("status"),
                instant(row, "next_billing_date"),
                row.getString("billing_interval"),
                row.getInteger("billing_interval_count"),
                row.getString("currency_code"),
                new ArrayList<>());
    }
}
