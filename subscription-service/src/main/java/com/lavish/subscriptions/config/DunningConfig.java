package com.lavish.subscriptions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What happens after a failed billing attempt: {@code dunning.*}. Payment and inventory failures each have their
 * path: retries after the given intervals, then the final action. Which error codes are inventory failures is
 * {@code dunning.inventory-error-codes}; every other failure takes the payment path.
 */
@ConfigMapping(prefix = "dunning")
public interface DunningConfig {

    /** Shopify's failure codes (lower-case, as the webhooks write them) that take the inventory path. */
    @WithDefault("insufficient_inventory,inventory_allocations_not_found")
    List<String> inventoryErrorCodes();

    Path payment();

    Path inventory();

    interface Path {

        /** The wait before each retry: its length is the number of retries after the first failure. */
        List<Duration> retryIntervals();

        /** What ends dunning when the last retry failed too. */
        @WithDefault("pause")
        FinalAction finalAction();
    }

    enum FinalAction {
        PAUSE,
        CANCEL;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
