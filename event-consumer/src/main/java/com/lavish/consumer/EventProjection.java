package com.lavish.consumer;

import io.smallrye.mutiny.Uni;

/**
 * A service's projection of one channel's events into its own tables. The pipeline reads a poll, records every
 * delivery in the ledger and drops the duplicates, then hands the new ones to {@link #write}, all in one transaction
 * on one connection; after the commit it runs what {@link ProjectionBatch#afterCommit()} collected.
 *
 * @param <C> the service's change type
 */
public interface EventProjection<C> extends EventReader<C> {

    /**
     * Writes the poll's new deliveries with set-based statements on {@link ProjectionBatch#connection()} (pipelined,
     * in the pipeline's transaction), marking on each delivery what it did not apply. Must not commit, roll back or
     * close the connection. A failure rolls the whole poll back: the pipeline then splits it, or waits for a dependency.
     */
    Uni<Void> write(ProjectionBatch<C> batch);
}
