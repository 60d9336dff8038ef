package com.lavish.customers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the address-form locations are cached: in Redis between replicas, and by browsers and shared caches. */
@ConfigMapping(prefix = "locations")
public interface LocationsConfig {

    /** Where the generated data lies on the classpath (tools/locations/generate.sh writes it). */
    @WithDefault("locations/locations.json")
    String resource();

    /** How long a serialized answer stays in Redis; keys carry the data version, so old ones just expire. */
    @WithDefault("24h")
    Duration redisTtl();

    /** How long to wait for Redis before answering from memory. */
    @WithDefault("250ms")
    Duration redisTimeout();

    /** {@code Cache-Control: public, max-age} of the answers: the data changes only with a release. */
    @WithDefault("24h")
    Duration httpMaxAge();
}
