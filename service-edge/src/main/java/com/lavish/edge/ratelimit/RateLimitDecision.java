package com.lavish.edge.ratelimit;

import java.time.Duration;

/** Whether a request may go on, and if not, when the caller may try again. */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

    public static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

    public static RateLimitDecision rejected(Duration retryAfter) {
        return new RateLimitDecision(false, retryAfter);
    }

    /** Whole seconds for {@code Retry-After}, rounded up and at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
