package com.lavish.consumer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Brings an entity's one-to-many rows (a customer's addresses, an order's lines) to a new version, matched by Shopify
 * id (a number, or a gid where Shopify names rows only by one): rows gone from the version are removed, rows still there are updated in place, new ones are added. Clearing
 * and re-adding would make Hibernate insert before it deletes and trip the unique (parent, Shopify id).
 */
public final class ChildRows {

    private ChildRows() {}

    /**
     * @param stored     the managed collection, changed in place
     * @param storedId   a stored row's Shopify id
     * @param incoming   the new version's rows, in their order; an id sent twice is one row, its last version
     * @param incomingId an incoming row's Shopify id
     * @param create     a new row for an incoming id, attached to its parent
     * @param copy       copies an incoming row's values onto a stored one
     */
    public static <R, S, K> void reconcile(
            List<R> stored,
            Function<R, K> storedId,
            List<S> incoming,
            Function<S, K> incomingId,
            Function<S, R> create,
            BiConsumer<S, R> copy) {
        Set<K> ids = new HashSet<>();
        incoming.forEach(row -> ids.add(incomingId.apply(row)));
        stored.removeIf(row -> !ids.contains(storedId.apply(row)));
        Map<K, R> kept = new HashMap<>();
        stored.forEach(row -> kept.put(storedId.apply(row), row));
        for (S row : incoming) {
            R target = kept.computeIfAbsent(incomingId.apply(row), id -> {
                R created = create.apply(row);
                stored.add(created);
                return created;
            });
            copy.accept(row, target);
        }
    }
}
