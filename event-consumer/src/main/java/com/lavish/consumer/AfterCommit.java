package com.lavish.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What event work asks to happen once its transaction has committed (telling other replicas, say), and never if it
 * rolls back. {@link ShopifyEventHandler} runs the actions in order after the commit of the transaction the work
 * ran in, whether that held one record or a whole batch.
 */
public final class AfterCommit {

    private final List<Supplier<Uni<Void>>> actions = new ArrayList<>();

    public void then(Supplier<Uni<Void>> action) {
        actions.add(action);
    }

    Uni<Void> run() {
        return Multi.createFrom().iterable(List.copyOf(actions))
                .onItem().transformToUniAndConcatenate(Supplier::get)
                .collect().last()
                .replaceWithVoid();
    }
}
