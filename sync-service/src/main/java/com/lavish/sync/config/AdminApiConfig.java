package com.lavish.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How sync-service paces and bounds its Admin API calls: {@code sync.admin-api.*}. Retries of transport failures
 * and the circuit breaker are SmallRye Fault Tolerance's, configured under {@code quarkus.fault-tolerance}.
 */
@ConfigMapping(prefix = "sync.admin-api")
public interface AdminApiConfig {

    /** How long one HTTP exchange may take before it counts as a transport failure. */
    @WithDefault("15s")
    Duration requestTimeout();

    /** How long connecting may take. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** THROTTLED answers one call takes (each after the wait the bucket asks for) before it gives up. */
    @WithDefault("20")
    int throttledRetries();

    /** The shortest wait after a THROTTLED answer, when the bucket's numbers would allow sending at once. */
    @WithDefault("200ms")
    Duration throttledMinimumWait();

    /** The longest single wait for the bucket; longer estimates are cut to it and the bucket asked again. */
    @WithDefault("60s")
    Duration throttleMaximumWait();

    /** The bucket assumed for a shop before Shopify's first answer tells its real size. */
    @WithDefault("1000")
    double initialMaximumAvailable();

    /** The restore rate (points per second) assumed before Shopify's first answer. */
    @WithDefault("50")
    double initialRestoreRate();

    /** The prefix of the Redis keys of the shops' buckets. */
    @WithDefault("lavish:sync:throttle:")
    String throttleKeyPrefix();
}
