package com.lavish.edge.ratelimit;

import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.identity.StorefrontConfig.Algorithm;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Counts requests in Redis, so every replica of every storefront service shares one limit per subject. Each
 * check is one Lua script, atomic and one round trip, checking all limits of a request before counting it in
 * any; only commands of Redis 6.2 are used. The script is called by its SHA-1 ({@code EVALSHA}): Redis keeps it
 * loaded, so a check sends a few keys and numbers rather than the script's text; a Redis that restarted and lost it
 * answers NOSCRIPT once, and the check is sent with the text ({@code EVAL}), which loads it again. A rejected
 * request is not counted, so a client that backs off for {@code Retry-After} gets in again.
 *
 * <p>The limiter also remembers, in this replica, which subjects Redis refused and for how long
 * ({@link #recentlyRefused}), so that a caller can check a subject that is hammering it before doing any work for it.
 */
@ApplicationScoped
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class RedisRateLimiter {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);
    private static final long WARN_EVERY_MILLIS = 30_000;
    /** Subjects remembered as refused at most; past it, expired ones are dropped, and new ones not remembered. */
    private static final int MAX_REMEMBERED_REFUSALS = 10_000;

    /**
     * KEYS[i] a counter; ARGV[2i-1] its limit, ARGV[2i] its window (ms). Returns ms to wait, 0 if admitted. A counter
     * at its limit in the very millisecond it expires still refuses (1 ms): a script sees keys as of its start, while
     * PTTL reads the clock, so a full counter can answer 0 and would otherwise let one request too many through.
     */
    private static final String FIXED_WINDOW = """
            local wait = 0
            for i = 1, #KEYS do
              local count = tonumber(redis.call('GET', KEYS[i]) or '0')
              if count >= tonumber(ARGV[2 * i - 1]) then
                local ttl = redis.call('PTTL', KEYS[i])
                if ttl == -1 then
                  redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
                  ttl = tonumber(ARGV[2 * i])
                elseif ttl < 1 then
                  ttl = 1
                end
                if ttl > wait then wait = ttl end
              end
            end
            if wait == 0 then
              for i = 1, #KEYS do
                redis.call('INCR', KEYS[i])
                if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
              end
            end
            return wait
            """;

    /**
     * KEYS[i] a sorted set of admitted requests scored by time; ARGV[1] now (ms), ARGV[2] this request's member,
     * ARGV[2i+1] the limit, ARGV[2i+2] the window (ms). Returns ms until the oldest entry leaves, 0 if admitted.
     */
    private static final String SLIDING_WINDOW = """
            local now = tonumber(ARGV[1])
            local wait = 0
            for i = 1, #KEYS do
              local window = tonumber(ARGV[2 * i + 2])
              redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
              if redis.call('ZCARD', KEYS[i]) >= tonumber(ARGV[2 * i + 1]) then
                local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
                local left = tonumber(oldest[2]) + window - now
                if left < 1 then left = 1 end
                if left > wait then wait = left end
              end
            end
            if wait == 0 then
              for i = 1, #KEYS do
                redis.call('ZADD', KEYS[i], now, ARGV[2])
                redis.call('PEXPIRE', KEYS[i], ARGV[2 * i + 2])
              end
            end
            return wait
            """;

    private static final String FIXED_WINDOW_SHA = sha1(FIXED_WINDOW);
    private static final String SLIDING_WINDOW_SHA = sha1(SLIDING_WINDOW);

    private final ReactiveRedisDataSource redis;
    private final StorefrontConfig.RateLimit config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong lastWarning = new AtomicLong();
    /** Redis key of a refused subject to the time (ms) its Retry-After ends. */
    private final ConcurrentHashMap<String, Long> refusedUntil = new ConcurrentHashMap<>();

    public RedisRateLimiter(ReactiveRedisDataSource redis, StorefrontConfig config) {
        this.redis = redis;
        this.config = config.rateLimit();
    }

    /**
     * Checks and, when all allow it, counts one request against every limit.
     *
     * <p>When Redis does not answer in time or fails, the request is allowed and a warning logged: the limits
     * protect the storefront from abuse, and Redis being away must not take every customer's account page down
     * with it; the app proxy's signature and freshness checks still stand in front.
     */
    public Uni<RateLimitDecision> acquire(List<RateLimit> limits) {
        if (limits.isEmpty()) {
            return Uni.createFrom().item(RateLimitDecision.ALLOWED);
        }
        Algorithm algorithm = config.algorithm();
        String[] arguments = arguments(algorithm, limits);
        String script = algorithm == Algorithm.FIXED_WINDOW ? FIXED_WINDOW : SLIDING_WINDOW;
        return redis.execute("EVALSHA", arguments)
                .onFailure(RedisRateLimiter::scriptNotLoaded)
                .recoverWithUni(failure -> {
                    arguments[0] = script;
                    return redis.execute("EVAL", arguments);
                })
                .ifNoItem()
                .after(config.redisTimeout())
                .fail()
                .map(response -> {
                    long waitMillis = response == null ? 0 : response.toLong();
                    if (waitMillis <= 0) {
                        return RateLimitDecision.ALLOWED;
                    }
                    rememberRefused(limits, waitMillis);
                    return RateLimitDecision.rejected(Duration.ofMillis(waitMillis));
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    warnFailOpen(failure);
                    return RateLimitDecision.ALLOWED;
                });
    }

    /**
     * Whether Redis refused any of these subjects on this replica and its Retry-After has not passed yet: such a
     * request is likely refused again, so it is worth waiting for the verdict before doing the request's work.
     */
    public boolean recentlyRefused(List<RateLimit> limits) {
        if (refusedUntil.isEmpty()) {
            return false;
        }
        long now = clock.millis();
        for (RateLimit limit : limits) {
            Long until = refusedUntil.get(limit.key());
            if (until != null && until > now) {
                return true;
            }
        }
        return false;
    }

    /** The script says only how long to wait, not which subject was over: every subject of the request is noted. */
    private void rememberRefused(List<RateLimit> limits, long waitMillis) {
        long now = clock.millis();
        if (refusedUntil.size() >= MAX_REMEMBERED_REFUSALS) {
            refusedUntil.values().removeIf(until -> until <= now);
            if (refusedUntil.size() >= MAX_REMEMBERED_REFUSALS) {
                return;
            }
        }
        limits.forEach(limit -> refusedUntil.merge(limit.key(), now + waitMillis, Math::max));
    }

    private String[] arguments(Algorithm algorithm, List<RateLimit> limits) {
        List<String> args = new ArrayList<>(4 + 3 * limits.size());
        // the algorithms keep different Redis types, so each has its own keys and a switch never meets WRONGTYPE
        String suffix = algorithm == Algorithm.FIXED_WINDOW ? ":fw" : ":sw";
        args.add(algorithm == Algorithm.FIXED_WINDOW ? FIXED_WINDOW_SHA : SLIDING_WINDOW_SHA);
        args.add(Integer.toString(limits.size()));
        limits.forEach(l -> args.add(l.key() + suffix));
        if (algorithm == Algorithm.SLIDING_WINDOW) {
            args.add(Long.toString(clock.millis()));
            args.add(UUID.randomUUID().toString());
        }
        limits.forEach(l -> {
            args.add(Integer.toString(l.requests()));
            args.add(Long.toString(l.window().toMillis()));
        });
        return args.toArray(String[]::new);
    }

    /** Redis's answer when it does not hold a script by that SHA-1 (a restart, a SCRIPT FLUSH). */
    private static boolean scriptNotLoaded(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    /** The SHA-1 Redis names a script by: hex of the digest of its text. */
    static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    private void warnFailOpen(Throwable failure) {
        long now = clock.millis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf(
                    "rate limits are not enforced: Redis failed (%s: %s); letting requests through",
                    failure.getClass().getSimpleName(), failure.getMessage());
        }
    }
}
