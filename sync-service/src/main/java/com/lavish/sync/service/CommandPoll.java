package com.lavish.sync.service;

import com.lavish.consumer.Delivery;
import com.lavish.events.sync.SyncCommand;
import com.lavish.sync.repository.SyncCommandLedger.Key;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A poll's commands as the ledger and Shopify take them: each idempotency key once (its first delivery is the one
 * sent; the others are answered with its answer), and one lane per record key, in offset order, so that one
 * contract's or group's commands reach Shopify in the order they were issued while other lanes go side by side.
 */
final class CommandPoll {

    private final Map<Key, List<Delivery<SyncCommand>>> byKey = new LinkedHashMap<>();
    private final Map<String, List<Delivery<SyncCommand>>> lanes = new LinkedHashMap<>();

    /** @param deliveries a poll's deliveries, each partition's in offset order */
    CommandPoll(List<Delivery<SyncCommand>> deliveries) {
        for (Delivery<SyncCommand> delivery : deliveries) {
            byKey.computeIfAbsent(Key.of(delivery.change()), key -> new ArrayList<>())
                    .add(delivery);
            lanes.computeIfAbsent(delivery.key(), key -> new ArrayList<>()).add(delivery);
        }
    }

    /** The idempotency keys, in the order they first appear. */
    Set<Key> keys() {
        return byKey.keySet();
    }

    /** A key's deliveries in poll order: the first is the one sent to Shopify. */
    List<Delivery<SyncCommand>> of(Key key) {
        return byKey.get(key);
    }

    /** One list per record key, each in offset order. */
    Collection<List<Delivery<SyncCommand>>> lanes() {
        return lanes.values();
    }
}
