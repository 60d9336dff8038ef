package com.lavish.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether this JVM is shutting down. While it does, the database pool and producers close under records still in
 * flight, so their failures say nothing about the records: they must be delivered again after the restart, never
 * dead-lettered.
 */
@ApplicationScoped
public class ShutdownWatch {

    private volatile boolean shuttingDown;

    void started(@Observes StartupEvent event) {
        shuttingDown = false;
    }

    void stopping(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }
}
