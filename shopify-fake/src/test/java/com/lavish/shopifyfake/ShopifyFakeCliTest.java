package com.lavish.shopifyfake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopifyFakeCliTest {

    private static final String SECRET = "test-secret-7f3a9c";
    private static final Map<String, String> ENV = Map.of(
            "SHOPIFY_API_SECRET", SECRET,
            "SHOPIFY_SHOPS", " lavish-test.myshopify.com , second.myshopify.com",
            "SHOPIFY_API_VERSION", "2026-07");

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    record Received(Headers headers, byte[] body) {}

    /** A webhook receiver that checks the HMAC on its own, with javax.crypto, and answers 401 problem+json if wrong. */
    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhooks", this::receive);
        server.start();
    }

    @AfterEach
    void stopGateway() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestHeaders(), body));
        String claimed = exchange.getRequestHeaders().getFirst("X-Shopify-Hmac-Sha256");
        boolean valid =
                claimed != null && MessageDigest.isEqual(Base64.getDecoder().decode(claimed), hmacSha256(SECRET, body));
        byte[] answer = valid
                ? new byte[0]
                : ("{\"type\":\"https://lavish.example/problems/invalid-hmac\",\"title\":\"Unauthorized\",\"status\":401,"
                                + "\"detail\":\"X-Shopify-Hmac-Sha256 does not match the body\"}")
                        .getBytes(StandardCharsets.UTF_8);
        if (!valid) {
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        }
        exchange.sendResponseHeaders(valid ? 200 : 401, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private String gateway() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    private int cli(String... args) {
        return new ShopifyFakeCli(
                        ENV,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sendPostsALavishCustomerSignedSoThatAnIndependentCheckAccepts() {
        int exit = cli(
                "send",
                "--gateway",
                gateway(),
                "--topic",
                "customers/create",
                "--customer-id",
                "9007199254740993",
                "--email",
                "ada.reader@example.com.au");

        assertEquals(0, exit, output() + err);
        assertEquals(1, received.size());
        Received delivery = received.get(0);
        Headers headers = delivery.headers();
        assertEquals("customers/create", headers.getFirst("X-Shopify-Topic"));
        assertEquals("lavish-test.myshopify.com", headers.getFirst("X-Shopify-Shop-Domain"), "first of SHOPIFY_SHOPS");
        assertEquals("2026-07", headers.getFirst("X-Shopify-API-Version"));
        assertTrue(headers.getFirst("Content-Type").startsWith("application/json"));
        String webhookId = headers.getFirst("X-Shopify-Webhook-Id");
        assertEquals("customers/create webhook-id=" + webhookId + " status=200", output().strip());

        JsonNode customer = SampleWebhooksTest.parse(delivery.body());
        assertEquals(new BigInteger("9007199254740993"), customer.get("id").bigIntegerValue());
        assertEquals("ada.reader@example.com.au", customer.get("email").asText());
        assertFalse(output().contains(SECRET)
                || err.toString(StandardCharsets.UTF_8).contains(SECRET));
    }

    @Test
    void sendOfAComplianceSampleNamesTheShopItSignsFor() {
        assertEquals(
                0,
                cli(
                        "send",
                        "--gateway",
                        gateway(),
                        "--topic",
                        "customers/redact",
                        "--customer-id",
                        "191167",
                        "--shop",
                        "other-shop.myshopify.com"));
        JsonNode redact = SampleWebhooksTest.parse(received.get(0).body());
        assertEquals("other-shop.myshopify.com", redact.get("shop_domain").asText());
        assertEquals("other-shop.myshopify.com", received.get(0).headers().getFirst("X-Shopify-Shop-Domain"));
    }

    @Test
    void sendReportsTheProblemAndFailsWhenTheGatewayRejects() {
        int exit = cli("send", "--gateway", gateway(), "--topic", "customers/update", "--secret", "not-the-secret");

        assertEquals(1, exit);
        String line = output().strip();
        assertTrue(line.startsWith("customers/update webhook-id="), line);
        assertTrue(line.contains("status=401"), line);
        assertTrue(line.contains("X-Shopify-Hmac-Sha256 does not match the body"), line);
        assertFalse(line.contains("not-the-secret"), "never prints the secret");
    }

    @Test
    void sendFailsWhenNothingAnswers() throws IOException {
        server.stop(0);
        assertEquals(1, cli("send", "--gateway", gateway(), "--topic", "customers/create", "--timeout", "1"));
        assertTrue(output().contains("status=none"), output());
    }

    @Test
    void sendOfAFileSendsItsBytesUnchanged(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("body.json");
        byte[] published = SampleWebhooks.published("orders/create");
        Files.write(file, published);

        assertEquals(0, cli("send", "--gateway", gateway(), "--topic", "orders/create", "--file", file.toString()));
        assertArrayEquals(published, received.get(0).body());
    }

    @Test
    void senderRetryRepeatsTheDeliveryExactly() throws Exception {
        WebhookSender sender = new WebhookSender(new WebhookSigner(SECRET, "2026-07"));
        WebhookDelivery delivery = WebhookDelivery.of(
                "customers/update",
                "lavish-test.myshopify.com",
                SampleWebhooks.customer("customers/update", 42L, "retry@example.com.au"));

        assertTrue(sender.send(URI.create(gateway()), delivery).delivered());
        assertTrue(sender.send(URI.create(gateway()), delivery).delivered());

        assertEquals(2, received.size());
        for (String header : List.of(
                "X-Shopify-Webhook-Id",
                "X-Shopify-Event-Id",
                "X-Shopify-Triggered-At",
                "X-Shopify-Hmac-Sha256",
                "X-Shopify-Topic")) {
            assertEquals(
                    received.get(0).headers().getFirst(header),
                    received.get(1).headers().getFirst(header),
                    header);
        }
        assertEquals(delivery.webhookId(), received.get(0).headers().getFirst("X-Shopify-Webhook-Id"));
        assertArrayEquals(received.get(0).body(), received.get(1).body());
    }

    @Test
    void proxyUrlIsSignedAsShopifysProxyForwardsIt() {
        assertEquals(
                0,
                cli(
                        "proxy-url",
                        "--base",
                        "http://127.0.0.1:8080/",
                        "--path",
                        "/proxy/orders?limit=5&tag=a&tag=b",
                        "--customer-id",
                        "9007199254740993"));
        URI url = URI.create(output().strip());
        assertEquals("/proxy/orders", url.getPath());
        assertEquals(8080, url.getPort());

        Map<String, List<String>> query = decode(url.getRawQuery());
        assertEquals(List.of("9007199254740993"), query.get("logged_in_customer_id"));
        assertEquals(List.of("lavish-test.myshopify.com"), query.get("shop"));
        assertEquals(List.of("/apps/lavish"), query.get("path_prefix"));
        assertEquals(List.of("a", "b"), query.get("tag"));
        long age = Instant.now().getEpochSecond()
                - Long.parseLong(query.get("timestamp").get(0));
        assertTrue(age >= 0 && age < 60, "fresh timestamp");
        assertEquals(independentSignature(SECRET, query), query.get("signature").get(0));
    }

    @Test
    void proxyUrlForAnAnonymousVisitorSignsAnEmptyCustomerId() {
        assertEquals(
                0, cli("proxy-url", "--base", "http://127.0.0.1:8080", "--path", "/proxy/customers/me", "--anonymous"));
        Map<String, List<String>> query = decode(URI.create(output().strip()).getRawQuery());
        assertEquals(List.of(""), query.get("logged_in_customer_id"));
        assertEquals(independentSignature(SECRET, query), query.get("signature").get(0));
    }

    @Test
    void hmacPrintsTheBase64DigestOfTheFilesBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("body.json");
        Files.write(file, SampleWebhooks.published("customers/create"));

        assertEquals(0, cli("hmac", "--file", file.toString()));
        assertEquals(
                Base64.getEncoder().encodeToString(hmacSha256(SECRET, Files.readAllBytes(file))), output().strip());
    }

    @Test
    void defaultsToTheLocalFakeSecretAndShopWithoutEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("body.json");
        Files.write(file, new byte[] {'{', '}'});
        int exit = new ShopifyFakeCli(
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("hmac", "--file", file.toString());
        assertEquals(0, exit);
        assertEquals(
                Base64.getEncoder()
                        .encodeToString(hmacSha256("local-dev-secret-not-for-production", new byte[] {'{', '}'})),
                output().strip());
    }

    @Test
    void rejectsMisuseWithUsage() {
        assertEquals(2, cli());
        assertEquals(2, cli("send", "--topic", "customers/create"));
        assertEquals(2, cli("send", "--gateway", gateway(), "--topic", "products/create"));
        assertEquals(2, cli("proxy-url", "--base", "http://127.0.0.1:8080", "--path", "/proxy/customers/me"));
        assertEquals(
                2,
                cli(
                        "proxy-url",
                        "--base",
                        "http://127.0.0.1:8080",
                        "--path",
                        "/proxy/customers/me",
                        "--customer-id",
                        "1",
                        "--anonymous"));
        assertEquals(2, cli("proxy-url", "--base", "http://127.0.0.1:8080", "--path", "/p", "--customer-id", "-3"));
        assertEquals(2, cli("hmac", "--file"));
        assertEquals(2, cli("hmac", "--bogus", "x"));
        assertEquals(2, cli("serve", "--throttle-maximum", "0"));
        assertEquals(2, cli("serve", "--billing-delay-ms", "soon"));
        assertEquals(2, cli("serve", "--bogus"));
        assertTrue(received.isEmpty());
    }

    static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // Shopify's rule, written out again here: decoded k=v (repeated values joined by ","), sorted, concatenated.
    static String independentSignature(String secret, Map<String, List<String>> query) {
        String message = query.entrySet().stream()
                .filter(e -> !e.getKey().equals("signature"))
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .sorted()
                .collect(Collectors.joining());
        return HexFormat.of().formatHex(hmacSha256(secret, message.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
