package com.lavish.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where and as whom sync-service calls Shopify's Admin GraphQL API. Operators set {@code SHOPIFY_ADMIN_URL},
 * {@code SHOPIFY_ADMIN_TOKEN} (a secret: environment only, never logged), {@code SHOPIFY_API_VERSION} and
 * {@code SHOPIFY_SHOPS}.
 */
@ConfigMapping(prefix = "shopify")
public interface ShopifyAdminConfig {

    /** The placeholder in {@link #adminUrl()} that stands for the shop domain. */
    String SHOP_PLACEHOLDER = "{shop}";

    /**
     * The Admin API's origin; {@code {shop}} is replaced by the shop domain, so one setting serves every shop
     * ({@code https://{shop}}); a fixed URL (the fake) serves them all from one place.
     */
    @WithDefault("https://{shop}")
    String adminUrl();

    /** The access token for every shop that has none of its own in {@link #adminTokens()}. */
    Optional<String> adminToken();

    /** Access tokens by shop domain, when the suite serves several shops. */
    Map<String, String> adminTokens();

    /** The Admin API version of every call: one setting for the whole suite. */
    @WithDefault("2026-07")
    String apiVersion();

    /** The shop domains served ({@code x.myshopify.com}), comma-separated in the environment. */
    Set<String> shops();

    /** The endpoint of a shop's Admin GraphQL API. */
    default String graphqlEndpoint(String shop) {
        String origin = adminUrl().replace(SHOP_PLACEHOLDER, shop);
        if (origin.endsWith("/")) {
            origin = origin.substring(0, origin.length() - 1);
        }
        return origin + "/admin/api/" + apiVersion() + "/graphql.json";
    }

    /** The shop's access token, or empty when none is configured. */
    default Optional<String> tokenOf(String shop) {
        String own = adminTokens().get(shop);
        return own != null && !own.isBlank() ? Optional.of(own) : adminToken().filter(t -> !t.isBlank());
    }
}
