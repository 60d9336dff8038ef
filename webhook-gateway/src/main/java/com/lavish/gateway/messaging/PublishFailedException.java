package com.lavish.gateway.messaging;

/** Kafka did not acknowledge an event within the publish timeout, or refused it. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String topic, String message, Throwable cause) {
        super(topic + ": " + message, cause);
    }
}
