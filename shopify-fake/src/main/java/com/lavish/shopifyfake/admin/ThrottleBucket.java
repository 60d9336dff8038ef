package com.lavish.shopifyfake.admin;

import java.time.Clock;

/**
 * Shopify's cost-based leaky bucket for one app on one shop (docs/shopify-reference.md §3.2): {@code maximumAvailable}
 * points, refilled at {@code restoreRate} points a second. A query takes its requested cost up front, or is
 * throttled (taking nothing) when fewer points are left; afterwards the difference to its actual cost is refunded.
 * The clock is injectable, so the arithmetic is tested without waiting.
 */
public final class ThrottleBucket {

    /** {@code extensions.cost.throttleStatus}, as Shopify writes it. */
    public record Status(double maximumAvailable, double currentlyAvailable, double restoreRate) {}

    private final Clock clock;
    private double maximumAvailable;
    private double restoreRate;
    private double available;
    private long lastMillis;

    public ThrottleBucket(Clock clock, double maximumAvailable, double restoreRate) {
        this.clock = clock;
        this.maximumAvailable = maximumAvailable;
        this.restoreRate = restoreRate;
        this.available = maximumAvailable;
        this.lastMillis = clock.millis();
    }

    /** Takes {@code cost} points if the bucket holds them; false (and nothing taken) when throttled. */
    public synchronized boolean take(int cost) {
        refill();
        if (cost > available) {
            return false;
        }
        available -= cost;
        return true;
    }

    /** Gives back points a query reserved but did not use. */
    public synchronized void refund(int points) {
        refill();
        available = Math.min(maximumAvailable, available + points);
    }

    /** New size and rate (the control endpoint, the CLI); the bucket starts full. */
    public synchronized void configure(double maximumAvailable, double restoreRate) {
        this.maximumAvailable = maximumAvailable;
        this.restoreRate = restoreRate;
        this.available = maximumAvailable;
        this.lastMillis = clock.millis();
    }

    public synchronized Status status() {
        refill();
        return new Status(maximumAvailable, Math.floor(available), restoreRate);
    }

    private void refill() {
        long now = clock.millis();
        if (now > lastMillis) {
            available = Math.min(maximumAvailable, available + (now - lastMillis) * restoreRate / 1000.0);
            lastMillis = now;
        }
    }
}
