package com.lavish.shopifyfake.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.shopifyfake.ShopifyFakeServer;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's storefront: the extension's own Liquid rendered as Shopify would, its cart, its log-in, its proxy. */
class StorefrontTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "shpat_local-fake-admin-token-not-for-production";

    private HttpServer edge;
    private Vertx vertx;
    private ShopifyFakeServer fake;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> proxiedQueries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        edge.createContext("/proxy/orders/events", exchange -> {
            // an event stream: one event now, the end three seconds later
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("id: 1\ndata: {\"status\":\"paid\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        edge.createContext("/proxy", exchange -> {
            proxiedQueries.add(exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        edge.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        edge.start();
        vertx = Vertx.vertx();
        ShopifyFakeServer.Config config = ShopifyFakeServer.Config.parse(
                List.of(
                        "--port",
                        "0",
                        "--edge",
                        "http://127.0.0.1:" + edge.getAddress().getPort(),
                        "--theme-extension",
                        extension().toString()),
                Map.of());
        fake = ShopifyFakeServer.start(vertx, config)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        fake.admin().ready().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        edge.stop(0);
    }

    @Test
    void productPageShowsEachPlanWithItsPriceAndSavingAndOneTimeChosen() throws Exception {
        String monthly = sellingPlanGroup();
        HttpResponse<String> page = get("/products/lavish-monthly-book-box", null);

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self';"));
        assertTrue(page.body().contains("value=\"" + monthly + "\""), "the monthly plan is a choice");
        assertTrue(page.body().contains("$26.96"), "10% off $29.95");
        assertTrue(page.body().contains("Save $2.99 (10%)"));
        assertTrue(
                page.body().replaceAll("\\s+", " ").contains("value=\"\" data-plan checked"),
                "one-time is chosen when the URL names no plan (selected_plan_id == blank)");
        assertFalse(page.body().contains("{%") || page.body().contains("{{"), "no Liquid left unrendered");

        HttpResponse<String> chosen = get("/products/lavish-monthly-book-box?selling_plan=" + monthly, null);
        assertTrue(chosen.body().replaceAll("\\s+", " ").contains("value=\"" + monthly + "\" data-plan checked"));
    }

    @Test
    void cartAddRecordsTheSellingPlanTheProductFormSent() throws Exception {
        String monthly = sellingPlanGroup();
        HttpResponse<String> added = client.send(
                HttpRequest.newBuilder(uri("/cart/add.js"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "id=44123456000001&quantity=2&selling_plan=" + monthly))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(
                monthly,
                JSON.readTree(added.body())
                        .path("selling_plan_allocation")
                        .path("selling_plan")
                        .path("id")
                        .asText());
        String cookie = added.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        JsonNode cart = JSON.readTree(get("/cart.js", cookie).body());
        assertEquals(2, cart.path("item_count").asInt());
        assertEquals(5392, cart.path("total_price").asInt(), "two at $26.96");

        HttpResponse<String> refused = client.send(
                HttpRequest.newBuilder(uri("/cart/add.js"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": 44123456000001, \"selling_plan\": 999}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, refused.statusCode());
        assertEquals("Cart Error", JSON.readTree(refused.body()).path("message").asText());
    }

    @Test
    void theLogInCookieIsTheLoggedInCustomerTheAppProxySigns() throws Exception {
        HttpResponse<String> login = get("/account/login?customer_id=9007199254740993", null);
        assertEquals(303, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);

        HttpResponse<String> account = get("/account", cookie.split(";")[0]);
        assertTrue(account.body().contains("data-proxy-base=\"/apps/lavish\""), "the portal is shown");
        assertTrue(get("/account", null).body().contains("/account/login"), "a visitor gets the log-in link");

        assertEquals(204, get("/apps/lavish/customers/me", cookie.split(";")[0]).statusCode());
        assertTrue(proxiedQueries.get(0).contains("logged_in_customer_id=9007199254740993"), proxiedQueries.get(0));
    }

    @Test
    void anEventStreamThroughTheAppProxyArrivesEventByEvent() throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> stream = client.send(
                HttpRequest.newBuilder(uri("/apps/lavish/orders/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertEquals("id: 1", reader.readLine());
            assertTrue(
                    System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2),
                    "the first event came before the stream ended (3 s), not buffered");
        }
    }

    @Test
    void blankIsNilFalseOrEmptyAsInShopify() {
        LiquidTheme theme = new LiquidTheme(extension());
        Map<String, Object> objects = new HashMap<>(Map.of("empty_text", "", "text", "x", "no", false));
        assertEquals(
                "nil empty no",
                render(
                        theme,
                        "{% if missing == blank %}nil{% endif %} "
                                + "{% if empty_text == blank %}empty{% endif %}{% if text == blank %} text{% endif %} "
                                + "{% if no == blank %}no{% endif %}{% if text != blank %}{% endif %}",
                        objects));
    }

    private static String render(LiquidTheme theme, String source, Map<String, Object> objects) {
        return new liqp.TemplateParser.Builder()
                .build()
                .parse(LiquidTheme.shopifyBlank(source))
                .render(objects);
    }

    /** A selling plan group with a monthly (10% off) and a quarterly plan on the Monthly Book Box; the monthly id. */
    private String sellingPlanGroup() throws Exception {
        String mutation = """
                {"query": "mutation($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) { sellingPlanGroupCreate(input: $input, resources: $resources) { sellingPlanGroup { sellingPlans(first: 5) { nodes { id } } } userErrors { message } } }",
                 "variables": {"input": {"name": "Monthly book box", "options": ["Delivery every"], "sellingPlansToCreate": [
                   {"name": "Every month", "options": ["1 month"], "category": "SUBSCRIPTION", "billingPolicy": {"recurring": {"interval": "MONTH", "intervalCount": 1}}, "deliveryPolicy": {"recurring": {"interval": "MONTH", "intervalCount": 1}}, "pricingPolicies": [{"fixed": {"adjustmentType": "PERCENTAGE", "adjustmentValue": {"percentage": 10}}}]},
                   {"name": "Every 3 months", "options": ["3 months"], "category": "SUBSCRIPTION", "billingPolicy": {"recurring": {"interval": "MONTH", "intervalCount": 3}}, "deliveryPolicy": {"recurring": {"interval": "MONTH", "intervalCount": 3}}}]},
                  "resources": {"productIds": ["gid://shopify/Product/8123456000001"]}}}""";
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(uri("/admin/api/2026-07/graphql.json"))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Access-Token", TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(mutation))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String gid = JSON.readTree(created.body())
                .path("data")
                .path("sellingPlanGroupCreate")
                .path("sellingPlanGroup")
                .path("sellingPlans")
                .path("nodes")
                .path(0)
                .path("id")
                .asText();
        return gid.substring(gid.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + fake.port() + path);
    }

    private static Path extension() {
        Path folder = Path.of("..", "theme-extension").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(folder.resolve("blocks")), "the theme extension is at " + folder);
        return folder;
    }
}
