package com.lavish.notifications.service;

import java.util.UUID;

/**
 * The ids a message is known by. Its SMTP Message-ID is set by us from its event id, {@code <event-id@domain>}, so
 * every attempt of one message, including one repeated after a crash, carries the same id (RFC 5322 §3.6.4). A resend
 * is a message of its own, with an id derived from the original's.
 */
public final class MessageIds {

    private MessageIds() {}

    /** The Message-ID: the event id, with anything RFC 5322's dot-atom does not allow made a hyphen. */
    public static String smtp(String eventId, String domain) {
        return "<" + eventId.replaceAll("[^A-Za-z0-9._-]", "-") + "@" + domain + ">";
    }

    /** The event id of a new resend of a message: unique, and naming the original. */
    public static String resend(String originalEventId) {
        return originalEventId + ".resend." + UUID.randomUUID();
    }
}
