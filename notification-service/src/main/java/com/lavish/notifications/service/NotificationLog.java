package com.lavish.notifications.service;

import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.notifications.Message;
import com.lavish.notifications.config.NotificationsConfig;
import com.lavish.notifications.repository.MessageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The admin's side of the message log: what a customer was sent, and one more send of a message. A resend is a new
 * message that names the original (resend_of), with an event id and Message-ID of its own: the original keeps its
 * place as the one message of its event, and the provider does not drop the resend as a repeat.
 */
@ApplicationScoped
public class NotificationLog {

    private static final int MAX_LISTED = 200;

    private final MessageRepository messages;
    private final PersonalDataCipher cipher;
    private final NotificationsConfig config;

    public NotificationLog(MessageRepository messages, PersonalDataCipher cipher, NotificationsConfig config) {
        this.messages = messages;
        this.cipher = cipher;
        this.config = config;
    }

    @WithSession
    public Uni<List<Message>> ofCustomer(String shop, long customerId) {
        return messages.ofCustomer(shop, customerId, MAX_LISTED);
    }

    /** Queues a resend of the message; null when there is no such message. */
    @WithTransaction
    public Uni<Message> resend(long id) {
        return messages.findById(id).chain(original -> {
            if (original == null) {
                return Uni.createFrom().nullItem();
            }
            Message resend = new Message();
            resend.eventId = MessageIds.resend(original.eventId);
            resend.resendOf = original.id;
            resend.shopDomain = original.shopDomain;
            resend.customerId = original.customerId;
            resend.contractId = original.contractId;
            resend.kind = original.kind;
            resend.locale = original.locale;
            resend.recipient = original.recipient;
            resend.firstName = original.firstName;
            resend.subject = original.subject;
            resend.payload = original.payload;
            resend.state = MessageState.QUEUED.column();
            resend.attempts = 0;
            Instant now = Instant.now();
            resend.nextAttemptAt = now;
            resend.createdAt = now;
            resend.occurredAt = original.occurredAt;
            resend.smtpMessageId = MessageIds.smtp(resend.eventId, config.messageIdDomain());
            resend.encryptWith(cipher);
            return messages.persist(resend);
        });
    }
}
