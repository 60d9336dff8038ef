package com.lavish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void readsShopifysShapesAsInstantsWhateverTheOffset() {
        assertEquals(Instant.parse("2026-01-01T15:00:00Z"), Rfc3339.parse("2026-01-01T10:00:00-05:00"));
        assertEquals(Instant.parse("2026-07-01T00:30:00Z"), Rfc3339.parse("2026-07-01T10:00:00+09:30"));
        assertEquals(Instant.parse("2019-01-01T00:00:00Z"), Rfc3339.parse("2019-01-01 00:00:00.000Z"));
        assertEquals(
                Instant.parse("2026-02-03T04:05:06.123456789Z"), Rfc3339.parse(" 2026-02-03T04:05:06.123456789Z "));
        assertEquals(Instant.parse("2026-02-03T04:05:06.120Z"), Rfc3339.parse("2026-02-03T04:05:06.12Z"));
    }

    @Test
    void refusesWhatIsNoTimestampOrWhatPostgresqlCouldNotStore() {
        assertNull(Rfc3339.parse("the day before yesterday"));
        assertNull(Rfc3339.parse("2026-02-30T00:00:00Z"), "no such day");
        assertNull(Rfc3339.parse("2026-13-01T00:00:00Z"));
        assertNull(Rfc3339.parse("2026-01-01T24:00:00Z"));
        assertNull(Rfc3339.parse("+20000-01-01T00:00:00Z"), "a year PostgreSQL cannot store");
        assertNull(Rfc3339.parse("0000-01-01T00:00:00Z"));
        assertNull(Rfc3339.parse("2026-01-01T00:00:00"), "no offset");
        assertNull(Rfc3339.parse(""));
        assertNull(Rfc3339.parse(null));
    }

    @Test
    void agreesWithJavaTimeOnEveryTimestampItReads() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            OffsetDateTime time = OffsetDateTime.ofInstant(
                    Instant.ofEpochSecond(
                            random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000)),
                    ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60));
            String text = time.toString();
            Instant expected;
            try {
                OffsetDateTime parsed = OffsetDateTime.parse(text);
                expected = parsed.getYear() >= 1 && parsed.getYear() <= 9999 ? parsed.toInstant() : null;
            } catch (DateTimeParseException e) {
                expected = null;
            }
            assertEquals(expected, Rfc3339.parse(text), text);
        }
    }
}
