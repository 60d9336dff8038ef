package com.lavish.customers.messaging;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.lavish.customers.config.CustomerEventsConfig;
import com.lavish.events.MalformedEventException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * The consumers' retry: each attempt runs on the record's own Vert.x context (Hibernate Reactive must run there,
 * and a retry resubscribes from Mutiny's timer thread); a failure that may pass is retried with back-off a bounded
 * number of times, a {@link MalformedEventException} never. What still fails is the caller's to dead-letter.
 */
final class BoundedRetry {

    private BoundedRetry() {
    }

    static <T> Uni<T> onContext(Context context, CustomerEventsConfig.Retry retry, Supplier<Uni<? extends T>> attempt,
                                Consumer<Throwable> onFailedAttempt) {
        Uni<T> each = Uni.createFrom().deferred(attempt);
        if (context != null) {
            each = each.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return each
                .onFailure().invoke(onFailedAttempt)
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(retry.initialBackoff(), retry.maxBackoff()).atMost(retry.attempts());
    }
}
