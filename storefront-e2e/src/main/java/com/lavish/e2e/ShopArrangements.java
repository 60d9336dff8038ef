package com.lavish.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a test arranges before a customer opens a page, the way it happens in a shop: Shopify (the fake) sends signed
 * webhooks, the merchant creates a selling plan group in the suite's admin (synced to Shopify), a customer checks out a
 * subscription (Shopify's checkout, the fake's). Everything goes over HTTP to the running suite.
 */
public final class ShopArrangements {

    public static final String STOREFRONT = "http://127.0.0.1:8090";
    public static final String EDGE = "http://127.0.0.1:8080";
    /** The repository's root: the working directory's parent when it is a module (Maven runs tests there). */
    public static final Path REPOSITORY = Files.isDirectory(Path.of("theme-extension"))
            ? Path.of("").toAbsolutePath()
            : Path.of("").toAbsolutePath().getParent();

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** run.sh's local admin credential (a fake for this machine; ADR 0006). */
    private static final String ADMIN = "Basic "
            + Base64.getEncoder()
                    .encodeToString(
                            "admin:local-dev-admin-password-not-for-production".getBytes(StandardCharsets.UTF_8));

    private static final String ADMIN_API = STOREFRONT + "/admin/api/2026-07/graphql.json";
    private static final String ADMIN_TOKEN = "shpat_local-fake-admin-token-not-for-production";
    private static final String SHOP = "lavish-library.myshopify.com";
    private static final AtomicReference<Plans> PLANS = new AtomicReference<>();

    /** The monthly and quarterly plans of the box's selling plan group, and the box's first variant. */
    public record Plans(String productTitle, String variantGid, String monthly, String quarterly) {}

    private ShopArrangements() {}

    /** A customer id of this test's own, beyond 2^53 as Shopify's can be. */
    public static String newCustomerId() {
        return Long.toString(
                9_007_199_254_800_000L + ThreadLocalRandom.current().nextLong(1, 100_000_000L));
    }

    /** Shopify tells the suite about a new customer. */
    public static void customer(String customerId, String firstName, String lastName) {
        webhook(
                "customers/create",
                JSON.createObjectNode()
                        .put("customer_id", customerId)
                        .put("email", firstName.toLowerCase() + "." + customerId + "@example.com")
                        .put("first_name", firstName)
                        .put("last_name", lastName));
        awaitStorefront("customer-service has customer " + customerId, customerId, "customers/me");
    }

