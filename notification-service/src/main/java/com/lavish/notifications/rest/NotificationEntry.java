package com.lavish.notifications.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.notifications.Message;
import java.time.Instant;

/**
 * One message as the admin sees it: what, to whom (the address masked: enough to tell two apart, not to write to),
 * where it stands and the SMTP server's last answer. Ids are strings, as everywhere the suite answers JSON.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NotificationEntry(
        String id,
        String resendOf,
        String kind,
        String state,
        String subject,
        String recipient,
        String locale,
        int attempts,
        String messageId,
        String providerAnswer,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {

    static NotificationEntry of(Message m) {
        return new NotificationEntry(
                m.id.toString(),
                m.resendOf == null ? null : m.resendOf.toString(),
                m.kind,
                m.state,
                m.subject,
                mask(m.recipient),
                m.locale,
                m.attempts,
                m.smtpMessageId,
                m.providerAnswer,
                m.createdAt,
                m.nextAttemptAt,
                m.sentAt);
    }

    /** {@code jane.doe@example.com} as {@code j***@example.com}. */
    static String mask(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
