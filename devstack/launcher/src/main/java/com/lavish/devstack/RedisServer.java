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

    @Override
    public void close() {
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                redis = null;
            }
        }
    }
}
