package com.lavish.sync.client;

/**
 * The Admin API answered with top-level errors that sending again would not cure (a document the schema refuses,
 * access denied, an unknown shop), or THROTTLED more often than {@code sync.admin-api.throttled-retries}.
 */
public class AdminApiException extends RuntimeException {

    public AdminApiException(String message) {
        super(message);
    }
}
