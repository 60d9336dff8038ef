package com.lavish.devstack.kafka;

import java.util.Optional;

/**
 * Starts Kafka's own main class, and halts the broker when the JVM that launched it is gone, so a crashed or
 * killed test run never leaves an orphan broker behind.
 */
public final class ParentWatchingKafka {

    private ParentWatchingKafka() {}

    public static void main(String[] args) throws Exception {
        long parentPid = Long.getLong("devstack.parent.pid", -1L);
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isPresent()) {
            Thread watcher = new Thread(
                    () -> {
                        parent.get().onExit().join();
                        Runtime.getRuntime().halt(0);
                    },
                    "devstack-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        String mainClass = System.getProperty("devstack.kafka.main", "kafka.Kafka");
        Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
