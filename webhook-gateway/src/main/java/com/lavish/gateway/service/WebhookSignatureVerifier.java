package com.lavish.gateway.service;

import com.lavish.edge.config.ShopifyAppConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Shopify-Hmac-Sha256}: the base64 HMAC-SHA256 of the raw body keyed with the app's client secret
 * (docs/shopify-reference.md §1.2). The current secret and, during a rotation, the previous one are accepted. The
 * digests are compared as bytes in constant time.
 */
@ApplicationScoped
public class WebhookSignatureVerifier {

    /** Which client secret signed a webhook. */
    public enum SecretSlot {
        CURRENT,
        PREVIOUS
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_LENGTH = 32;

    private final List<SigningKey> keys;

    @Inject
    public WebhookSignatureVerifier(ShopifyAppConfig config) {
        this(config.apiSecret(), config.apiSecretPrevious());
    }

    public WebhookSignatureVerifier(String currentSecret, Optional<String> previousSecret) {
        if (currentSecret == null || currentSecret.isBlank()) {
            throw new IllegalStateException("SHOPIFY_API_SECRET is not set: webhooks cannot be verified");
        }
        List<SigningKey> list = new ArrayList<>(2);
        list.add(new SigningKey(SecretSlot.CURRENT, currentSecret));
        previousSecret
                .filter(s -> !s.isBlank() && !s.equals(currentSecret))
                .ifPresent(s -> list.add(new SigningKey(SecretSlot.PREVIOUS, s)));
        this.keys = List.copyOf(list);
    }

    /**
     * @param body      the raw request body
     * @param signature the header value; malformed base64 simply does not match
     * @return the secret that signed the body, empty when none did
     */
    public Optional<SecretSlot> verify(byte[] body, String signature) {
        byte[] claimed = decode(signature);
        if (claimed == null || claimed.length != DIGEST_LENGTH) {
            return Optional.empty();
        }
        for (SigningKey key : keys) {
            if (MessageDigest.isEqual(key.sign(body), claimed)) {
                return Optional.of(key.slot);
            }
        }
        return Optional.empty();
    }

    private static byte[] decode(String signature) {
        if (signature == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * One secret with a Mac per thread: Mac is not thread-safe, and initialising one per request would repeat the key
     * schedule on every webhook. doFinal resets the Mac for the next use.
     */
    private static final class SigningKey {

        private final SecretSlot slot;
        private final ThreadLocal<Mac> macs;

        SigningKey(SecretSlot slot, String secret) {
            this.slot = slot;
            SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
            newMac(key); // fails at start-up rather than on the first webhook
            this.macs = ThreadLocal.withInitial(() -> newMac(key));
        }

        byte[] sign(byte[] body) {
            return macs.get().doFinal(body);
        }

        private static Mac newMac(SecretKeySpec key) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }
}
