package com.lavish.consumer;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Consumption that is not one transaction of the pipeline's: a call to Shopify between two ledger writes, or a
 * privacy request carried out through Hibernate Reactive. The pipeline still reads the poll, counts the outcomes,
 * splits a failing poll, waits out a dependency that is away and dead-letters a record that fails alone; the work
 * keeps its own ledger, so running it again after a failure or a crash does nothing twice.
 *
 * @param <C> the service's change type
 */
public interface EventWork<C> extends EventReader<C> {

    /** Does the work of these deliveries, in their order; marks on each what it did not apply. */
    Uni<Void> apply(List<Delivery<C>> deliveries);
}
