package com.lavish.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Webhook sent → customer row committed: joins the send times {@link OpenLoopLoad} wrote with the commit time of the
 * transaction in which customer-service recorded each delivery in {@code customer.applied_event} (and wrote its row):
 * {@code pg_xact_commit_timestamp}, PostgreSQL's {@code track_commit_timestamp}, which devstack turns on; never the
 * transaction's start, which would leave the commit itself out. Usage: {@code RowCommitLatency JDBC_URL SENT_CSV}.
 */
public final class RowCommitLatency {

    private RowCommitLatency() {}

    public static void main(String[] args) throws Exception {
        Map<String, Instant> sentAt = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] parts = line.split(",", 2);
            sentAt.put(parts[0], Instant.parse(parts[1]));
        }
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        int found = 0;
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "");
                PreparedStatement query = db.prepareStatement(
                        "select event_id, pg_xact_commit_timestamp(xmin) from customer.applied_event where event_id like 'load-%'")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant sent = sentAt.get(rows.getString(1));
                    if (sent != null) {
                        Instant applied = rows.getObject(2, java.time.OffsetDateTime.class)
                                .toInstant();
                        latency.recordValue(
                                Math.max(0, Duration.between(sent, applied).toNanos() / 1000));
                        found++;
                    }
                }
            }
        }
        System.out.printf(
                "webhook sent -> customer row committed: %d of %d deliveries applied%n", found, sentAt.size());
        System.out.printf(
                "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(90) / 1e3,
                latency.getValueAtPercentile(99) / 1e3,
                latency.getMaxValue() / 1e3);
    }
}
