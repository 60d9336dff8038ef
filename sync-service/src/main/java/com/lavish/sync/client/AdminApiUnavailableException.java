package com.lavish.sync.client;

/**
 * The Admin API could not be reached or did not answer properly: a refused or dropped connection, a timeout, a 5xx,
 * a body that is not a GraphQL answer. Retried with backoff, and counted by the circuit breaker. Whether Shopify
 * applied a mutation before the failure is unknown.
 */
public class AdminApiUnavailableException extends RuntimeException {

    public AdminApiUnavailableException(String message) {
        super(message);
    }

    public AdminApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
