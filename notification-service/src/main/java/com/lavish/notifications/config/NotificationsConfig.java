package com.lavish.notifications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What the emails say and link to, how the unsubscribe links are signed, and how the sender paces itself. */
@ConfigMapping(prefix = "notifications")
public interface NotificationsConfig {

    /** Per shop domain: its name as the emails show it; a shop not listed is named from its domain. */
    Map<String, Shop> shops();

    /** The account portal, {@code {shop}} standing for the shop domain. */
    @WithDefault("https://{shop}/account")
    String accountUrl();

    /** The domain of the Message-IDs we set ({@code <event id@domain>}). */
    @WithDefault("notifications.lavish")
    String messageIdDomain();

    Unsubscribe unsubscribe();

    Sender sender();

    interface Shop {
        Optional<String> name();
    }

    interface Unsubscribe {
        /** HMAC-SHA256 key of the links (NOTIFICATIONS_UNSUBSCRIBE_SECRET); no production default. */
        String secret();

        /** Where the link points: the public origin that routes /notifications/unsubscribe here. */
        @WithName("base-url")
        String baseUrl();
    }

    interface Sender {
        /** How often the sender looks for messages due, besides the nudge after each commit. */
        @WithDefault("10s")
        String every();

        /** How many messages one pass sends at most before it lets the next tick go on. */
        @WithDefault("50")
        int batchSize();

        /**
         * How many messages a pass has on their way at once, each in its own transaction: an SMTP exchange waits on
         * the server, and one at a time left messages queueing behind it at 100 a second (bench/README.md).
         */
        @WithDefault("4")
        int concurrency();

        /** The wait after the first refused or failed attempt; doubled each time up to {@link #maxBackoff()}. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("30m")
        Duration maxBackoff();

        /**
         * How long one message's SMTP exchange may take. Past it the attempt counts as failed for now; if the server
         * did accept it, the next attempt carries the same Message-ID.
         */
        @WithDefault("60s")
        Duration sendTimeout();

        /** Attempts before a message that keeps failing transiently is given up as failed. */
        @WithDefault("40")
        int maxAttempts();
    }
}
