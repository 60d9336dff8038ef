package com.lavish.sync.client;

import com.lavish.sync.config.AdminApiConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Shopify's cost bucket of each shop as every replica of sync-service estimates it together, in Redis
 * ({@code redis/admin-api-bucket.lua}): a call reserves its requested cost first and waits
 * {@code (cost - available) / restoreRate} when the bucket cannot cover it; every answer's {@code throttleStatus}
 * sets the estimate to Shopify's count less what other calls have reserved and not yet had answered (and gives the
 * bucket's real size and restore rate); a THROTTLED answer does the same and reserves again.
 *
 * <p>When Redis fails, a call goes ahead without waiting (logged at most once a minute): Shopify's THROTTLED answer
 * still protects the shop, at the price of a retry.
 */
@ApplicationScoped
public class AdminApiBucket {

    private static final Logger LOG = Logger.getLogger(AdminApiBucket.class);
    private static final String SCRIPT = script();
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);
    private static final long IDLE_BUCKET_MILLIS = Duration.ofHours(1).toMillis();
    private static final long WARN_EVERY_MILLIS = 60_000;

    /** The bucket after a call to the script. */
    public record Estimate(Duration delay, double available, double maximum, double restoreRate) {}

    /** Points taken for one call: its id (to settle it when the answer comes) and how long to wait first. */
    public record Reservation(String id, int cost, Duration delay) {}

    private final ReactiveRedisDataSource redis;
    private final AdminApiConfig config;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> availableByShop = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong();

    public AdminApiBucket(ReactiveRedisDataSource redis, AdminApiConfig config, MeterRegistry metrics) {
        this.redis = redis;
        this.config = config;
        this.metrics = metrics;
    }

    /** Takes {@code cost} points from the shop's bucket; the answer says how long to wait before sending. */
    public Uni<Reservation> reserve(String shop, int cost) {
        String id = UUID.randomUUID().toString();
        return call(shop, "reserve", id, Integer.toString(cost), "", null)
                .map(estimate -> new Reservation(id, cost, estimate.delay()));
    }

    /**
     * Settles a reservation with its answer's cost: Shopify's count, less what other calls reserved and Shopify has
     * not answered yet, becomes the estimate (or, without a count, what the document did not use is refunded).
     */
    public Uni<Void> observe(String shop, Reservation reservation, QueryCost cost) {
        return call(
                        shop,
                        "observe",
                        reservation.id(),
                        cost == null ? Integer.toString(reservation.cost()) : number(cost.requestedQueryCost()),
                        cost == null ? "" : number(cost.actualQueryCost()),
                        cost == null ? null : cost.throttleStatus())
                .replaceWithVoid();
    }

    /** After a THROTTLED answer: Shopify's count replaces the estimate and {@code cost} is reserved again. */
    public Uni<Reservation> throttled(String shop, Reservation reservation, int cost, QueryCost answered) {
        return call(
                        shop,
                        "throttled",
                        reservation.id(),
                        Integer.toString(cost),
                        "",
                        answered == null ? null : answered.throttleStatus())
                .map(estimate -> new Reservation(reservation.id(), cost, estimate.delay()));
    }

    /** The points the shop's bucket had at this replica's last look, for the gauge; NaN before any. */
    public double lastKnownAvailable(String shop) {
        AtomicLong bits = availableByShop.get(shop);
        return bits == null ? Double.NaN : Double.longBitsToDouble(bits.get());
    }

    private Uni<Estimate> call(String shop, String op, String id, String first, String second, ThrottleStatus status) {
        // one hash tag per shop: both keys in one slot, should Redis ever be a cluster
        String key = config.throttleKeyPrefix() + "{" + shop + "}";
        return redis.execute(
                        "EVAL",
                        SCRIPT,
                        "2",
                        key,
                        key + ":pending",
                        op,
                        id,
                        first,
                        second,
                        status == null ? "" : number(status.maximumAvailable()),
                        status == null ? "" : number(status.currentlyAvailable()),
                        status == null ? "" : number(status.restoreRate()),
                        number(config.initialMaximumAvailable()),
                        number(config.initialRestoreRate()),
                        Long.toString(IDLE_BUCKET_MILLIS),
                        Long.toString(config.requestTimeout().toMillis() * 2))
                .ifNoItem()
                .after(REDIS_TIMEOUT)
                .fail()
                .map(response -> estimate(shop, response))
                .onFailure()
                .recoverWithItem(failure -> {
                    warnFailOpen(failure);
                    return new Estimate(Duration.ZERO, Double.NaN, Double.NaN, Double.NaN);
                });
    }

    private Estimate estimate(String shop, Response response) {
        long waitMillis = Long.parseLong(response.get(0).toString());
        double available = Double.parseDouble(response.get(1).toString());
        availableByShop
                .computeIfAbsent(shop, s -> {
                    AtomicLong bits = new AtomicLong();
                    Gauge.builder("sync.throttle.available", this, bucket -> bucket.lastKnownAvailable(s))
                            .description("Admin API cost points the shop's bucket had at this replica's last look")
                            .tag("shop", s)
                            .register(metrics);
                    return bits;
                })
                .set(Double.doubleToLongBits(available));
        Duration wait = Duration.ofMillis(
                Math.min(waitMillis, config.throttleMaximumWait().toMillis()));
        return new Estimate(
                wait,
                available,
                Double.parseDouble(response.get(2).toString()),
                Double.parseDouble(response.get(3).toString()));
    }

    private void warnFailOpen(Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf(
                    "the Admin API bucket is not shared: Redis failed (%s: %s); sending without waiting",
                    failure.getClass().getSimpleName(), failure.getMessage());
        }
    }

    private static String number(Integer value) {
        return value == null ? "" : Integer.toString(value);
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    private static String script() {
        try (InputStream in = AdminApiBucket.class.getClassLoader().getResourceAsStream("redis/admin-api-bucket.lua")) {
            if (in == null) {
                throw new IllegalStateException("redis/admin-api-bucket.lua is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
