package com.lavish.shopifyfake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppProxySignerTest {

    private static final Instant DOCS_TIMESTAMP = Instant.ofEpochSecond(1317327555);

    /**
     * The worked example of https://shopify.dev/docs/apps/build/online-store/app-proxies/authenticate-app-proxies
     * (secret {@code hush}). The page prints the shop as {@code {shop}.myshopify.com}, but its digests verify only
     * with {@code shop-name.myshopify.com} (docs/shopify-reference.md §2).
     */
    @Test
    void reproducesTheDocsExampleForALoggedInCustomer() {
        assertEquals(
                "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1"
                        + "&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555"
                        + "&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb",
                new AppProxySigner("hush")
                        .query("shop-name.myshopify.com", 1L, DOCS_TIMESTAMP, "/apps/awesome_reviews", docsExtra()));
    }

    /**
     * The same page's "No customer logged in" example: {@code logged_in_customer_id=} is present, empty and signed.
     * The full digest is printed only there; none of Shopify's libraries' tests (shopify-app-js@ef2043d4,
     * shopify_app@e44a2919, shopify-api-ruby@4eca719d) carries it.
     */
    @Test
    void reproducesTheDocsExampleForAnAnonymousVisitor() {
        assertEquals(
                "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id="
                        + "&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555"
                        + "&signature=e072b6d7e6622d85912a5214b860d3100dc1e73d9bc29f43796ac8c9ff8093cb",
                new AppProxySigner("hush")
                        .query("shop-name.myshopify.com", null, DOCS_TIMESTAMP, "/apps/awesome_reviews", docsExtra()));
    }

    /**
     * Shopify/shopify_app@e44a2919a185a7f457f1dd6e46f83f8d9c295e9d,
     * test/shopify_app/controller_concerns/app_proxy_verification_test.rb, "basic_query_string" and
     * "query_string_complex_args" (secret {@code secret}): a key without {@code =} signs as {@code key=}, bracketed
     * keys sign as raw strings.
     */
    @Test
    void reproducesShopifyAppRailsVectors() {
        Map<String, List<String>> basic = new LinkedHashMap<>();
        basic.put("shop", List.of("some-random-store.myshopify.com"));
        basic.put("path_prefix", List.of("/apps/my-app"));
        basic.put("timestamp", List.of("1466106083"));
        assertEquals(
                "f5cd7233558b1c50102a6f33c0b63ad1e1072a2fc126cb58d4500f75223cefcd",
                AppProxySigner.signature("secret", basic));

        Map<String, List<String>> complex = new LinkedHashMap<>(basic);
        complex.put("signature", List.of("ignored: never part of the message"));
        complex.put("foo", List.of("bar"));
        complex.put("baz[1]", List.of(""));
        complex.put("baz[2]", List.of("b"));
        complex.put("baz[c[0]]", List.of("whatup"));
        complex.put("baz[c[1]]", List.of("notmuch"));
        assertEquals(
                "bbf3aa60e098f08919a2ea4c64a388414f164e6a117a63b03479ac7aa9464b4f",
                AppProxySigner.signature("secret", complex));
    }

    @Test
    void signsUnderTheLavishPrefixByDefault() {
        String query = new AppProxySigner("hush").query("shop-name.myshopify.com", 1L, DOCS_TIMESTAMP, Map.of());
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("shop", List.of("shop-name.myshopify.com"));
        parameters.put("logged_in_customer_id", List.of("1"));
        parameters.put("path_prefix", List.of("/apps/lavish"));
        parameters.put("timestamp", List.of("1317327555"));
        assertEquals(
                "shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Flavish"
                        + "&timestamp=1317327555&signature=" + AppProxySigner.signature("hush", parameters),
                query);
    }

    private static Map<String, List<String>> docsExtra() {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extra.put("extra", List.of("1", "2"));
        return extra;
    }
}
