package com.lavish.shopifyfake.admin;

import java.time.OffsetDateTime;

/**
 * When a contract's billing cycles fall. Cycles are counted from the contract's first next billing date: cycle
 * {@code i} is billed on {@code anchor.date + (i - anchor.index)} billing intervals and starts one interval before.
 * A changed next billing date or billing interval re-anchors the cycles at the cycle due next, so the indexes of the
 * cycles already billed or skipped keep their meaning.
 *
 * @param interval      the billing policy's interval: DAY, WEEK, MONTH or YEAR
 * @param intervalCount how many intervals one cycle lasts
 * @param anchor        the cycle whose billing date is known
 */
record BillingSchedule(String interval, int intervalCount, Anchor anchor) {

    /** Cycle {@code index} is billed on {@code date}. */
    record Anchor(int index, OffsetDateTime date) {}

    OffsetDateTime billingDate(int index) {
        return step(anchor.date(), index - anchor.index());
    }

    /** Stepped back from its own billing date, not cycle {@code index - 1}'s: month ends clamp differently. */
    OffsetDateTime start(int index) {
        return step(billingDate(index), -1);
    }

    /** The index of the cycle billed on {@code next}, or of the last one billed before it; never below 1. */
    int indexBilledOn(OffsetDateTime next) {
        int index = anchor.index();
        OffsetDateTime date = anchor.date();
        while (date.isBefore(next)) {
            index++;
            date = step(date, 1);
        }
        while (date.isAfter(next) && index > 1) {
            index--;
            date = step(date, -1);
        }
        return index;
    }

    private OffsetDateTime step(OffsetDateTime from, long cycles) {
        return plus(from, interval, intervalCount, cycles);
    }

    static OffsetDateTime plus(OffsetDateTime from, String interval, int count, long times) {
        long n = count * times;
        return switch (interval) {
            case "DAY" -> from.plusDays(n);
            case "WEEK" -> from.plusWeeks(n);
            case "YEAR" -> from.plusYears(n);
            default -> from.plusMonths(n);
        };
    }
}
