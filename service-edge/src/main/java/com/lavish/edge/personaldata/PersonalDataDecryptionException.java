package com.lavish.edge.personaldata;

/**
 * A stored value that is not read: our ciphertext that does not decrypt (it was written for another row or column,
 * it was altered, or its key is no longer in the keyset), or, in a row-bound column, a value not bound to its row once
 * such values are refused. Never a guess at the plaintext; the message names the column, never the value.
 */
public class PersonalDataDecryptionException extends IllegalStateException {

    public PersonalDataDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
