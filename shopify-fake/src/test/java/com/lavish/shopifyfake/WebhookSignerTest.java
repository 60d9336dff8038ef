package com.lavish.shopifyfake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Shopify/shopify-app-js@ef2043d4a8c4ca0adb9020d76090b2fb94979dab,
     * packages/apps/shopify-api/lib/webhooks/__tests__/validate.test.ts ("returns true for valid request"): raw body
     * {@code {"foo": "bar"}}, secret {@code test_secret_key} (lib/__tests__/test-config.ts, apiSecretKey).
     */
    @Test
    void reproducesShopifyApiJsValidationVector() {
        assertEquals(
                "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                WebhookSigner.hmac("test_secret_key", utf8("{\"foo\": \"bar\"}")));
    }

    /**
     * Shopify/shopify_app@e44a2919a185a7f457f1dd6e46f83f8d9c295e9d,
     * test/shopify_app/controller_concerns/webhook_verification_test.rb: the controller test posts params
     * {@code {foo: "anything"}}, so the raw body is the form encoding {@code foo=anything}; secrets {@code secret} and
     * {@code old_secret} (a rotation).
     */
    @Test
    void reproducesShopifyAppRailsVectorsForCurrentAndOldSecret() {
        assertEquals(
                "yCGX/RrK4fcuNtr3ztk5tQGsOBjcAzHpGLdMUrbV8yI=", WebhookSigner.hmac("secret", utf8("foo=anything")));
        assertEquals(
                "XqRcjrSv57VACn6apEO9znyu/wkN1VC7QxdSPwK3Hzs=", WebhookSigner.hmac("old_secret", utf8("foo=anything")));
    }

    @Test
    void signsTheRawBytesSoReserialisedJsonGetsAnotherDigest() {
        assertNotEquals(
                WebhookSigner.hmac("test_secret_key", utf8("{\"foo\": \"bar\"}")),
                WebhookSigner.hmac("test_secret_key", utf8("{\"foo\":\"bar\"}")));
    }

    @Test
    void headersCarryShopifysNamesAndTheBodyHmac() {
        byte[] body = utf8("{\"foo\": \"bar\"}");
        Map<String, String> headers = new WebhookSigner("test_secret_key", "2026-07")
                .headers(
                        "orders/create",
                        "shop1.myshopify.io",
                        body,
                        "123456789",
                        "evt-1",
                        Instant.parse("2025-07-10T16:15:47Z"));
        assertEquals("B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=", headers.get("X-Shopify-Hmac-Sha256"));
        assertEquals("orders/create", headers.get("X-Shopify-Topic"));
        assertEquals("shop1.myshopify.io", headers.get("X-Shopify-Shop-Domain"));
        assertEquals("2026-07", headers.get("X-Shopify-API-Version"));
        assertEquals("123456789", headers.get("X-Shopify-Webhook-Id"));
        assertEquals("evt-1", headers.get("X-Shopify-Event-Id"));
        assertEquals("2025-07-10T16:15:47Z", headers.get("X-Shopify-Triggered-At"));
        assertEquals("application/json", headers.get("Content-Type"));
    }
}
