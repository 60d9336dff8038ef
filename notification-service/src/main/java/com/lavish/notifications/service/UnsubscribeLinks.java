package com.lavish.notifications.service;

import com.lavish.notifications.config.NotificationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links in reminders that stop them without a login: HMAC-SHA256 under NOTIFICATIONS_UNSUBSCRIBE_SECRET over the
 * shop and the customer id, so a link opens only its own customer's choice and nobody can make one for another. The
 * link does not expire: an old reminder must still be able to stop the next ones.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    public static final String PATH = "/notifications/unsubscribe";

    private final NotificationsConfig config;
    private final SecretKeySpec key;

    public UnsubscribeLinks(NotificationsConfig config) {
        this.config = config;
        this.key = new SecretKeySpec(config.unsubscribe().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The link for this customer of this shop. */
    public String url(String shop, long customerId) {
        return config.unsubscribe().baseUrl().replaceAll("/+$", "") + PATH + "?shop=" + encode(shop) + "&customer="
                + customerId + "&signature=" + signature(shop, customerId);
    }

    /** Base64url of the HMAC over {@code shop \n customer id}; the newline keeps the two fields apart. */
    public String signature(String shop, long customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((shop + "\n" + customerId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether the signature is this customer's, compared in constant time. */
    public boolean verify(String shop, long customerId, String signature) {
        if (shop == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                signature(shop, customerId).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
