package com.lavish.notifications.service;

import io.vertx.ext.mail.SMTPException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What an SMTP failure means for the message, and what of it may be stored. A 5xx reply (RFC 5321 §4.2.1: permanent
 * negative completion, e.g. 550 no such user) will not change by trying again; a 4xx reply, a refused or dropped
 * connection or a timeout may. Servers often quote the address in their reply, so addresses are cut out before the
 * answer is stored or logged.
 */
public final class SmtpAnswers {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"']+");
    private static final int MAX_LENGTH = 300;

    private SmtpAnswers() {}

    /** A failure read: whether it is for good, and the answer to store (no address, bounded). */
    public record Failure(boolean permanent, String answer) {}

    public static Failure read(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof SMTPException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SMTPException smtp) {
            String reply = smtp.getReplyMessage();
            String code = Integer.toString(smtp.getReplyCode());
            return new Failure(
                    smtp.isPermanent(), scrub(reply != null && reply.startsWith(code) ? reply : code + " " + reply));
        }
        return new Failure(false, scrub(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    /** The server's answer with any address cut out, at most 300 characters. */
    public static String scrub(String answer) {
        if (answer == null) {
            return null;
        }
        String scrubbed = ADDRESS.matcher(answer).replaceAll("[address]").strip();
        return scrubbed.length() > MAX_LENGTH ? scrubbed.substring(0, MAX_LENGTH) : scrubbed;
    }

    /** The wait before attempt {@code attempts + 1}: doubled from {@code initial} after each attempt, up to {@code max}. */
    public static Duration backoff(int attempts, Duration initial, Duration max) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }
}
