package com.lavish.gateway.service;

import com.lavish.events.ShopifyTopicRoute;
import com.lavish.gateway.service.WebhookSignatureVerifier.SecretSlot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The gateway's meters (Prometheus at {@code /q/metrics}). Tags that come from a request are taken only once the
 * request is authenticated, and topic families are reduced to a safe alphabet, so a caller cannot mint series.
 */
@ApplicationScoped
public class WebhookMetrics {

    static final String RECEIVED = "webhooks.received";
    static final String REJECTED = "webhooks.rejected";
    static final String VERIFIED = "webhooks.verified";
    static final String PUBLISHED = "webhooks.published";
    static final String UNROUTED = "webhooks.unrouted";
    static final String PUBLISH_LATENCY = "webhooks.publish.latency";

    private static final Pattern FAMILY = Pattern.compile("[a-z0-9_.-]{1,64}");
    private static final Pattern SHOPIFY_TOPIC = Pattern.compile("[a-z0-9_./-]{1,128}");

    private final MeterRegistry registry;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final Map<SecretSlot, Counter> verified = new EnumMap<>(SecretSlot.class);
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final Map<String, Timer> acked = new ConcurrentHashMap<>();
    private final Map<String, Timer> failed = new ConcurrentHashMap<>();

    @Inject
    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered up front, so dashboards and alerts see a 0 rather than no series
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(
                    reason,
                    Counter.builder(REJECTED)
                            .tag("reason", reason.tag())
                            .description("Webhooks answered with an error, by reason")
                            .register(registry));
        }
        for (SecretSlot slot : SecretSlot.values()) {
            verified.put(
                    slot,
                    Counter.builder(VERIFIED)
                            .tag("secret", slot.name().toLowerCase())
                            .description("Webhooks whose HMAC matched, by the client secret that signed them "
                                    + "(previous > 0 means Shopify still signs with the old secret)")
                            .register(registry));
        }
        for (ShopifyTopicRoute route : ShopifyTopicRoute.values()) {
            publishedCounter(route.kafkaTopic());
            timer(acked, route.kafkaTopic(), "acked");
        }
    }

    /** An authenticated webhook, by the family of its Shopify topic ({@code orders} for {@code orders/create}). */
    public void received(String shopifyTopic) {
        // kept, not looked up in the registry on every webhook (that builds an id and hashes its tags each time);
        // family() bounds the keys to the registry's own
        received.computeIfAbsent(family(shopifyTopic), family -> registry.counter(RECEIVED, "family", family))
                .increment();
    }

    public void rejected(RejectionReason reason) {
        rejected.get(reason).increment();
    }

    public void verified(SecretSlot slot) {
        verified.get(slot).increment();
    }

    /** Kafka acknowledged the event. */
    public void published(String kafkaTopic, long elapsedNanos) {
        publishedCounter(kafkaTopic).increment();
        timer(acked, kafkaTopic, "acked").record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    /** Kafka did not acknowledge the event in time, or refused it. */
    public void publishFailed(String kafkaTopic, long elapsedNanos) {
        timer(failed, kafkaTopic, "failed").record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    /** An event of a topic no consumer knows yet was kept on the unrouted topic: the tag says which to route. */
    public void unrouted(String shopifyTopic) {
        String topic = shopifyTopic == null ? "none" : shopifyTopic.toLowerCase();
        registry.counter(UNROUTED, "shopify_topic", SHOPIFY_TOPIC.matcher(topic).matches() ? topic : "other")
                .increment();
    }

    static String family(String shopifyTopic) {
        if (shopifyTopic == null) {
            return "none";
        }
        int slash = shopifyTopic.indexOf('/');
        String family = (slash >= 0 ? shopifyTopic.substring(0, slash) : shopifyTopic).toLowerCase();
        return FAMILY.matcher(family).matches() ? family : "other";
    }

    private Counter publishedCounter(String kafkaTopic) {
        return published.computeIfAbsent(
                kafkaTopic,
                t -> Counter.builder(PUBLISHED)
                        .tag("topic", t)
                        .description("Webhooks acknowledged by Kafka, by Kafka topic")
                        .register(registry));
    }

    private Timer timer(Map<String, Timer> timers, String kafkaTopic, String outcome) {
        return timers.computeIfAbsent(
                kafkaTopic,
                t -> Timer.builder(PUBLISH_LATENCY)
                        .tag("topic", t)
                        .tag("outcome", outcome)
                        .description("From handing an event to the producer to Kafka's acknowledgement or the give-up")
                        .publishPercentiles(0.5, 0.95, 0.99)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(5))
                        .register(registry));
    }
}
