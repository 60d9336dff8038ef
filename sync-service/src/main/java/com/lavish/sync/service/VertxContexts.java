package com.lavish.sync.service;

import io.vertx.core.Context;
import java.util.concurrent.Executor;

/**
 * Brings a pipeline back to the Vert.x context it started on. Hibernate Reactive's session lives on that (duplicated)
 * context; after an Admin API call, a throttle wait or a retry the pipeline continues on another thread, and a
 * transaction begun there fails ("requires a safe (isolated) Vert.x sub-context").
 */
final class VertxContexts {

    private VertxContexts() {}

    /** Runs each task on {@code context}; runs it in place when there is none (outside Vert.x: no session either). */
    static Executor on(Context context) {
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
