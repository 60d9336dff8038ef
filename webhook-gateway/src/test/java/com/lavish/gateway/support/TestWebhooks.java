package com.lavish.gateway.support;

import static io.restassured.RestAssured.given;

import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Webhooks signed as Shopify signs them, with the secrets the test profile configures. */
public final class TestWebhooks {

    public static final String SHOP = "lavish-test.myshopify.com";
    public static final String API_VERSION = "2026-07";

    private TestWebhooks() {}

    public static String currentSecret() {
        return ConfigProvider.getConfig().getValue("shopify.api-secret", String.class);
    }

    public static String previousSecret() {
        return ConfigProvider.getConfig().getValue("shopify.api-secret-previous", String.class);
    }

    /** Headers of a fresh delivery signed with the current secret. */
    public static Map<String, String> headers(String topic, byte[] body) {
        return new WebhookSigner(currentSecret(), API_VERSION).headers(topic, SHOP, body);
    }

    public static Map<String, String> headers(String topic, String shop, byte[] body, String secret) {
        return new WebhookSigner(secret, API_VERSION).headers(topic, shop, body);
    }

    /**
     * A shop's app/uninstalled as the fake sends it: Shopify's published example (the shop resource) naming the shop.
     */
    public static byte[] appUninstalled(String shop) {
        return SampleWebhooks.lavish("app/uninstalled", shop, null, null);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static Response post(String path, Map<String, String> headers, byte[] body) {
        return given().headers(headers).body(body).when().post(path);
    }

    public static Response post(Map<String, String> headers, byte[] body) {
        return post("/webhooks", headers, body);
    }
}