    /** Until the storefront API answers this path for the customer (the suite applies events in its own time). */
    private static void awaitStorefront(String what, String customerId, String path) {
        await(what).atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(STOREFRONT + "/apps/lavish/" + path))
                            .header("X-Fake-Logged-In-Customer-Id", customerId)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200
                    && (!path.startsWith("subscriptions/")
                            || JSON.readTree(answer.body()).path("lines").size() > 0);
        });
    }

    /** An order of the customer's own (Shopify's sample, not cancelled), as a topic tells it, with this financial status. */
    public static void order(String topic, String customerId, String orderId, String financialStatus) {
        webhook(
                topic,
                JSON.createObjectNode()
                        .put("customer_id", customerId)
                        .put("order_id", orderId)
                        .put("cancelled", false)
                        .put("financial_status", financialStatus));
    }

    /** An order id of this test's own. */
    public static String newOrderId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(5_000_000_000_000L, 6_000_000_000_000L));
    }

    /** The Monthly Book Box's selling plan group, created once through the suite's admin and live in Shopify. */
    public static synchronized Plans plans() {
        if (PLANS.get() != null) {
            return PLANS.get();
        }
        JsonNode product = null;
        for (JsonNode candidate : get(STOREFRONT + "/fake/admin/products", null).path("products")) {
            if (candidate.path("title").asText().equals("Lavish Monthly Book Box")) {
                product = candidate;
            }
        }
        if (product == null) {
            throw new IllegalStateException("the fake has no Lavish Monthly Book Box");
        }
        ObjectNode group = JSON.createObjectNode().put("shop", SHOP).put("name", "Monthly book box");
        group.putArray("options").add("Delivery every");
        group.putArray("product_ids").add(product.path("id").asText());
        group.putArray("plans")
                .add(JSON.createObjectNode()
                        .put("name", "Every month, 10% off")
                        .put("option", "1 month")
                        .put("interval", "month")
                        .put("interval_count", 1)
                        .put("percentage_off", 10))
                .add(JSON.createObjectNode()
                        .put("name", "Every 3 months")
                        .put("option", "3 months")
                        .put("interval", "month")
                        .put("interval_count", 3));
        String id = send(
                        "POST",
                        EDGE + "/admin/subscriptions/selling-plan-groups",
                        group.toString(),
                        ADMIN,
                        "Idempotency-Key",
                        "e2e-" + UUID.randomUUID())
                .path("id")
                .asText();
        AtomicReference<JsonNode> live = new AtomicReference<>();
        await("the selling plan group is live, with Shopify's plan ids")
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    for (JsonNode candidate :
                            get(EDGE + "/admin/subscriptions/selling-plan-groups?shop=" + SHOP, ADMIN)) {
                        // Shopify's webhook can make it live first; the plans' ids come with the mutation's result
                        if (candidate.path("id").asText().equals(id)
                                && candidate.path("state").asText().equals("live")
                                && candidate.path("plans").findValues("shopify_id").stream()
                                        .noneMatch(JsonNode::isNull)) {
                            live.set(candidate);
                        }
                    }
                    return live.get() != null;
                });
        String monthly = null;
        String quarterly = null;
        for (JsonNode plan : live.get().path("plans")) {
            if (plan.path("interval_count").asInt() == 1) {
                monthly = plan.path("shopify_id").asText();
            } else {
                quarterly = plan.path("shopify_id").asText();
            }
        }
        PLANS.set(new Plans(
                product.path("title").asText(),
                product.path("variants").path(0).path("id").asText(),
                monthly,
                quarterly));
        return PLANS.get();
    }

    /** A customer of this test's own, and their subscription to the box on the monthly plan. */
    public record Subscriber(String customerId, String contract) {}

    public static Subscriber subscriber(String firstName, String lastName) {
        String customerId = newCustomerId();
        customer(customerId, firstName, lastName);
        return new Subscriber(customerId, subscription(customerId));
    }

    /** A customer of this test's own and their one order, payment pending. */
    public record Buyer(String customerId, String orderId) {}

    public static Buyer customerWithPendingOrder(String firstName, String lastName) {
        String customerId = newCustomerId();
        customer(customerId, firstName, lastName);
        String orderId = newOrderId();
        order("orders/create", customerId, orderId, "pending");
        return new Buyer(customerId, orderId);
    }

    /** The customer checks out the box on the monthly plan; the suite has the contract once the storefront shows it. */
    public static String subscription(String customerId) {
        Plans plans = plans();
        JsonNode checkout = send(
                "POST",
                STOREFRONT + "/fake/admin/checkouts",
                JSON.createObjectNode()
                        .put("customerId", Long.parseLong(customerId))
                        .put("variantId", plans.variantGid())
                        .put("sellingPlanId", plans.monthly())
                        .toString(),
                null);
        String gid = checkout.path("contractId").asText();
        String contract = gid.substring(gid.lastIndexOf('/') + 1);
        awaitStorefront("the suite has subscription " + contract, customerId, "subscriptions/" + contract);
        return contract;
    }

    /** A merchant cancels the contract in Shopify's admin and its webhook never reaches the suite. */
    public static void cancelledInShopifyOnly(String contract) {
        send("POST", STOREFRONT + "/fake/admin/webhooks/mute", "{\"all\": true}", null);
        try {
            ObjectNode query = JSON.createObjectNode()
                    .put(
                            "query",
                            "mutation($id: ID!) { subscriptionContractCancel("
                                    + "subscriptionContractId: $id) { contract { status } userErrors { message } } }");
            query.putObject("variables").put("id", "gid://shopify/SubscriptionContract/" + contract);
            JsonNode answer = send("POST", ADMIN_API, query.toString(), null, "X-Shopify-Access-Token", ADMIN_TOKEN);
            if (!answer.path("data")
                    .path("subscriptionContractCancel")
                    .path("userErrors")
                    .isEmpty()) {
                throw new IllegalStateException("Shopify did not cancel " + contract + ": " + answer);
            }
        } finally {
            send("DELETE", STOREFRONT + "/fake/admin/webhooks/mute", null, null);
        }
    }

    private static void webhook(String topic, ObjectNode options) {
        JsonNode answer = send(
                "POST", STOREFRONT + "/admin/fake/webhooks/" + topic.replace("/", "%2F"), options.toString(), null);
        if (answer.path("status").asInt() / 100 != 2) {
            throw new IllegalStateException("the gateway did not take " + topic + ": " + answer);
        }
    }

    private static JsonNode get(String url, String authorization) {
        return send("GET", url, null, authorization);
    }

    private static JsonNode send(String method, String url, String body, String authorization, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
