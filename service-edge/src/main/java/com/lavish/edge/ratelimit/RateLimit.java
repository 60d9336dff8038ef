package com.lavish.edge.ratelimit;

import java.time.Duration;

/**
 * At most {@code requests} per {@code window} for one subject.
 *
 * @param key the Redis key naming the subject, for example {@code storefront:rate:customer:shop:42}
 */
public record RateLimit(String key, int requests, Duration window) {

    public RateLimit {
        if (requests < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per at least 1 ms");
        }
    }
}
