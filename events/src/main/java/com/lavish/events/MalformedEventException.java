package com.lavish.events;

/** A record or payload that breaks the event contract: retrying it cannot help, so it goes to the dead letters. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
