package com.lavish.bench;

import com.lavish.e2e.Browser;
import com.lavish.e2e.ShopArrangements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The account page's first visit in Chromium, measured by the page itself (navigation timing): a subscriber with
 * ORDERS orders and one subscription opens /account in a fresh browser (no cache, no cookies but the log-in) RUNS
 * times, after one visit that is not counted (the services' first requests). For each visit: the HTML's first byte
 * (responseStart), DOMContentLoaded, the load event, and the portal complete (the module's
 * {@code lavish:portal-complete} mark: subscriptions, orders and addresses all on screen), in milliseconds from the
 * navigation's start. Usage: AccountPageLoad RUNS ORDERS (bench/run-page-load.sh).
 */
public final class AccountPageLoad {

    private static final List<String> MEASURES =
            List.of("responseStart", "domContentLoadedEventEnd", "loadEventEnd", "portalComplete");

    private AccountPageLoad() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ShopArrangements.Subscriber subscriber = ShopArrangements.subscriber("Ada", "Lovelace");
        for (int i = 0; i < orders; i++) {
            ShopArrangements.order("orders/create", subscriber.customerId(), ShopArrangements.newOrderId(), "paid");
        }
        Map<String, List<Double>> results = new java.util.LinkedHashMap<>();
        MEASURES.forEach(m -> results.put(m, new ArrayList<>()));
        for (int run = 0; run <= runs; run++) {
            try (Browser browser = new Browser()) {
                browser.loggedInAs(subscriber.customerId()).open("/account");
                browser.waiting(Duration.ofSeconds(30))
                        .until(d -> Boolean.TRUE.equals(browser.script(
                                "return performance.getEntriesByName('lavish:portal-complete').length > 0")));
                long shown =
                        (long) browser.script("return document.querySelectorAll('[data-lavish-orders] tr').length");
                if (shown < Math.min(orders, 10)) {
                    throw new IllegalStateException("the page shows " + shown + " orders, not " + orders);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) browser.script("""
                        const n = performance.getEntriesByType('navigation')[0]
                        return { responseStart: n.responseStart, domContentLoadedEventEnd: n.domContentLoadedEventEnd,
                                 loadEventEnd: n.loadEventEnd,
                                 portalComplete: performance.getEntriesByName('lavish:portal-complete')[0].startTime }""");
                if (run > 0) {
                    MEASURES.forEach(m -> results.get(m).add(((Number) timing.get(m)).doubleValue()));
                }
            }
        }
        System.out.printf(
                "account page, first visit, %d runs (one more before them not counted), %d orders:%n", runs, orders);
        System.out.printf("%-26s %8s %8s %8s %8s%n", "ms from navigation start", "min", "median", "p90", "max");
        results.forEach((measure, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            System.out.printf(
                    "%-26s %8.0f %8.0f %8.0f %8.0f%n",
                    measure,
                    sorted.get(0),
                    sorted.get(sorted.size() / 2),
                    sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                    sorted.get(sorted.size() - 1));
        });
    }
}
