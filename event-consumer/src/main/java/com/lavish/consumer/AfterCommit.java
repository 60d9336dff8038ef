package com.lavish.consumer;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a projection asks to happen once its poll's transaction has committed (telling other replicas, a relay of the
 * outbox), and never if it rolls back. {@link EventPipeline} runs the actions in order after the commit; their
 * failures are logged and never fail the poll, which is applied by then.
 */
public final class AfterCommit {

    private final List<Supplier<Uni<Void>>> actions = new ArrayList<>();

    public void then(Supplier<Uni<Void>> action) {
        actions.add(action);
    }

    Uni<Void> run() {
        return Multi.createFrom()
                .iterable(List.copyOf(actions))
                .onItem()
                .transformToUniAndConcatenate(Supplier::get)
                .collect()
                .last()
                .replaceWithVoid();
    }
}
