package com.lavish.shopifyfake.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class BillingScheduleTest {

    private static final OffsetDateTime JAN_31 = OffsetDateTime.parse("2027-01-31T00:00:00Z");

    private static BillingSchedule monthly(int anchorIndex, OffsetDateTime anchorDate) {
        return new BillingSchedule("MONTH", 1, new BillingSchedule.Anchor(anchorIndex, anchorDate));
    }

    @Test
    void cyclesAreCountedInIntervalsFromTheAnchor() {
        BillingSchedule schedule = new BillingSchedule(
                "WEEK", 2, new BillingSchedule.Anchor(3, OffsetDateTime.parse("2027-01-15T00:00:00Z")));

        assertEquals(OffsetDateTime.parse("2027-01-01T00:00:00Z"), schedule.billingDate(2));
        assertEquals(OffsetDateTime.parse("2027-01-29T00:00:00Z"), schedule.billingDate(4));
        assertEquals(OffsetDateTime.parse("2027-01-15T00:00:00Z"), schedule.start(4));
    }

    @Test
    void aCycleStartsOneIntervalBeforeItsOwnBillingDateEvenAtAMonthEnd() {
        BillingSchedule schedule = monthly(1, JAN_31);

        assertEquals(OffsetDateTime.parse("2027-02-28T00:00:00Z"), schedule.billingDate(2));
        assertEquals(OffsetDateTime.parse("2027-01-28T00:00:00Z"), schedule.start(2), "not cycle 1's Jan 31");
    }

    @Test
    void theCycleBilledOnADateIsTheLastNotAfterItAndNeverBelowOne() {
        BillingSchedule schedule = monthly(2, OffsetDateTime.parse("2027-03-01T00:00:00Z"));

        assertEquals(2, schedule.indexBilledOn(OffsetDateTime.parse("2027-03-01T00:00:00Z")));
        assertEquals(3, schedule.indexBilledOn(OffsetDateTime.parse("2027-04-15T00:00:00Z")));
        assertEquals(1, schedule.indexBilledOn(OffsetDateTime.parse("2027-02-01T00:00:00Z")));
        assertEquals(1, schedule.indexBilledOn(OffsetDateTime.parse("2026-06-01T00:00:00Z")));
    }

    @Test
    void intervalsAreDaysWeeksMonthsOrYears() {
        assertEquals(JAN_31.plusDays(6), BillingSchedule.plus(JAN_31, "DAY", 3, 2));
        assertEquals(JAN_31.minusWeeks(2), BillingSchedule.plus(JAN_31, "WEEK", 1, -2));
        assertEquals(JAN_31.plusYears(1), BillingSchedule.plus(JAN_31, "YEAR", 1, 1));
        assertEquals(OffsetDateTime.parse("2027-04-30T00:00:00Z"), BillingSchedule.plus(JAN_31, "MONTH", 3, 1));
    }
}
