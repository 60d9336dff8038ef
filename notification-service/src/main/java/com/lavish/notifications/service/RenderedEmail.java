package com.lavish.notifications.service;

/** One email as it goes out: subject, HTML and plain text. Holds personal data: never logged. */
public record RenderedEmail(String subject, String html, String text) {

    @Override
    public String toString() {
        return "RenderedEmail[subject]";
    }
}
