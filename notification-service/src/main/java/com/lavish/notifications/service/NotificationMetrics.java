package com.lavish.notifications.service;

import com.lavish.events.subscription.SubscriptionEventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code notifications_messages_total{kind,outcome}}: messages sent, failed, retried (an attempt refused for now) and
 * suppressed; {@code notifications_delivery_seconds{kind}}: from the event's occurredAt to the SMTP server's
 * acceptance, the delay a customer sees.
 */
@ApplicationScoped
public class NotificationMetrics {

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One attempt's outcome (or a message closed without one), once its transaction has committed. */
    public void count(SubscriptionEventType kind, MessageState state, Instant occurredAt) {
        String outcome = switch (state) {
            case SENT -> "sent";
            case FAILED -> "failed";
            case RETRYING -> "retried";
            case SUPPRESSED -> "suppressed";
            case QUEUED -> "queued";
        };
        Counter.builder("notifications.messages")
                .description("messages by kind and what became of them")
                .tag("kind", kind.name())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (state == MessageState.SENT && occurredAt != null) {
            Duration delay = Duration.between(occurredAt, Instant.now());
            Timer.builder("notifications.delivery")
                    .description("from the event to the SMTP server's acceptance")
                    .tag("kind", kind.name())
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(delay.isNegative() ? Duration.ZERO : delay);
        }
    }
}
