package com.lavish.edge.identity;

import com.lavish.edge.identity.AppProxySignatureException.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the {@code signature} Shopify's app proxy adds to a storefront request (docs/shopify-reference.md §2) and
 * says which shop and which logged-in customer it vouches for. Plain Java, so every service and test can use it.
 *
 * <p>The signed message: every query parameter but {@code signature}, URL-decoded, repeated keys' values joined
 * with {@code ,} in order of appearance, as {@code key=value} strings (a key without {@code =} signs as
 * {@code key=}), sorted by byte order and concatenated with no separator; the signature is the lowercase hex
 * HMAC-SHA256 of it, keyed with the app's client secret.
 */
public final class AppProxySignatureVerifier {

    public static final Duration DEFAULT_FRESHNESS = Duration.ofSeconds(90);

    static final String SIGNATURE = "signature";
    static final String SHOP = "shop";
    static final String TIMESTAMP = "timestamp";
    static final String LOGGED_IN_CUSTOMER_ID = "logged_in_customer_id";

    /**
     * Parameters that must appear once. Shopify's own library rejects repeats of the first four (SAJ
     * APP_PROXY_SINGLE_VALUE_PARAMS); a repeated customer id would sign as {@code 1,2}, which no reader should
     * have to interpret, so it is refused too.
     */
    private static final Set<String> SINGLE_VALUED = Set.of(SIGNATURE, SHOP, TIMESTAMP, "hmac", LOGGED_IN_CUSTOMER_ID);

    private final List<byte[]> secrets;
    private final Clock clock;
    private final Duration freshness;

    /**
     * @param secrets   the current client secret first, then any still accepted during a rotation
     * @param clock     the time freshness is measured against
     * @param freshness how far the signed timestamp may be from now, either way
     */
    public AppProxySignatureVerifier(List<String> secrets, Clock clock, Duration freshness) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw new IllegalArgumentException("at least one non-empty client secret is needed");
        }
        this.secrets =
                secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.clock = Objects.requireNonNull(clock);
        this.freshness = Objects.requireNonNull(freshness);
    }

    public AppProxySignatureVerifier(List<String> secrets, Clock clock) {
        this(secrets, clock, DEFAULT_FRESHNESS);
    }

    /**
     * @param rawQuery the query string exactly as received, still URL-encoded, without the leading {@code ?}
     * @return the shop and, when a customer is logged in, their id
     * @throws AppProxySignatureException when the request is not one Shopify's proxy signed just now
     */
    public AppProxyIdentity verify(String rawQuery) {
        Map<String, List<String>> parameters = decode(rawQuery == null ? "" : rawQuery);
        for (String key : SINGLE_VALUED) {
            List<String> values = parameters.get(key);
            if (values != null && values.size() > 1) {
                throw new AppProxySignatureException(Reason.REPEATED_PARAMETER, key + " appears more than once");
            }
        }
        String signature = single(parameters, SIGNATURE);
        if (signature == null || signature.isEmpty()) {
            throw new AppProxySignatureException(Reason.MISSING_SIGNATURE, "the request carries no signature");
        }
        checkFresh(single(parameters, TIMESTAMP));
        if (!matchesAnySecret(message(parameters), signature)) {
            throw new AppProxySignatureException(Reason.INVALID_SIGNATURE, "the signature does not match");
        }
        String shop = single(parameters, SHOP);
        if (shop == null || shop.isEmpty()) {
            throw new AppProxySignatureException(Reason.MISSING_SHOP, "the request names no shop");
        }
        return new AppProxyIdentity(shop, customerId(single(parameters, LOGGED_IN_CUSTOMER_ID)));
    }

    /** The message Shopify signs for these decoded parameters; package-visible for tests. */
    static String message(Map<String, List<String>> parameters) {
        List<byte[]> pairs = new ArrayList<>(parameters.size());
        parameters.forEach((key, values) -> {
            if (!SIGNATURE.equals(key)) {
                pairs.add((key + "=" + String.join(",", values)).getBytes(StandardCharsets.UTF_8));
            }
        });
        // byte order, as the docs' Ruby sorts; String.compareTo would order by UTF-16 units instead
        pairs.sort(Arrays::compareUnsigned);
        StringBuilder message = new StringBuilder();
        pairs.forEach(p -> message.append(new String(p, StandardCharsets.UTF_8)));
        return message.toString();
    }

    /** Splits and URL-decodes a raw query, keeping keys in order of first appearance and values in order. */
    static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = urlDecode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : urlDecode(part.substring(eq + 1));
            parameters.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        }
        return parameters;
    }

    private static String urlDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AppProxySignatureException(
                    Reason.MALFORMED_QUERY, "the query string is not URL-encoded properly");
        }
    }

    private static String single(Map<String, List<String>> parameters, String key) {
        List<String> values = parameters.get(key);
        return values == null ? null : values.get(0);
    }

    private void checkFresh(String timestamp) {
        if (timestamp == null
                || timestamp.isEmpty()
                || timestamp.length() > 12
                || !timestamp.chars().allMatch(Character::isDigit)) {
            throw new AppProxySignatureException(Reason.BAD_TIMESTAMP, "timestamp must be Unix seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > freshness.toSeconds()) {
            throw new AppProxySignatureException(
                    Reason.STALE_TIMESTAMP,
                    "the signed timestamp is more than " + freshness.toSeconds() + " s from now");
        }
    }

    private boolean matchesAnySecret(String message, String signature) {
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        byte[] content = message.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        // every secret is tried, so the time taken does not tell which one matched
        for (byte[] secret : secrets) {
            byte[] expected =
                    HexFormat.of().formatHex(hmacSha256(secret, content)).getBytes(StandardCharsets.US_ASCII);
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    private static byte[] hmacSha256(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static OptionalLong customerId(String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        long id = 0;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                id = Long.parseLong(value);
            } catch (NumberFormatException beyondLong) {
                id = 0;
            }
        }
        if (id <= 0) {
            throw new AppProxySignatureException(Reason.BAD_CUSTOMER_ID, "logged_in_customer_id is not a customer id");
        }
        return OptionalLong.of(id);
    }
}
