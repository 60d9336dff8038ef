package com.lavish.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How fast a consumer drains a backlog: waits until all COUNT deliveries whose webhook id starts with PREFIX are in
 * {@code SCHEMA.applied_event}, printing the count every second, then reports events/s from the first commit to the
 * last, and the best 10-second window. A row's time is its transaction's commit time
 * ({@code pg_xact_commit_timestamp}, PostgreSQL's {@code track_commit_timestamp}, which devstack turns on), not the
 * transaction's start. With a timeout of 0 it reports what is there without waiting.
 * Usage: {@code CatchUpRate JDBC_URL SCHEMA PREFIX COUNT TIMEOUT_SECONDS}.
 */
public final class CatchUpRate {

    private CatchUpRate() {}

    public static void main(String[] args) throws Exception {
        String schema = args[1];
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a schema: " + schema);
        }
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        long deadline =
                System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        // a range of the primary key rather than LIKE: the count each second must not scan the whole ledger while the
        // consumer it times is writing to it (every webhook id with the prefix sorts between these two bounds)
        String range = "event_id >= ? and event_id < ?";
        String upper = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        String committed = "(select event_id, pg_xact_commit_timestamp(xmin) as at from " + schema
                + ".applied_event where " + range + ")";
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "")) {
            long applied = 0;
            try (PreparedStatement query =
                    db.prepareStatement("select count(*) from " + schema + ".applied_event where " + range)) {
                query.setString(1, prefix);
                query.setString(2, upper);
                while (applied < count && System.nanoTime() < deadline) {
                    Thread.sleep(1000);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        applied = rows.getLong(1);
                    }
                    System.out.printf("consumed: %d of %d%n", applied, count);
                }
            }
            try (PreparedStatement query =
                    db.prepareStatement("select count(*), min(at), max(at) from " + committed + " c")) {
                query.setString(1, prefix);
                query.setString(2, upper);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    long n = rows.getLong(1);
                    if (n < 2) {
                        System.out.printf("consumed %d of %d events: too few to time%n", n, count);
                        return;
                    }
                    OffsetDateTime first = rows.getObject(2, OffsetDateTime.class);
                    OffsetDateTime last = rows.getObject(3, OffsetDateTime.class);
                    double seconds = Duration.between(first, last).toNanos() / 1e9;
                    System.out.printf(
                            "consumed %d of %d events in %.2f s (first to last commit): %.0f events/s%n",
                            n, count, seconds, (n - 1) / seconds);
                    if (seconds < 11) {
                        // a window of 10 whole seconds does not fit: it would divide a short drain by 10
                        return;
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement("""
                    select max(window_rows) / 10.0 from (
                      select sum(rows) over (order by second range between interval '9 seconds' preceding
                                             and current row) as window_rows
                      from (select date_trunc('second', at) as second, count(*) as rows from %s c group by 1) s) w""".formatted(committed))) {
                query.setString(1, prefix);
                query.setString(2, upper);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    System.out.printf("best 10 s window: %.0f events/s%n", rows.getDouble(1));
                }
            }
        }
    }
}
