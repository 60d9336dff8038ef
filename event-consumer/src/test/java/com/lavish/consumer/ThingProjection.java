package com.lavish.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A projection as small as a service's: a "thing" with a version and a value, the newest version winning, written
 * with one set-based upsert. A value of "poison" violates the table's check (a record that fails by itself); a
 * scripted number of writes fail as a dependency that is away would.
 */
final class ThingProjection implements EventProjection<ThingProjection.Thing> {

    record Thing(long id, long version, String value) {}

    static final String SCHEMA = "pipeline_test";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes that fail with a lost connection before one goes through. */
    final AtomicInteger outagesLeft = new AtomicInteger();

    final AtomicInteger writes = new AtomicInteger();

    @Override
    public String metric() {
        return "thing.events";
    }

    @Override
    public Optional<Thing> read(ShopifyEvent event) {
        try {
            JsonNode body = JSON.readTree(event.payload());
            if (!body.path("id").canConvertToLong()) {
                throw new MalformedEventException("names no thing");
            }
            return Optional.of(new Thing(
                    body.get("id").asLong(),
                    body.path("version").asLong(),
                    body.path("value").asText()));
        } catch (java.io.IOException e) {
            throw new MalformedEventException("not valid JSON");
        }
    }

    @Override
    public Uni<Void> write(ProjectionBatch<Thing> batch) {
        writes.incrementAndGet();
        if (outagesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Uni.createFrom().failure(new java.net.ConnectException("Connection refused (scripted)"));
        }
        ColumnArrays rows = new ColumnArrays();
        Set<Long> written = new HashSet<>();
        for (List<Delivery<Thing>> deliveries : batch.byKey().values()) {
            Delivery<Thing> newest = deliveries.get(0);
            for (Delivery<Thing> delivery : deliveries) {
                if (delivery.change().version() > newest.change().version()) {
                    newest.stale();
                    newest = delivery;
                } else if (delivery != newest) {
                    delivery.stale();
                }
            }
            Thing thing = newest.change();
            rows.row()
                    .text(newest.event().shopDomain())
                    .bigint(thing.id())
                    .bigint(thing.version())
                    .text(thing.value());
        }
        return batch.connection()
                .preparedQuery("""
                        insert into pipeline_test.thing (shop_domain, id, version, value)
                        select * from unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[])
                        on conflict (shop_domain, id) do update
                            set version = excluded.version, value = excluded.value, writes = thing.writes + 1
                            where thing.version < excluded.version
                        returning id""")
                .execute(rows.tuple())
                .invoke(result -> {
                    for (Row row : result) {
                        written.add(row.getLong(0));
                    }
                    // a winner the stored version beat is stale too
                    batch.deliveries().stream()
                            .filter(d -> d.outcome() == EventOutcome.APPLIED
                                    && !written.contains(d.change().id()))
                            .forEach(Delivery::stale);
                })
                .replaceWithVoid();
    }
}
