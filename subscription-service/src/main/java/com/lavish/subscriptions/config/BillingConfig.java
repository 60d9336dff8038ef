package com.lavish.subscriptions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The billing run: {@code billing.*}. */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    /** How often the billing run looks for due contracts ({@code off} in tests, which run it themselves). */
    @WithDefault("5m")
    String every();

    /** Contracts one transaction of the run locks and bills. */
    @WithDefault("50")
    int batchSize();

    /** How long an attempt sync-service could not deliver (FAILED) waits before it is sent again, same key. */
    @WithDefault("15m")
    Duration resendAfter();
}
