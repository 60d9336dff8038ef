package com.lavish.edge.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.edge.identity.AppProxySignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("security")
class AppProxySignatureVerifierTest {

    /*
     * Shopify's published vectors. DOCS_*: shopify.dev/docs/apps/build/online-store/app-proxies/authenticate-app-proxies
     * (secret "hush"; the logged-in example and, under "No customer logged in", the anonymous one, whose full
     * digest e072b6d7…93cb is printed there). The page now shows the shop as the placeholder {shop}.myshopify.com;
     * both digests verify with shop-name.myshopify.com only.
     */
    private static final long DOCS_TIME = 1317327555L;
    private static final String DOCS_LOGGED_IN = "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1"
            + "&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555"
            + "&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";
    private static final String DOCS_ANONYMOUS = "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id="
            + "&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555"
            + "&signature=e072b6d7e6622d85912a5214b860d3100dc1e73d9bc29f43796ac8c9ff8093cb";

    /*
     * Shopify/shopify_app@1b5fb99f, test/shopify_app/controller_concerns/app_proxy_verification_test.rb, tests
     * basic_query_string and query_string_complex_args (secret "secret"): bracketed keys signed as raw strings,
     * a key without '=' signed as "baz[1]=", and the signature anywhere in the query.
     */
    private static final long SAPP_TIME = 1466106083L;
    private static final String SAPP_BASIC = "shop=some-random-store.myshopify.com&path_prefix=%2Fapps%2Fmy-app"
            + "&timestamp=1466106083&signature=f5cd7233558b1c50102a6f33c0b63ad1e1072a2fc126cb58d4500f75223cefcd";
    private static final String SAPP_COMPLEX_SIGNATURE_FIRST = "shop=some-random-store.myshopify.com"
            + "&path_prefix=%2Fapps%2Fmy-app&timestamp=1466106083"
            + "&signature=bbf3aa60e098f08919a2ea4c64a388414f164e6a117a63b03479ac7aa9464b4f"
            + "&foo=bar&baz[1]&baz[2]=b&baz[c[0]]=whatup&baz[c[1]]=notmuch";
    private static final String SAPP_COMPLEX_SIGNATURE_LAST = "shop=some-random-store.myshopify.com"
            + "&path_prefix=%2Fapps%2Fmy-app&timestamp=1466106083"
            + "&foo=bar&baz[1]&baz[2]=b&baz[c[0]]=whatup&baz[c[1]]=notmuch"
            + "&signature=bbf3aa60e098f08919a2ea4c64a388414f164e6a117a63b03479ac7aa9464b4f";

