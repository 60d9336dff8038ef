package com.lavish.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The deliveries a service has applied: its schema's {@code applied_event} table, one row per ce_id, written in the
 * transaction of the change. One statement per poll records every delivery and answers which ones are new; a
 * redelivery (in this poll or any later one) changes nothing.
 */
public final class EventLedger {

    private final String insert;

    /** @param schema the service's own schema, which holds its applied_event table */
    public EventLedger(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        // ON CONFLICT rather than a lookup: two consumers racing on one delivery cannot both see it as new
        this.insert = "insert into " + schema + ".applied_event (event_id, shop_domain, event_type, shopify_event_id) "
                + "select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) "
                + "on conflict (event_id) do nothing returning event_id";
    }

    /**
     * Records the deliveries in the connection's transaction and marks the ones applied before
     * {@link EventOutcome#DUPLICATE}; the second of two deliveries with one ce_id in the same poll is one too.
     *
     * @return the new deliveries, in their order
     */
    public <C> Uni<List<Delivery<C>>> recordNew(SqlConnection connection, List<Delivery<C>> deliveries) {
        Set<String> seen = new HashSet<>();
        List<Delivery<C>> candidates = new ArrayList<>();
        ColumnArrays rows = new ColumnArrays();
        for (Delivery<C> delivery : deliveries) {
            if (!seen.add(delivery.event().id())) {
                delivery.outcome(EventOutcome.DUPLICATE);
                continue;
            }
            candidates.add(delivery);
            rows.row()
                    .text(delivery.event().id())
                    .text(delivery.event().shopDomain())
                    .text(delivery.event().type())
                    .text(delivery.event().eventId());
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery(insert).execute(rows.tuple()).map(inserted -> {
            Set<String> fresh = new HashSet<>();
            for (Row row : inserted) {
                fresh.add(row.getString(0));
            }
            List<Delivery<C>> applied = new ArrayList<>();
            for (Delivery<C> delivery : candidates) {
                if (fresh.contains(delivery.event().id())) {
                    applied.add(delivery);
                } else {
                    delivery.outcome(EventOutcome.DUPLICATE);
                }
            }
            return applied;
        });
    }
}
