package com.lavish.edge.session;

/** A bearer token that is not a current session token of ours. The message is safe to send to the caller. */
public class InvalidSessionTokenException extends RuntimeException {

    public InvalidSessionTokenException(String message) {
        super(message, null, false, false);
    }
}