    private static AppProxySignatureVerifier verifier(String secret, long epochSecond) {
        return new AppProxySignatureVerifier(
                List.of(secret), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void buildsTheMessageExactlyAsTheDocsPrintIt() {
        assertEquals(
                "extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555",
                AppProxySignatureVerifier.message(AppProxySignatureVerifier.decode(DOCS_LOGGED_IN)));
    }

    @Test
    void acceptsTheDocsLoggedInExample() {
        AppProxyIdentity identity = verifier("hush", DOCS_TIME).verify(DOCS_LOGGED_IN);
        assertEquals("shop-name.myshopify.com", identity.shop());
        assertEquals(OptionalLong.of(1), identity.loggedInCustomerId());
    }

    @Test
    void acceptsTheDocsAnonymousExampleAsAnonymous() {
        AppProxyIdentity identity = verifier("hush", DOCS_TIME).verify(DOCS_ANONYMOUS);
        assertEquals("shop-name.myshopify.com", identity.shop());
        assertTrue(identity.loggedInCustomerId().isEmpty());
    }

    @Test
    void acceptsShopifyAppBasicAndBracketedKeyExamples() {
        AppProxySignatureVerifier verifier = verifier("secret", SAPP_TIME);
        assertEquals(
                "some-random-store.myshopify.com", verifier.verify(SAPP_BASIC).shop());
        assertEquals(
                "some-random-store.myshopify.com",
                verifier.verify(SAPP_COMPLEX_SIGNATURE_FIRST).shop());
        assertEquals(
                "some-random-store.myshopify.com",
                verifier.verify(SAPP_COMPLEX_SIGNATURE_LAST).shop());
    }

    @Test
    void rejectsAnAddedParameter() {
        assertReason(
                Reason.INVALID_SIGNATURE,
                verifier("secret", SAPP_TIME),
                SAPP_BASIC.replace("&signature", "&evil=1&signature"));
    }

    @Test
    void rejectsAnotherCustomerIdUnderTheSameSignature() {
        assertReason(
                Reason.INVALID_SIGNATURE,
                verifier("hush", DOCS_TIME),
                DOCS_LOGGED_IN.replace("logged_in_customer_id=1", "logged_in_customer_id=2"));
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        assertReason(Reason.INVALID_SIGNATURE, verifier("not-hush", DOCS_TIME), DOCS_LOGGED_IN);
    }

    @Test
    void rejectsATamperedSignature() {
        assertReason(
                Reason.INVALID_SIGNATURE,
                verifier("hush", DOCS_TIME),
                DOCS_LOGGED_IN.replace("signature=4c68", "signature=4c69"));
    }

    @Test
    void rejectsAnUppercaseSignature() {
        // Shopify sends lowercase hex; accepting other spellings would only widen what an attacker may send
        assertReason(
                Reason.INVALID_SIGNATURE,
                verifier("hush", DOCS_TIME),
                DOCS_LOGGED_IN.replace(
                        "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb",
                        "4C68C8624D737112C91818C11017D24D334B524CB5C2B8BA08DAA056F7395DDB"));
    }

    @Test
    void acceptsThePreviousSecretDuringARotation() {
        AppProxySignatureVerifier verifier = new AppProxySignatureVerifier(
                List.of("new-secret", "hush"), Clock.fixed(Instant.ofEpochSecond(DOCS_TIME), ZoneOffset.UTC));
        assertEquals(OptionalLong.of(1), verifier.verify(DOCS_LOGGED_IN).loggedInCustomerId());
    }

    @Test
    void rejectsATimestampOlderThanTheWindow() {
        assertReason(Reason.STALE_TIMESTAMP, verifier("hush", DOCS_TIME + 91), DOCS_LOGGED_IN);
    }

    @Test
    void rejectsATimestampTooFarInTheFuture() {
        assertReason(Reason.STALE_TIMESTAMP, verifier("hush", DOCS_TIME - 91), DOCS_LOGGED_IN);
    }

    @Test
    void acceptsATimestampAtTheEdgeOfTheWindow() {
        assertEquals(
                OptionalLong.of(1),
                verifier("hush", DOCS_TIME + 90).verify(DOCS_LOGGED_IN).loggedInCustomerId());
    }

    @Test
    void honoursAConfiguredWindow() {
        AppProxySignatureVerifier strict = new AppProxySignatureVerifier(
                List.of("hush"),
                Clock.fixed(Instant.ofEpochSecond(DOCS_TIME + 11), ZoneOffset.UTC),
                Duration.ofSeconds(10));
        assertReason(Reason.STALE_TIMESTAMP, strict, DOCS_LOGGED_IN);
    }

    @Test
    void rejectsAMissingOrNonNumericTimestamp() {
        String secret = "s3cret";
        long now = 1_700_000_000L;
        assertReason(
                Reason.BAD_TIMESTAMP,
                verifier(secret, now),
                sign(secret, "shop=a.myshopify.com&logged_in_customer_id=5"));
        assertReason(
                Reason.BAD_TIMESTAMP,
                verifier(secret, now),
                sign(secret, "shop=a.myshopify.com&logged_in_customer_id=5&timestamp=1.7e9"));
        assertReason(
                Reason.BAD_TIMESTAMP,
                verifier(secret, now),
                sign(secret, "shop=a.myshopify.com&logged_in_customer_id=5&timestamp=-1700000000"));
    }

    @Test
    void rejectsRepeatedSingleValuedParameters() {
        String secret = "s3cret";
        long now = 1_700_000_000L;
        String base = "shop=a.myshopify.com&logged_in_customer_id=5&timestamp=" + now;
        assertReason(Reason.REPEATED_PARAMETER, verifier(secret, now), sign(secret, base + "&shop=b.myshopify.com"));
        assertReason(Reason.REPEATED_PARAMETER, verifier(secret, now), sign(secret, base + "&timestamp=" + now));
        assertReason(Reason.REPEATED_PARAMETER, verifier(secret, now), sign(secret, base + "&hmac=x&hmac=y"));
        assertReason(Reason.REPEATED_PARAMETER, verifier(secret, now), sign(secret, base + "&logged_in_customer_id=6"));
        assertReason(Reason.REPEATED_PARAMETER, verifier(secret, now), sign(secret, base) + "&signature=00");
    }

    @Test
    void rejectsAMissingSignature() {
        assertReason(
                Reason.MISSING_SIGNATURE,
                verifier("hush", DOCS_TIME),
                DOCS_LOGGED_IN.substring(0, DOCS_LOGGED_IN.indexOf("&signature")));
        assertReason(Reason.MISSING_SIGNATURE, verifier("hush", DOCS_TIME), "");
        assertReason(Reason.MISSING_SIGNATURE, verifier("hush", DOCS_TIME), null);
    }

    @Test
    void rejectsBrokenPercentEncoding() {
        assertReason(Reason.MALFORMED_QUERY, verifier("hush", DOCS_TIME), DOCS_LOGGED_IN + "&x=%zz");
    }

    @Test
    void readsCustomerIdsBeyondTwoToThe53Exactly() {
        String secret = "s3cret";
        long now = 1_700_000_000L;
        long id = 706405506930370084L; // the docs' example customer: a double would make it ...048
        AppProxyIdentity identity = verifier(secret, now)
                .verify(sign(secret, "shop=a.myshopify.com&logged_in_customer_id=" + id + "&timestamp=" + now));
        assertEquals(OptionalLong.of(id), identity.loggedInCustomerId());
        assertEquals(
                OptionalLong.of(Long.MAX_VALUE),
                verifier(secret, now)
                        .verify(sign(
                                secret,
                                "shop=a.myshopify.com&logged_in_customer_id=" + Long.MAX_VALUE + "&timestamp=" + now))
                        .loggedInCustomerId());
    }

    @Test
    void rejectsACustomerIdThatIsNoLong() {
        String secret = "s3cret";
        long now = 1_700_000_000L;
        for (String bad : List.of("9223372036854775808", "1e3", "-5", "0", "12a")) {
            assertReason(
                    Reason.BAD_CUSTOMER_ID,
                    verifier(secret, now),
                    sign(secret, "shop=a.myshopify.com&logged_in_customer_id=" + bad + "&timestamp=" + now));
        }
    }

    @Test
    void rejectsASignedRequestWithoutShop() {
        String secret = "s3cret";
        long now = 1_700_000_000L;
        assertReason(
                Reason.MISSING_SHOP, verifier(secret, now), sign(secret, "logged_in_customer_id=5&timestamp=" + now));
    }

    @Test
    void decodesPlusAsSpaceAndPercentEscapes() {
        String secret = "s3cret";
        long now = 1_700_000_000L;
        String query = "shop=a.myshopify.com&logged_in_customer_id=5&timestamp=" + now + "&q=red+wine%2C+dry";
        // signed over the decoded value, as Shopify does
        String message = "logged_in_customer_id=5q=red wine, dryshop=a.myshopify.comtimestamp=" + now;
        assertEquals(message, AppProxySignatureVerifier.message(AppProxySignatureVerifier.decode(query)));
        assertEquals(
                OptionalLong.of(5),
                verifier(secret, now)
                        .verify(query + "&signature=" + hmacHex(secret, message))
                        .loggedInCustomerId());
    }

    @Test
    void sortsByBytesNotByUtf16Units() {
        // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in UTF-8, after it in UTF-16 units
        String query = "%F0%9F%98%80=1&%EF%BC%A1=2";
        assertEquals(
                "\uFF21=2\uD83D\uDE00=1", AppProxySignatureVerifier.message(AppProxySignatureVerifier.decode(query)));
    }

    private static void assertReason(Reason expected, AppProxySignatureVerifier verifier, String query) {
        AppProxySignatureException e = assertThrows(AppProxySignatureException.class, () -> verifier.verify(query));
        assertEquals(expected, e.reason(), e.getMessage());
    }

    /** Appends a signature computed independently of the verifier (plain string building, own HMAC). */
    private static String sign(String secret, String query) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            grouped.computeIfAbsent(part.substring(0, eq), k -> new ArrayList<>())
                    .add(part.substring(eq + 1));
        }
        String message = grouped.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .sorted()
                .reduce("", String::concat);
        return query + "&signature=" + hmacHex(secret, message);
    }

    private static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
