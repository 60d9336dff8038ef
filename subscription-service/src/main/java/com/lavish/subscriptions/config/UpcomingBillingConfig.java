package com.lavish.subscriptions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * The reminder before a contract bills ({@code upcoming-billing.*}): how many days ahead, per shop where a shop wants
 * its own (a shop that ships further away warns earlier), else {@code days-before}.
 */
@ConfigMapping(prefix = "upcoming-billing")
public interface UpcomingBillingConfig {

    /** How often the job looks for contracts coming up ({@code off} in tests, which run it themselves). */
    @WithDefault("1h")
    String every();

    /** How many days before its billing date a contract is reminded of, for a shop with no setting of its own. */
    @WithDefault("3")
    int daysBefore();

    /** Contracts one transaction of the job takes. */
    @WithDefault("200")
    int batchSize();

    /** Per shop domain ({@code upcoming-billing.shops."<shop>".days-before}), overriding {@code days-before}. */
    Map<String, Shop> shops();

    interface Shop {

        int daysBefore();
    }
}
