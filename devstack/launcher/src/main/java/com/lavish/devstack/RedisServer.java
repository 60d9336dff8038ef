package com.lavish.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.core.RedisServerBuilder;

/** Redis 6.2 from codemonstur's embedded binaries, on loopback. */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path directory;
    private final boolean persistent;
    private redis.embedded.RedisServer redis;

    RedisServer(int port, Path directory, boolean persistent) {
        this.port = port;
        this.directory = directory;
        this.persistent = persistent;
    }

    void start() {
        try {
            Files.createDirectories(directory);
            PidFile pidFile = new PidFile(directory.resolve("redis.pid"));
            pidFile.endOrphan(":" + port);
            redis = new RedisServerBuilder()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + directory)
                    .setting("pidfile " + directory.resolve("redis.pid"))
                    .setting("daemonize no")
                    .setting(persistent ? "appendonly yes" : "appendonly no")
                    .setting(persistent ? "save 60 1" : "save \"\"")
                    // close() stops it, with a bound: the library's own hook waits for ever
                    .onShutdownForceStop(false)
                    .build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public String hosts() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Stops Redis, and ends it at once if it has not stopped within 10 s: a Redis that cannot write its final
     * snapshot (its directory gone, a full disk) refuses SIGTERM, and a stop must not hang on that.
     */
    @Override
    public void close() {
        if (redis == null) {
            return;
        }
        redis.embedded.RedisServer stopping = redis;
        redis = null;
        java.util.concurrent.CompletableFuture<Void> stopped = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                stopping.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            stopped.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception notStopped) {
            // it is this JVM's child, whatever became of its directory and pid file
            ProcessHandle.current()
                    .children()
                    .filter(p -> p.info().command().orElse("").contains("redis-server"))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }
}
