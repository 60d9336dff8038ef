package com.lavish.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Each consumer's share of a {@link WebhookBurst}, once drained: waits until the consumer's ledger
 * ({@code SCHEMA.applied_event}) holds all COUNT deliveries whose webhook id starts with PREFIX, then reports when the
 * last of them committed, counted from the burst's first and last send ({@code pg_xact_commit_timestamp}; devstack
 * turns on {@code track_commit_timestamp}), and whether anything was applied twice: the rows of TABLE that PostgreSQL
 * counted as updated since BASELINE (every delivery of a burst makes a new entity, so a second application of one
 * would update its row; an insert rolled back by a killed replica is not one). Also prints the table's row count.
 * Usage: {@code BurstDrain JDBC_URL WINDOW_FILE TIMEOUT_SECONDS SCHEMA:TABLE:PREFIX:COUNT:BASELINE_UPDATES...};
 * {@code BurstDrain JDBC_URL --updates SCHEMA:TABLE...} prints each table's update count, the baseline.
 */
public final class BurstDrain {

    private BurstDrain() {}

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "")) {
            if (args[1].equals("--updates")) {
                for (int i = 2; i < args.length; i++) {
                    String[] part = args[i].split(":");
                    System.out.println(args[i] + ":" + updates(db, part[0], part[1]));
                }
                return;
            }
            List<String> window = Files.readAllLines(Path.of(args[1]));
            Instant first = Instant.parse(window.get(0));
            Instant last = Instant.parse(window.get(1));
            long deadline = System.nanoTime()
                    + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
            for (int i = 3; i < args.length; i++) {
                String[] part = args[i].split(":");
                report(
                        db,
                        part[0],
                        part[1],
                        part[2],
                        Long.parseLong(part[3]),
                        Long.parseLong(part[4]),
                        first,
                        last,
                        deadline);
            }
        }
    }

    private static void report(
            Connection db,
            String schema,
            String table,
            String prefix,
            long count,
            long baseline,
            Instant first,
            Instant last,
            long deadline)
            throws Exception {
        if (!(schema + table).matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a schema or table: " + schema + "." + table);
        }
        // a range of the primary key rather than LIKE: every webhook id with the prefix sorts between the bounds
        String upper = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        long applied = 0;
        Instant lastCommit = null;
        while (true) {
            try (PreparedStatement query = db.prepareStatement("select count(*), max(pg_xact_commit_timestamp(xmin))"
                    + " from " + schema + ".applied_event where event_id >= ? and event_id < ?")) {
                query.setString(1, prefix);
                query.setString(2, upper);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    applied = rows.getLong(1);
                    OffsetDateTime at = rows.getObject(2, OffsetDateTime.class);
                    lastCommit = at == null ? null : at.toInstant();
                }
            }
            if (applied >= count || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }
        Thread.sleep(1500); // PostgreSQL publishes a backend's table statistics within a second of its commit
        long rows;
        try (PreparedStatement query = db.prepareStatement("select count(*) from " + schema + "." + table);
                ResultSet result = query.executeQuery()) {
            result.next();
            rows = result.getLong(1);
        }
        long updated = updates(db, schema, table) - baseline;
        System.out.printf(
                "%s: %d of %d applied (%s rows in %s.%s); last commit %.1f s after the burst's first send,"
                        + " %.1f s after its last; rows updated since the burst (applied twice): %d%n",
                schema,
                applied,
                count,
                rows,
                schema,
                table,
                seconds(first, lastCommit),
                seconds(last, lastCommit),
                updated);
    }

    private static long updates(Connection db, String schema, String table) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "select coalesce(sum(n_tup_upd), 0) from pg_stat_user_tables where schemaname = ? and relname = ?")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static double seconds(Instant from, Instant to) {
        return to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
    }
}
