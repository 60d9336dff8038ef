package com.lavish.edge.personaldata;

/**
 * A stored value that carries our ciphertext prefix but does not decrypt: it was written for another column, it
 * was altered, or its key is no longer in the keyset. Never a guess at the plaintext.
 */
public class PersonalDataDecryptionException extends IllegalStateException {

    public PersonalDataDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
