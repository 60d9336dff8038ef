package com.lavish.notifications.service;

import java.util.Locale;

/** Where a message stands; stored lower-case in message.state. */
public enum MessageState {
    /** Owed, never tried. */
    QUEUED,
    /** Tried and refused for now (4xx) or the server was away: tried again at next_attempt_at. */
    RETRYING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up: refused for good (5xx), no address known, or too many attempts. */
    FAILED,
    /** Never to be sent: a reminder to a customer who unsubscribed from reminders. */
    SUPPRESSED;

    public static MessageState of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
