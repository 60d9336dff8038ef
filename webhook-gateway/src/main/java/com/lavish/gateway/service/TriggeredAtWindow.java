package com.lavish.gateway.service;

import com.lavish.events.Rfc3339;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The trigger times ({@code X-Shopify-Triggered-At}) the gateway accepts, around its own clock. The header is not
 * signed (docs/shopify-reference.md §1.2) yet becomes the event's ce_time, which consumers take as the version of a
 * body that carries none of its own: a time far ahead would outrank every later genuine event of that entity, and one
 * older than Shopify ever retries (§1.3) is a resent copy rather than a delivery. No I/O.
 */
final class TriggeredAtWindow {

    /** Where a trigger time lies. */
    enum Placement {
        INSIDE,
        TOO_OLD,
        AHEAD
    }

    private final Duration maxAge;
    private final Duration maxAhead;

    TriggeredAtWindow(Duration maxAge, Duration maxAhead) {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalStateException("webhook.triggered-at.max-age must be positive: " + maxAge);
        }
        if (maxAhead == null || maxAhead.isNegative()) {
            throw new IllegalStateException("webhook.triggered-at.max-ahead must not be negative: " + maxAhead);
        }
        this.maxAge = maxAge;
        this.maxAhead = maxAhead;
    }

    /**
     * The header as an instant; empty when it is absent or not an RFC 3339 timestamp. Shopify's own library does not
     * require the header (docs/shopify-reference.md §1.1), and the gateway has always accepted a delivery without a
     * usable one, with its receive time as the event time: that time comes from the gateway's clock, not the caller.
     * Read by the events contract's own reader, as the consumers read ce_time: it handles Shopify's shape by hand,
     * where java.time's general formatter took 5 % of the gateway's time under load (bench/README.md, issue 17).
     */
    static Optional<Instant> parse(String header) {
        return Optional.ofNullable(Rfc3339.parse(header));
    }

    Placement place(Instant triggeredAt, Instant receivedAt) {
        if (triggeredAt.isBefore(receivedAt.minus(maxAge))) {
            return Placement.TOO_OLD;
        }
        if (triggeredAt.isAfter(receivedAt.plus(maxAhead))) {
            return Placement.AHEAD;
        }
        return Placement.INSIDE;
    }
}
