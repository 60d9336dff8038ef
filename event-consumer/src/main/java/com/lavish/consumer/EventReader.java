package com.lavish.consumer;

import com.lavish.events.ShopifyEvent;
import java.util.Optional;

/**
 * What a consuming service declares first for one of its channels: the metric its deliveries are counted in, and
 * the change an event asks for.
 *
 * @param <C> the service's change type
 */
public interface EventReader<C> {

    /** The counter of outcomes, tagged {@code type} and {@code outcome} (for example {@code customer.events}). */
    String metric();

    /**
     * The change the event asks for, or empty when this consumer does not project its type (counted as ignored).
     *
     * @throws com.lavish.events.MalformedEventException when the body cannot be read: the record is dead-lettered
     */
    Optional<C> read(ShopifyEvent event);
}
