package com.lavish.consumer;

import com.lavish.events.ShopifyEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of a poll, read: the record as it came (for the dead letters), its CloudEvent, and the change it asks of
 * the service. Its outcome starts as {@link EventOutcome#APPLIED}; the service's writer marks what it did not apply.
 *
 * @param <C> the service's change type
 */
public final class Delivery<C> {

    private final ConsumerRecord<String, byte[]> record;
    private final ShopifyEvent event;
    private final C change;
    private EventOutcome outcome = EventOutcome.APPLIED;

    public Delivery(ConsumerRecord<String, byte[]> record, ShopifyEvent event, C change) {
        this.record = record;
        this.event = event;
        this.change = change;
    }

    public ConsumerRecord<String, byte[]> record() {
        return record;
    }

    public ShopifyEvent event() {
        return event;
    }

    public C change() {
        return change;
    }

    /** The record key ({@code <shop>/<entity>}): one entity's deliveries share it, and so a partition and an order. */
    public String key() {
        return record.key() != null ? record.key() : event.recordKey().toString();
    }

    public EventOutcome outcome() {
        return outcome;
    }

    public void outcome(EventOutcome outcome) {
        this.outcome = outcome;
    }

    /** Marks it stale: a newer version (stored, or later in the poll) won. */
    public void stale() {
        outcome = EventOutcome.STALE;
    }

    @Override
    public String toString() {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " " + event;
    }
}
