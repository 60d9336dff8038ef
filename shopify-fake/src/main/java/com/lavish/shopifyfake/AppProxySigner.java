package com.lavish.shopifyfake;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signs a storefront request as Shopify's app proxy forwards it (docs/shopify-reference.md §2): it adds {@code shop},
 * {@code logged_in_customer_id} (empty for a visitor who is not logged in), {@code path_prefix} and
 * {@code timestamp}, and {@code signature} = lowercase hex HMAC-SHA256 over every other parameter as
 * {@code key=value} strings (repeated keys' values joined with {@code ,}), sorted and concatenated with no separator.
 */
public final class AppProxySigner {

    public static final String DEFAULT_PATH_PREFIX = "/apps/lavish";

    private final String secret;

    public AppProxySigner(String secret) {
        this.secret = secret;
    }

    /** The signature over decoded parameters, in order of appearance per key. */
    public static String signature(String secret, Map<String, List<String>> parameters) {
        String message = parameters.entrySet().stream()
                .filter(e -> !"signature".equals(e.getKey()))
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .sorted()
                .collect(Collectors.joining());
        return ShopifyHmac.hex(secret, message);
    }

    /**
     * The query string Shopify's proxy would send for a customer (or, with a null id, an anonymous visitor).
     *
     * @param extra the storefront's own query parameters, passed through and signed
     */
    public String query(
            String shopDomain, Long loggedInCustomerId, Instant timestamp, Map<String, List<String>> extra) {
        return query(shopDomain, loggedInCustomerId, timestamp, DEFAULT_PATH_PREFIX, extra);
    }

    /**
     * As {@link #query(String, Long, Instant, Map)}, under the path prefix the merchant chose (merchants can change
     * it, and Shopify's published examples use {@code /apps/awesome_reviews}).
     */
    public String query(
            String shopDomain,
            Long loggedInCustomerId,
            Instant timestamp,
            String pathPrefix,
            Map<String, List<String>> extra) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(extra);
        parameters.put("shop", List.of(shopDomain));
        parameters.put(
                "logged_in_customer_id",
                List.of(loggedInCustomerId == null ? "" : Long.toUnsignedString(loggedInCustomerId)));
        parameters.put("path_prefix", List.of(pathPrefix));
        parameters.put("timestamp", List.of(Long.toString(timestamp.getEpochSecond())));
        parameters.put("signature", List.of(signature(secret, parameters)));
        List<String> pairs = new ArrayList<>();
        parameters.forEach((key, values) -> values.forEach(v -> pairs.add(encode(key) + "=" + encode(v))));
        return String.join("&", pairs);
    }

    /** The query string for a customer's request made now, with no parameters of the storefront's own. */
    public String query(String shopDomain, Long loggedInCustomerId) {
        return query(shopDomain, loggedInCustomerId, Instant.now(), Map.of());
    }

    /** A query string's parameters, URL-decoded, repeated keys' values in order of appearance. */
    public static Map<String, List<String>> decodeQuery(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
