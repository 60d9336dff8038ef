package com.lavish.subscriptions.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Billing dates one interval apart, as Shopify's policies count them (day, week, month, year). */
final class BillingCalendar {

    private BillingCalendar() {}

    /** The billing date {@code count} {@code interval}s after {@code from} (in UTC: a month after 31 Jan is 28/29 Feb). */
    static Instant after(Instant from, String interval, Integer count) {
        int n = count == null || count < 1 ? 1 : count;
        ZonedDateTime at = from.atZone(ZoneOffset.UTC);
        ZonedDateTime next = switch (interval == null ? "month" : interval.toLowerCase(Locale.ROOT)) {
            case "day" -> at.plusDays(n);
            case "week" -> at.plusWeeks(n);
            case "year" -> at.plusYears(n);
            default -> at.plusMonths(n);
        };
        return next.toInstant();
    }
}
