package com.lavish.sync.support;

import static io.restassured.RestAssured.given;

import com.lavish.sync.ShopifyGid;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The fake's control endpoints ({@code /fake/admin/...}), to arrange Shopify's state and look at it. */
public final class FakeShopify {

    private FakeShopify() {}

    /** A product with one variant; answers its gid and its variant's gid. */
    public static JsonPath product(String title) {
        return post(
                "/fake/admin/products",
                Map.of(
                        "title",
                        title,
                        "variants",
                        List.of(Map.of("title", "Default Title", "sku", "SKU-" + title.hashCode(), "price", "39.00"))));
    }

    /** A checkout that starts a subscription: answers orderId, contractId, customerId, revisionId (gids). */
    public static JsonPath checkout(long customerId, String variantGid, String sellingPlanGid) {
        return post(
                "/fake/admin/checkouts",
                Map.of(
                        "customerId",
                        customerId,
                        "variantId",
                        variantGid,
                        "sellingPlanId",
                        sellingPlanGid,
                        "quantity",
                        1));
    }

    public static JsonPath contract(String gid) {
        return given().baseUri(ShopifyFakeAdminResource.url())
                .get("/fake/admin/subscription-contracts/" + ShopifyGid.numericId(gid))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The groups whose merchantCode is this one. */
    public static List<Map<String, Object>> groupsWithCode(String merchantCode) {
        List<Map<String, Object>> groups = given().baseUri(ShopifyFakeAdminResource.url())
                .get("/fake/admin/selling-plan-groups")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("sellingPlanGroups");
        return groups.stream()
                .filter(g -> merchantCode.equals(g.get("merchantCode")))
                .toList();
    }

    public static Map<String, Object> group(long id) {
        List<Map<String, Object>> groups = given().baseUri(ShopifyFakeAdminResource.url())
                .get("/fake/admin/selling-plan-groups")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("sellingPlanGroups");
        return groups.stream()
                .filter(g -> ShopifyGid.of("SellingPlanGroup", id).equals(g.get("id")))
                .findFirst()
                .orElse(null);
    }

    /** How often a mutation ran in the fake since its start. */
    public static long mutations(String name) {
        Number count = given().baseUri(ShopifyFakeAdminResource.url())
                .get("/fake/admin/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .get("mutations." + name);
        return count == null ? 0 : count.longValue();
    }

    public static long throttledAnswers() {
        return given().baseUri(ShopifyFakeAdminResource.url())
                .get("/fake/admin/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("throttled");
    }

    /** The update emails Shopify sent for customerPaymentMethodSendUpdateEmail, to this customer. */
    public static List<Map<String, Object>> paymentMethodEmails(String customerGid) {
        List<Map<String, Object>> emails = given().baseUri(ShopifyFakeAdminResource.url())
                .get("/fake/admin/payment-method-emails")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("emails");
        return emails.stream()
                .filter(e -> customerGid.equals(e.get("customerId")))
                .toList();
    }

    /** Revokes a payment method, as a customer removing their card does. */
    public static void revokePaymentMethod(String paymentMethodGid) {
        post("/fake/admin/payment-methods/revoke", Map.of("customerPaymentMethodId", paymentMethodGid));
    }

    public static void faults(long latencyMs, int failNext5xx, int dropNextConnections) {
        post(
                "/fake/admin/faults",
                Map.of("latencyMs", latencyMs, "failNext5xx", failNext5xx, "dropNextConnections", dropNextConnections));
    }

    public static void throttle(double maximumAvailable, double restoreRate) {
        post("/fake/admin/throttle", Map.of("maximumAvailable", maximumAvailable, "restoreRate", restoreRate));
    }

    public static void muteWebhooks() {
        post("/fake/admin/webhooks/mute", Map.of("all", true));
    }

    public static void unmuteWebhooks() {
        given().baseUri(ShopifyFakeAdminResource.url())
                .delete("/fake/admin/webhooks/mute")
                .then()
                .statusCode(200);
    }

    /** A document sent to the fake's Admin API directly, as another Shopify client would. */
    public static JsonPath graphql(String document, Map<String, Object> variables) {
        return given().baseUri(ShopifyFakeAdminResource.url())
                .header("X-Shopify-Access-Token", ShopifyFakeAdminResource.TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("query", document, "variables", variables))
                .post("/admin/api/2026-07/graphql.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath post(String path, Object body) {
        return given().baseUri(ShopifyFakeAdminResource.url())
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300))
                .extract()
                .jsonPath();
    }
}
