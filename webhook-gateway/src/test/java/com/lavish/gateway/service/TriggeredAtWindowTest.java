package com.lavish.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.gateway.service.TriggeredAtWindow.Placement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("security")
class TriggeredAtWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-05T07:00:00Z");
    private final TriggeredAtWindow window = new TriggeredAtWindow(Duration.ofHours(5), Duration.ofMinutes(5));

    @Test
    void shopifysRetriesAndASmallClockDriftAreInside() {
        assertEquals(Placement.INSIDE, window.place(NOW, NOW));
        assertEquals(Placement.INSIDE, window.place(NOW.minus(Duration.ofHours(4)), NOW), "the last retry");
        assertEquals(Placement.INSIDE, window.place(NOW.minus(Duration.ofHours(5)), NOW), "the bound itself");
        assertEquals(Placement.INSIDE, window.place(NOW.plus(Duration.ofMinutes(5)), NOW), "the bound itself");
    }

    @Test
    void olderThanTheLastRetryOrAheadOfTheClockIsOutside() {
        assertEquals(
                Placement.TOO_OLD, window.place(NOW.minus(Duration.ofHours(5)).minusMillis(1), NOW));
        assertEquals(
                Placement.AHEAD, window.place(NOW.plus(Duration.ofMinutes(5)).plusMillis(1), NOW));
        assertEquals(
                Placement.AHEAD,
                window.place(TriggeredAtWindow.parse("9999-12-31T23:59:59Z").orElseThrow(), NOW));
    }

    @Test
    void aHeaderThatIsNoTimestampIsNoTriggerTime() {
        assertTrue(TriggeredAtWindow.parse(null).isEmpty());
        assertTrue(TriggeredAtWindow.parse("yesterday").isEmpty());
        assertEquals(
                Optional.of(Instant.parse("2026-12-05T06:59:30.123456789Z")),
                TriggeredAtWindow.parse("2026-12-05T17:59:30.123456789+11:00"));
        // as the consumers read ce_time (the events contract's Rfc3339): a space for the T, a year PostgreSQL can store
        assertEquals(
                Optional.of(Instant.parse("2026-12-05T06:59:30Z")), TriggeredAtWindow.parse("2026-12-05 06:59:30Z"));
        assertTrue(TriggeredAtWindow.parse("+20000-01-01T00:00:00Z").isEmpty());
    }

    @Test
    void aWindowWithoutAPastOrWithANegativeDriftIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new TriggeredAtWindow(Duration.ZERO, Duration.ofMinutes(5)));
        assertThrows(
                IllegalStateException.class, () -> new TriggeredAtWindow(Duration.ofHours(5), Duration.ofMinutes(-1)));
    }
}
