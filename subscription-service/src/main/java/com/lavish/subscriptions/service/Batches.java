package com.lavish.subscriptions.service;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** How the scheduled jobs work off a backlog: batch after batch, each in a transaction of its own. */
final class Batches {

    private Batches() {}

    /**
     * Runs {@code batch} again while it comes full ({@code size} items), at most {@code most} times: a backlog is
     * worked off in one run, and a source that keeps filling does not hold the run forever.
     *
     * @return how many items the batches took
     */
    static Uni<Integer> whileFull(Supplier<Uni<Integer>> batch, int size, int most) {
        return batch.get()
                .chain(count -> count < size || most <= 1
                        ? Uni.createFrom().item(count)
                        : whileFull(batch, size, most - 1).map(more -> count + more));
    }
}
