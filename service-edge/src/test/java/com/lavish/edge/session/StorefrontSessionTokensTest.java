package com.lavish.edge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StorefrontSessionTokensTest {

    @Test
    void secretShorterThan32BytesIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> StorefrontSessionTokens.secretKey("31-bytes-is-one-byte-too-short!"));
    }

    @Test
    void secretOf32BytesIsAnHmacSha256Key() {
        assertEquals(
                "HmacSHA256", StorefrontSessionTokens.secretKey("x".repeat(32)).getAlgorithm());
    }
}
