package com.lavish.shopifyfake.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The fake Shopify's state, in memory: one {@link ShopData} per shop domain, created (with the seed catalogue) on
 * first use. Ids come from one sequence per resource type, several of them beyond 2^53 so that a client that
 * reads an id through a double is caught.
 */
public final class AdminStore {

    static final String CURRENCY = "AUD";
    static final String DEFAULT_SHOP_HOST = "lavish-library.myshopify.com";
    static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** Schedules work after a delay (Vert.x timers in the server; tests may run it at once). */
    public interface Scheduler {
        void after(Duration delay, Runnable work);
    }

    /** A webhook Shopify would send: where the fake's sender picks it up. */
    public record Webhook(String shop, String topic, byte[] body) {}

    private final Map<String, ShopData> shops = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Scheduler scheduler;
    private final Consumer<Webhook> webhooks;
    private volatile Duration billingDelay;

    public AdminStore(Clock clock, Scheduler scheduler, Duration billingDelay, Consumer<Webhook> webhooks) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.billingDelay = billingDelay;
        this.webhooks = webhooks;
    }

    public ShopData shop(String domain) {
        return shops.computeIfAbsent(domain, d -> new ShopData(d, this));
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Now, as precise as the clock is (a webhook's occurredAt). */
    Instant instant() {
        return clock.instant();
    }

    static String format(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }

    /** The next id of a resource type; the first ids of each type are chosen to be recognisable (and some huge). */
    long nextId(String type) {
        return sequences.computeIfAbsent(type, t -> new AtomicLong(firstId(t))).getAndIncrement();
    }

    private static long firstId(String type) {
        return switch (type) {
            case "Product" -> 8_123_456_000_001L;
            case "ProductVariant" -> 44_123_456_000_001L;
            case "SellingPlanGroup" -> 1_039_518_000_001L;
            case "SellingPlan" -> 4_012_345_000_001L;
            // beyond 2^53 (9007199254740992): a double cannot hold these exactly
            case "Customer" -> 9_007_199_254_741_001L;
            case "Order" -> 9_007_199_254_850_001L;
            case "LineItem" -> 9_007_199_254_950_001L;
            case "SubscriptionContract" -> 9_007_199_255_050_001L;
            case "SubscriptionLine" -> 9_007_199_255_150_001L;
            case "SubscriptionBillingAttempt" -> 9_007_199_255_250_001L;
            case "SubscriptionDraft" -> 9_007_199_255_350_001L;
            case "MailingAddress" -> 9_007_199_255_450_001L;
            case "BulkOperation" -> 5_100_000_001L;
            default -> 1_000_001L;
        };
    }

    void publish(Webhook webhook) {
        webhooks.accept(webhook);
    }

    void schedule(Duration delay, Runnable work) {
        scheduler.after(delay, work);
    }

    Duration billingDelay() {
        return billingDelay;
    }

    public void billingDelay(Duration delay) {
        this.billingDelay = delay;
    }

    /** Runs {@code work} on every shop (the control endpoints' listings). */
    void forEachShop(BiConsumer<String, ShopData> work) {
        shops.forEach(work);
    }
}
