package com.lavish.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How fast order-service drains a backlog: waits until all COUNT deliveries whose webhook id starts with PREFIX
 * are in {@code orders.applied_event} (written in the transaction that wrote the order), printing the count every
 * second, then reports events/s from the first {@code applied_at} to the last, and the best 10-second window
 * (the steady rate, once the JIT of the freshly started service has warmed up). With a timeout of 0 it reports
 * what is there without waiting. Usage: {@code ConsumptionRate JDBC_URL PREFIX COUNT TIMEOUT_SECONDS}.
 */
public final class ConsumptionRate {

    private ConsumptionRate() {
    }

    public static void main(String[] args) throws Exception {
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "")) {
            long applied = 0;
            try (PreparedStatement query = db.prepareStatement(
                    "select count(*) from orders.applied_event where event_id like ?")) {
                query.setString(1, prefix + "%");
                while (applied < count && System.nanoTime() < deadline) {
                    Thread.sleep(1000);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        applied = rows.getLong(1);
                    }
                    System.out.printf("consumed: %d of %d%n", applied, count);
                }
            }
            try (PreparedStatement query = db.prepareStatement("""
                    select count(*), min(applied_at), max(applied_at) from orders.applied_event
                    where event_id like ?""")) {
                query.setString(1, prefix + "%");
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
                    System.out.printf("consumed %d of %d events in %.1f s (first to last row committed): %.0f events/s%n",
                            n, count, seconds, (n - 1) / seconds);
                }
            }
            // the best 10 seconds: rows committed per second, summed over a sliding 10-second window
            try (PreparedStatement query = db.prepareStatement("""
                    select max(window_rows) / 10.0 from (
                      select sum(rows) over (order by second range between interval '9 seconds' preceding
                                             and current row) as window_rows
                      from (select date_trunc('second', applied_at) as second, count(*) as rows
                            from orders.applied_event where event_id like ? group by 1) per_second) windows""")) {
                query.setString(1, prefix + "%");
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    System.out.printf("best 10 s window: %.0f events/s%n", rows.getDouble(1));
                }
            }
        }
    }
}
