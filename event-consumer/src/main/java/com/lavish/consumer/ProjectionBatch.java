package com.lavish.consumer;

import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The new deliveries of one poll (the ledger has dropped the duplicates), in offset order, with the connection whose
 * transaction records them, and what is to happen once it commits.
 *
 * @param <C> the service's change type
 */
public final class ProjectionBatch<C> {

    private final SqlConnection connection;
    private final List<Delivery<C>> deliveries;
    private final AfterCommit afterCommit;

    public ProjectionBatch(SqlConnection connection, List<Delivery<C>> deliveries, AfterCommit afterCommit) {
        this.connection = connection;
        this.deliveries = List.copyOf(deliveries);
        this.afterCommit = afterCommit;
    }

    /** The transaction's connection: statements sent on it without waiting are pipelined, in the order sent. */
    public SqlConnection connection() {
        return connection;
    }

    /** Every new delivery, partition by partition, each partition's in offset order. */
    public List<Delivery<C>> deliveries() {
        return deliveries;
    }

    /** The deliveries by record key, each key's in offset order; keys in the order they first appear. */
    public Map<String, List<Delivery<C>>> byKey() {
        return groupBy(Delivery::key);
    }

    /**
     * The deliveries grouped by what they change (an entity a change names that is not its record key, say), each
     * group in offset order; groups in the order they first appear.
     */
    public <K> Map<K, List<Delivery<C>>> groupBy(Function<Delivery<C>, K> target) {
        Map<K, List<Delivery<C>>> groups = new LinkedHashMap<>();
        for (Delivery<C> delivery : deliveries) {
            groups.computeIfAbsent(target.apply(delivery), k -> new ArrayList<>())
                    .add(delivery);
        }
        return groups;
    }

    /** Actions to run once the transaction has committed (a Redis publish, an outbox relay), never if it rolls back. */
    public AfterCommit afterCommit() {
        return afterCommit;
    }
}
