package com.lavish.customers.service;

import com.lavish.customers.config.LocationsConfig;
import com.lavish.customers.service.LocationCatalog.Listing;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Serialized location answers in Redis, shared by every replica, under a key that carries the data version: a
 * release with new data reads and writes new keys, and the old ones expire. Redis is an optimisation only: when it
 * is slow or away, the answer is written from memory and a warning is logged at most every 30 s.
 */
@ApplicationScoped
public class LocationCache {

    private static final Logger LOG = Logger.getLogger(LocationCache.class);
    private static final long WARN_EVERY_MILLIS = 30_000;

    private final ReactiveValueCommands<String, String> values;
    private final LocationCatalog catalog;
    private final Duration timeout;
    private final long ttlSeconds;
    private final AtomicLong lastWarning = new AtomicLong();

    public LocationCache(ReactiveRedisDataSource redis, LocationCatalog catalog, LocationsConfig config) {
        this.values = redis.value(String.class);
        this.catalog = catalog;
        this.timeout = config.redisTimeout();
        this.ttlSeconds = Math.max(1, config.redisTtl().toSeconds());
    }

    /** The Redis key of an answer: per canonical path and data version. */
    public String key(Listing listing) {
        return "locations:" + catalog.version() + ":" + listing.key();
    }

    /** The answer's JSON: from Redis if there, else written from memory and stored for the other replicas. */
    public Uni<String> body(Listing listing) {
        String key = key(listing);
        return values.get(key)
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .recoverWithItem(failure -> {
                    warn("read", failure);
                    return null;
                })
                .onItem()
                .ifNull()
                .switchTo(() -> store(key, catalog.write(listing)));
    }

    private Uni<String> store(String key, String body) {
        return values.setex(key, ttlSeconds, body)
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .recoverWithItem(failure -> {
                    warn("write", failure);
                    return null;
                })
                .replaceWith(body);
    }

    private void warn(String what, Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("locations: cannot %s Redis (%s); answering from memory", what, failure.toString());
        }
    }
}
