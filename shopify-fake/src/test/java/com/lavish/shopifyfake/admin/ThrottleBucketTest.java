package com.lavish.shopifyfake.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleBucketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));

    @Test
    void queryTakesItsRequestedCostAndIsThrottledWhenTheBucketIsShortWithoutTakingAnything() {
        ThrottleBucket bucket = new ThrottleBucket(clock, 100, 10);

        assertTrue(bucket.take(60));
        assertFalse(bucket.take(41), "41 > 40 left");
        assertEquals(40, bucket.status().currentlyAvailable());
        assertTrue(bucket.take(40));
        assertEquals(0, bucket.status().currentlyAvailable());
    }

    @Test
    void bucketRefillsAtTheRestoreRateUpToItsMaximum() {
        ThrottleBucket bucket = new ThrottleBucket(clock, 100, 10);
        bucket.take(100);

        clock.advance(Duration.ofMillis(2500));
        assertEquals(25, bucket.status().currentlyAvailable());
        assertFalse(bucket.take(26));
        assertTrue(bucket.take(25));

        clock.advance(Duration.ofSeconds(60));
        assertEquals(100, bucket.status().currentlyAvailable(), "never beyond the maximum");
    }

    @Test
    void unusedCostIsRefundedButNeverBeyondTheMaximum() {
        ThrottleBucket bucket = new ThrottleBucket(clock, 100, 10);
        bucket.take(52);

        bucket.refund(46);
        assertEquals(94, bucket.status().currentlyAvailable());
        bucket.refund(50);
        assertEquals(100, bucket.status().currentlyAvailable());
    }

    @Test
    void reconfiguredBucketStartsFullWithItsNewSizeAndRate() {
        ThrottleBucket bucket = new ThrottleBucket(clock, 2000, 100);
        bucket.take(1500);

        bucket.configure(50, 5);
        ThrottleBucket.Status status = bucket.status();

        assertEquals(50, status.maximumAvailable());
        assertEquals(50, status.currentlyAvailable());
        assertEquals(5, status.restoreRate());
    }
}
