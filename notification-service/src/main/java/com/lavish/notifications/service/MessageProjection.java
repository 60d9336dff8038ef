package com.lavish.notifications.service;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.ProjectionBatch;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.WebhookFields;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.subscription.SubscriptionEvents;
import com.lavish.notifications.config.NotificationsConfig;
import com.lavish.notifications.repository.MessageWrites;
import com.lavish.notifications.repository.MessageWrites.NewMessage;
import com.lavish.notifications.repository.RecipientWrites;
import com.lavish.notifications.repository.RecipientWrites.CustomerKey;
import com.lavish.notifications.repository.RecipientWrites.StoredRecipient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * subscription.events into the message log: each new event (the pipeline's ledger has dropped the ce_ids seen before)
 * becomes one message, inserted in the poll's transaction, to the address the recipient has then. A reminder to a
 * customer who unsubscribed is recorded as suppressed; an event for a customer whose address is not known yet (their
 * customer webhook comes on another topic, and may come later) is queued without one, and the sender takes the
 * address when it has arrived. An erased customer gets no message at all (counted ignored). Once the poll commits,
 * the sender is nudged.
 */
@ApplicationScoped
public class MessageProjection implements EventProjection<SubscriptionEvent> {

    private final RecipientWrites recipients;
    private final MessageWrites messages;
    private final NotificationTemplates templates;
    private final MessageSender sender;
    private final NotificationMetrics metrics;
    private final NotificationsConfig config;

    public MessageProjection(
            RecipientWrites recipients,
            MessageWrites messages,
            NotificationTemplates templates,
            MessageSender sender,
            NotificationMetrics metrics,
            NotificationsConfig config) {
        this.recipients = recipients;
        this.messages = messages;
        this.templates = templates;
        this.sender = sender;
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public String metric() {
        return "notifications.events";
    }

    @Override
    public Optional<SubscriptionEvent> read(ShopifyEvent event) {
        if (!event.type().startsWith(SubscriptionEvents.TYPE_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(SubscriptionEvents.read(event.payload()));
    }

    @Override
    public Uni<Void> write(ProjectionBatch<SubscriptionEvent> batch) {
        Set<CustomerKey> customers =
                batch.deliveries().stream().map(MessageProjection::customer).collect(Collectors.toSet());
        return recipients
                .find(batch.connection(), customers)
                .chain(found -> {
                    List<NewMessage> rows = new ArrayList<>();
                    for (Delivery<SubscriptionEvent> delivery : batch.deliveries()) {
                        message(delivery, found)
                                .ifPresentOrElse(rows::add, () -> delivery.outcome(EventOutcome.IGNORED));
                    }
                    return messages.insert(batch.connection(), rows)
                            .invoke(inserted -> batch.afterCommit().then(() -> {
                                rows.stream()
                                        .filter(row -> inserted.contains(row.eventId())
                                                && !MessageState.QUEUED.column().equals(row.state()))
                                        .forEach(row -> metrics.count(
                                                SubscriptionEventType.valueOf(row.kind()),
                                                MessageState.of(row.state()),
                                                null));
                                return sender.nudge();
                            }));
                })
                .replaceWithVoid();
    }

    private Optional<NewMessage> message(
            Delivery<SubscriptionEvent> delivery, Map<CustomerKey, StoredRecipient> found) {
        SubscriptionEvent event = delivery.change();
        StoredRecipient recipient = found.get(customer(delivery));
        if (recipient != null && recipient.erased()) {
            return Optional.empty();
        }
        EmailLocale locale = EmailLocale.of(recipient == null ? null : recipient.locale());
        MessageState state;
        String answer = null;
        if (recipient != null && event.type().reminder() && recipient.remindersOff()) {
            state = MessageState.SUPPRESSED;
            answer = "reminders unsubscribed";
        } else {
            state = MessageState.QUEUED;
        }
        return Optional.of(new NewMessage(
                event.eventId(),
                event.shop(),
                event.customerId(),
                event.contractId(),
                event.type().name(),
                locale.tag(),
                recipient == null ? null : recipient.email(),
                recipient == null ? null : recipient.firstName(),
                templates.subject(event.type(), event.shop(), locale),
                new String(delivery.event().payload(), StandardCharsets.UTF_8),
                state.column(),
                MessageIds.smtp(event.eventId(), config.messageIdDomain()),
                answer,
                event.occurredAt() == null ? null : WebhookFields.parseTimestamp(event.occurredAt())));
    }

    private static CustomerKey customer(Delivery<SubscriptionEvent> delivery) {
        return new CustomerKey(delivery.change().shop(), delivery.change().customerId());
    }
}
