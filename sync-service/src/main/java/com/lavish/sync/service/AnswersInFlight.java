package com.lavish.sync.service;

import com.lavish.consumer.Delivery;
import com.lavish.events.sync.SyncCommand;
import com.lavish.sync.repository.SyncCommandLedger.Key;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Shopify's answers that the ledger or sync.results may not have yet, held with the deliveries of their poll: when
 * the pipeline tries a poll again after the ledger or the broker failed (or a half of it, after a split), its keys
 * that Shopify answered are answered from here instead of being sent again. Held weakly by delivery, so an answer
 * goes when the pipeline lets go of its poll, and a later delivery of the key (a new poll) is never answered from
 * here.
 */
final class AnswersInFlight {

    private final Map<Delivery<SyncCommand>, CommandAnswer> answers = Collections.synchronizedMap(new WeakHashMap<>());

    /** Holds the answer for every delivery of its key. */
    void hold(Collection<Delivery<SyncCommand>> deliveries, CommandAnswer answer) {
        deliveries.forEach(delivery -> answers.put(delivery, answer));
    }

    /** The answers held for these deliveries' keys. */
    Map<Key, CommandAnswer> of(Collection<Delivery<SyncCommand>> deliveries) {
        Map<Key, CommandAnswer> held = new HashMap<>();
        for (Delivery<SyncCommand> delivery : deliveries) {
            CommandAnswer answer = answers.get(delivery);
            if (answer != null) {
                held.put(Key.of(delivery.change()), answer);
            }
        }
        return held;
    }
}
