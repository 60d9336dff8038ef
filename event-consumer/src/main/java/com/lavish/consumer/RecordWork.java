package com.lavish.consumer;

import io.smallrye.mutiny.Uni;

/**
 * The work one event asks for, run by {@link ShopifyEventHandler#handleBatch} inside the transaction of its batch (or
 * of its own, when a batch fails and its records are applied one by one).
 *
 * @param <O> the outcome counted in the consumer's metric
 */
@FunctionalInterface
public interface RecordWork<O extends Enum<O>> {

    Uni<O> apply(AfterCommit afterCommit);
}
