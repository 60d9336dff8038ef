package com.lavish.events.subscription;

import com.lavish.events.JsonMessages;
import org.apache.kafka.common.header.Headers;

/**
 * The wire form of subscription events: JSON values with CloudEvents headers (ce_id = the event id,
 * ce_type = {@code subscription.event/<TYPE>}, ce_source = the shop, ce_time = when it occurred).
 */
public final class SubscriptionEvents {

    public static final String TYPE_PREFIX = "subscription.event/";

    private SubscriptionEvents() {}

    public static byte[] write(SubscriptionEvent event) {
        return JsonMessages.bytes(event);
    }

    public static SubscriptionEvent read(byte[] value) {
        return JsonMessages.read(value, SubscriptionEvent.class);
    }

    public static Headers headers(SubscriptionEvent event) {
        return JsonMessages.headers(event.eventId(), event.type().cloudEventType(), event.shop(), event.occurredAt());
    }
}
