package com.lavish.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real PostgreSQL 17 from zonky's binaries, on loopback. Services share the database, one schema each. */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final int port;
    private final Path dataDirectory;
    private final boolean keepData;
    private EmbeddedPostgres postgres;

    PostgresServer(int port, Path dataDirectory, boolean keepData) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.keepData = keepData;
    }

    synchronized void start() {
        try {
            Files.createDirectories(dataDirectory);
            new PidFile(dataDirectory.resolve("postmaster.pid")).endOrphan(dataDirectory.toString());
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // PostgreSQL's default, 'localhost', may also take ::1; the suite reaches it on 127.0.0.1 only
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    // zonky turns synchronous commit off; the local run and the benchmarks keep PostgreSQL's
                    // default, so that a commit the consumers ack is on disk, as in production
                    .setServerConfig("synchronous_commit", keepData ? "on" : "off")
                    // each transaction's commit time (pg_xact_commit_timestamp): what benchmarks time a row by
                    .setServerConfig("track_commit_timestamp", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /**
     * Shuts the server down, keeping its data: what a failover or an upgrade does (tests of outages). A fast shutdown
     * (SIGINT to the postmaster), never {@link #close()}: that removes a test server's data directory.
     */
    public synchronized void stop() {
        List<String> postmaster = serverProcesses().subList(0, 1);
        signal("-INT", postmaster);
        ProcessHandle.of(Long.parseLong(postmaster.get(0))).ifPresent(p -> {
            try {
                p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL did not stop within 60 s", e);
            }
        });
    }

    /**
     * Starts it again on the same port and data, after {@link #stop()}: the postmaster's own command line, which it
     * keeps in {@code postmaster.opts}. The instance that first started it still owns the data directory (and stops
     * this postmaster when it closes), whichever class loader's view asks.
     */
    public synchronized void restart() {
        try {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
                // as zonky does: PostgreSQL refuses to run as root, so it runs in a user namespace of its own
                command.addAll(List.of("/usr/bin/unshare", "-U"));
            }
            java.util.regex.Matcher words = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)")
                    .matcher(Files.readString(dataDirectory.resolve("postmaster.opts"))
                            .trim());
            while (words.find()) {
                command.add(words.group(1) != null ? words.group(1) : words.group(2));
            }
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!accepts()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not come back within 60 s");
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean accepts() {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(), USER, "")) {
            return connection.isValid(1);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * Stops every process of the server (SIGSTOP) for {@code duration}, then lets them go on (SIGCONT): a server that
     * hangs without closing its connections, as a stalled disk or a paused VM does. Blocks for the duration.
     */
    public void freeze(Duration duration) {
        List<String> pids = serverProcesses();
        signal("-STOP", pids);
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            signal("-CONT", serverProcesses());
        }
    }

    /** The postmaster (first line of postmaster.pid) and its children. */
    private List<String> serverProcesses() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            List<String> pids = new ArrayList<>();
            pids.add(Long.toString(postmaster));
            ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(c -> pids.add(Long.toString(c.pid()))));
            return pids;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL's processes are not known: " + e.getMessage(), e);
        }
    }

    private static void signal(String signal, List<String> pids) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        command.addAll(pids);
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Quarkus configuration (property names as Quarkus reads them) that points a service at this server. */
    Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                jdbcUrl(),
                "quarkus.datasource.reactive.url",
                reactiveUrl(),
                "quarkus.datasource.username",
                USER,
                "quarkus.datasource.password",
                "");
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }
}
