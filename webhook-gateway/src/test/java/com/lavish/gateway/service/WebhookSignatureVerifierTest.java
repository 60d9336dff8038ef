package com.lavish.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.gateway.service.WebhookSignatureVerifier.SecretSlot;
import com.lavish.shopifyfake.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("security")
class WebhookSignatureVerifierTest {

    private static final byte[] BODY = "{\"foo\": \"bar\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignatureVerifier verifier =
            new WebhookSignatureVerifier("test_secret_key", Optional.of("old-secret"));

    @Test
    void acceptsShopifysPublishedExample() {
        // Shopify/shopify-app-js packages/apps/shopify-api/lib/webhooks/__tests__/validate.test.ts: this body
        // and hmac, with apiSecretKey 'test_secret_key' (lib/__tests__/test-config.ts)
        assertEquals(
                Optional.of(SecretSlot.CURRENT), verifier.verify(BODY, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="));
    }

    @Test
    void tellsWhenThePreviousSecretSigned() {
        assertEquals(Optional.of(SecretSlot.PREVIOUS), verifier.verify(BODY, WebhookSigner.hmac("old-secret", BODY)));
    }

    @Test
    void rejectsReserialisedJson() {
        // the same JSON without the space: HMAC is over bytes, not over meaning
        byte[] compact = "{\"foo\":\"bar\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(verifier.verify(compact, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=")
                .isEmpty());
    }

    @Test
    void rejectsMalformedTruncatedAndMissingSignatures() {
        assertTrue(verifier.verify(BODY, "not*base64!").isEmpty());
        assertTrue(verifier.verify(BODY, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3")
                .isEmpty());
        assertTrue(verifier.verify(BODY, "").isEmpty());
        assertTrue(verifier.verify(BODY, null).isEmpty());
    }

    @Test
    void emptyPreviousSecretMeansNoRotation() {
        // an operator clears SHOPIFY_API_SECRET_PREVIOUS after a rotation by setting it empty
        WebhookSignatureVerifier noRotation = new WebhookSignatureVerifier("test_secret_key", Optional.of(" "));
        assertEquals(
                Optional.of(SecretSlot.CURRENT),
                noRotation.verify(BODY, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="));
        assertTrue(
                noRotation.verify(BODY, WebhookSigner.hmac("old-secret", BODY)).isEmpty());
    }

    @Test
    void refusesToStartWithoutASecret() {
        assertThrows(IllegalStateException.class, () -> new WebhookSignatureVerifier(" ", Optional.empty()));
    }

    @Test
    void verifiesCorrectlyFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                byte[] body = ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                String secret = i % 2 == 0 ? "test_secret_key" : "old-secret";
                results.add(pool.submit(() ->
                        verifier.verify(body, WebhookSigner.hmac(secret, body)).isPresent()));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
