package com.lavish.shopifyfake;

import static com.lavish.shopifyfake.ShopifyFakeCliTest.decode;
import static com.lavish.shopifyfake.ShopifyFakeCliTest.hmacSha256;
import static com.lavish.shopifyfake.ShopifyFakeCliTest.independentSignature;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ShopifyFakeServerTest {

    private static final String SECRET = "server-test-secret-51d0";
    private static final String SHOP = "lavish-test.myshopify.com";

    private HttpServer edge;
    private Vertx vertx;
    private ShopifyFakeServer fake;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String method, String path, Map<String, List<String>> query, Headers headers, byte[] body) {}

    /** The local gateway: checks app-proxy signatures and webhook HMACs on its own, records what arrived. */
    @BeforeEach
    void start() throws Exception {
        edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        edge.createContext("/proxy", this::proxied);
        edge.createContext("/webhooks", this::webhook);
        edge.start();
        vertx = Vertx.vertx();
        ShopifyFakeServer.Config config = ShopifyFakeServer.Config.parse(
                List.of(
                        "--port",
                        "0",
                        "--edge",
                        "http://127.0.0.1:" + edge.getAddress().getPort()),
                Map.of("SHOPIFY_API_SECRET", SECRET, "SHOPIFY_SHOPS", SHOP));
        fake = ShopifyFakeServer.start(vertx, config)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        edge.stop(0);
    }

    private void proxied(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = decode(exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                query,
                exchange.getRequestHeaders(),
                body));
        boolean signed = independentSignature(SECRET, query)
                .equals(query.get("signature").get(0));
        byte[] answer = (signed ? "{\"seen\":\"" + exchange.getRequestURI().getRawPath() + "\"}" : "bad signature")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Set-Cookie", "session=upstream");
        exchange.getResponseHeaders().add("X-Upstream", "yes");
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(signed ? 201 : 401, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private void webhook(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(
                "POST", exchange.getRequestURI().getRawPath(), Map.of(), exchange.getRequestHeaders(), body));
        String claimed = exchange.getRequestHeaders().getFirst("X-Shopify-Hmac-Sha256");
        boolean valid = MessageDigest.isEqual(Base64.getDecoder().decode(claimed), hmacSha256(SECRET, body));
        byte[] answer = valid
                ? "{}".getBytes(StandardCharsets.UTF_8)
                : "{\"title\":\"Unauthorized\",\"detail\":\"bad hmac\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(valid ? 202 : 401, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fake.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loggedInRequestIsSignedWithTheCustomerAndKeepsItsOwnParameters() throws Exception {
        HttpResponse<String> response = call(
                "POST",
                "/apps/lavish/customers/me/wishlist?tag=a&tag=b%20c&limit=5",
                "{\"isbn\":\"9780143127550\"}",
                "X-Fake-Logged-In-Customer-Id",
                "9007199254740993",
                "Content-Type",
                "application/json",
                "Cookie",
                "_shopify_y=abc");

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("{\"seen\":\"/proxy/customers/me/wishlist\"}", response.body());
        assertEquals("yes", response.headers().firstValue("X-Upstream").orElse(null));
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "Set-Cookie stripped");

        Received got = received.get(0);
        assertEquals("POST", got.method());
        assertEquals("/proxy/customers/me/wishlist", got.path());
        assertEquals("{\"isbn\":\"9780143127550\"}", new String(got.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("9007199254740993"), got.query().get("logged_in_customer_id"));
        assertEquals(List.of(SHOP), got.query().get("shop"));
        assertEquals(List.of("/apps/lavish"), got.query().get("path_prefix"));
        assertEquals(List.of("a", "b c"), got.query().get("tag"));
        assertEquals(List.of("5"), got.query().get("limit"));
        long age = Instant.now().getEpochSecond()
                - Long.parseLong(got.query().get("timestamp").get(0));
        assertTrue(age >= 0 && age < 60, "fresh timestamp");
        assertEquals(
                independentSignature(SECRET, got.query()),
                got.query().get("signature").get(0));
        assertNull(got.headers().getFirst("Cookie"), "Cookie stripped");
        assertNull(got.headers().getFirst("X-Fake-Logged-In-Customer-Id"), "the fake's header stays in the fake");
        assertEquals("127.0.0.1", got.headers().getFirst("X-Forwarded-For"));
        assertEquals(SHOP, got.headers().getFirst("X-Forwarded-Host"));
        assertEquals("application/json", got.headers().getFirst("Content-Type"));
    }

    @Test
    void anonymousVisitorArrivesWithAnEmptyCustomerId() throws Exception {
        HttpResponse<String> response = call("GET", "/apps/lavish/products", null);

        assertEquals(201, response.statusCode(), response.body());
        Received got = received.get(0);
        assertEquals("GET", got.method());
        assertEquals("/proxy/products", got.path());
        assertEquals(List.of(""), got.query().get("logged_in_customer_id"));
        assertEquals(
                independentSignature(SECRET, got.query()),
                got.query().get("signature").get(0));
    }

    @Test
    void upstreamRefusalIsRelayedAndOtherPathsAreNotProxied() throws Exception {
        assertEquals(
                400,
                call("GET", "/apps/lavish/x", null, "X-Fake-Logged-In-Customer-Id", "-4")
                        .statusCode());
        assertEquals(404, call("GET", "/apps/lavishly/x", null).statusCode());
        assertTrue(received.isEmpty());
        HttpResponse<String> health = call("GET", "/health", null);
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void webhookTriggerPostsASignedLavishVariant() throws Exception {
        HttpResponse<String> response = call(
                "POST",
                "/admin/fake/webhooks/customers~update",
                "{\"customer_id\": 9007199254740993, \"email\": \"ada.reader@example.com.au\"}");

        assertEquals(202, response.statusCode(), response.body());
        JsonNode answer = SampleWebhooks.JSON.readTree(response.body());
        assertEquals("customers/update", answer.get("topic").asText());
        assertEquals(202, answer.get("status").asInt());
        Received got = received.get(0);
        assertEquals("/webhooks", got.path());
        assertEquals(answer.get("webhook_id").asText(), got.headers().getFirst("X-Shopify-Webhook-Id"));
        assertEquals("customers/update", got.headers().getFirst("X-Shopify-Topic"));
        assertEquals(SHOP, got.headers().getFirst("X-Shopify-Shop-Domain"));
        assertTrue(MessageDigest.isEqual(
                Base64.getDecoder().decode(got.headers().getFirst("X-Shopify-Hmac-Sha256")),
                hmacSha256(SECRET, got.body())));
        JsonNode customer = SampleWebhooks.JSON.readTree(got.body());
        assertEquals("9007199254740993", customer.get("id").asText());
        assertEquals("ada.reader@example.com.au", customer.get("email").asText());
    }

    @Test
    void webhookTriggerTakesQueryParametersAndEncodedTopics() throws Exception {
        HttpResponse<String> response =
                call("POST", "/admin/fake/webhooks/customers%2Fredact?customer_id=191167", null);

        assertEquals(202, response.statusCode(), response.body());
        JsonNode redact = SampleWebhooks.JSON.readTree(received.get(0).body());
        assertEquals("customers/redact", received.get(0).headers().getFirst("X-Shopify-Topic"));
        assertEquals(191167, redact.get("customer").get("id").asLong());
        assertEquals(SHOP, redact.get("shop_domain").asText());

        HttpResponse<String> unknown = call("POST", "/admin/fake/webhooks/products~create", null);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("no sample"), unknown.body());
        assertEquals(1, received.size());
    }

    @Test
    void webhookTriggerSetsOrderStatusesAndRefusesFieldsTheSampleLacks() throws Exception {
        HttpResponse<String> response = call(
                "POST",
                "/admin/fake/webhooks/orders~paid",
                "{\"customer_id\": 191167, \"financial_status\": \"paid\", \"fulfillment_status\": \"partial\"}");

        assertEquals(202, response.statusCode(), response.body());
        JsonNode order = SampleWebhooks.JSON.readTree(received.get(0).body());
        assertEquals("paid", order.get("financial_status").asText());
        assertEquals("partial", order.get("fulfillment_status").asText());
        assertEquals(191167, order.get("customer").get("id").asLong());

        // the order is followed by its customer's purchasing summary (PurchasingSummaryTest)
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertEquals("customers/purchasing_summary", received.get(1).headers().getFirst("X-Shopify-Topic"));
        HttpResponse<String> refused =
                call("POST", "/admin/fake/webhooks/customers~update", "{\"financial_status\": \"paid\"}");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("no field 'financial_status'"), refused.body());
        assertEquals(2, received.size());
    }

    @Test
    void webhookTriggerAnswersTheGatewaysRefusal() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        ShopifyFakeServer.Config wrongSecret = ShopifyFakeServer.Config.parse(
                List.of(
                        "--port",
                        "0",
                        "--edge",
                        "http://127.0.0.1:" + edge.getAddress().getPort()),
                Map.of("SHOPIFY_API_SECRET", "not-the-secret"));
        fake = ShopifyFakeServer.start(vertx, wrongSecret)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        HttpResponse<String> response = call("POST", "/admin/fake/webhooks/customers~create", "{}");

        assertEquals(401, response.statusCode(), response.body());
        JsonNode answer = SampleWebhooks.JSON.readTree(response.body());
        assertEquals(401, answer.get("status").asInt());
        assertEquals("problem=\"Unauthorized: bad hmac\"", answer.get("detail").asText());
        assertTrue(!wrongSecret.toString().contains("not-the-secret"), "the secret is never printed");
    }

    @Tag("security")
    @Test
    void listensOnLoopbackUnlessAHostIsGiven() {
        assertEquals(
                "127.0.0.1", ShopifyFakeServer.Config.parse(List.of(), Map.of()).host());
        assertEquals(
                "0.0.0.0",
                ShopifyFakeServer.Config.parse(List.of("--host", "0.0.0.0"), Map.of())
                        .host());
    }

    @Test
    void adminApiOptionsComeFromTheCommandLineElseTheEnvironmentElseShopifysStandardPlan() {
        ShopifyFakeServer.Config given = ShopifyFakeServer.Config.parse(
                List.of("--throttle-maximum", "50", "--billing-delay-ms", "5"),
                Map.of("SHOPIFY_ADMIN_TOKEN", "shpat_env", "SHOPIFY_FAKE_THROTTLE_RESTORE_RATE", "7"));
        ShopifyFakeServer.Config defaults = ShopifyFakeServer.Config.parse(List.of(), Map.of());

        assertEquals(50.0, given.admin().maximumAvailable());
        assertEquals(7.0, given.admin().restoreRate());
        assertEquals(5, given.admin().billingDelay().toMillis());
        assertEquals("shpat_env", given.admin().accessToken());
        assertEquals(2000.0, defaults.admin().maximumAvailable());
        assertEquals(100.0, defaults.admin().restoreRate());
        assertTrue(defaults.admin().accessToken().startsWith("shpat_local"));
        assertTrue(!given.toString().contains("shpat_env"), "the token is never printed");
    }
}
