package com.lavish.shopifyfake.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.ShopifyFakeServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fake started in-process on a random port, on a clock the test moves, beside a tiny gateway that records the
 * webhooks it receives. This is how another module's tests start it, too.
 */
final class FakeAdmin implements AutoCloseable {

    static final String SECRET = "admin-test-secret-7f3a";
    static final String TOKEN = "shpat_admin-test-token";
    static final String SHOP = "lavish-test.myshopify.com";
    static final String VERSION = "2026-07";

    /** A webhook as the gateway received it: headers and the raw body. */
    record Received(MultiMap headers, byte[] body) {
        String topic() {
            return headers.get("X-Shopify-Topic");
        }

        JsonNode json() {
            try {
                return SampleWebhooks.JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    final Vertx vertx = Vertx.vertx();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));
    final List<Received> webhooks = new CopyOnWriteArrayList<>();
    final ShopifyFakeServer fake;
    private final HttpServer gateway;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FakeAdmin(String... extraOptions) throws Exception {
        gateway = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    webhooks.add(new Received(
                            MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.getBytes()));
                    request.response().setStatusCode(200).end();
                }))
                .listen(0)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        List<String> options = new ArrayList<>(List.of(
                "--port", "0", "--edge", "http://127.0.0.1:" + gateway.actualPort(), "--billing-delay-ms", "20"));
        options.addAll(List.of(extraOptions));
        ShopifyFakeServer.Config config = ShopifyFakeServer.Config.parse(
                options, Map.of("SHOPIFY_API_SECRET", SECRET, "SHOPIFY_SHOPS", SHOP, "SHOPIFY_ADMIN_TOKEN", TOKEN));
        fake = ShopifyFakeServer.start(vertx, config, clock)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        fake.admin().ready().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    String url(String path) {
        return "http://127.0.0.1:" + fake.port() + path;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GraphQL request with the right token; the answer's JSON (HTTP 200 asserted). */
    JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        ObjectNode body = SampleWebhooks.JSON.createObjectNode().put("query", query);
        body.set("variables", SampleWebhooks.JSON.valueToTree(variables == null ? Map.of() : variables));
        HttpResponse<String> response = send(
                "POST",
                "/admin/api/" + VERSION + "/graphql.json",
                SampleWebhooks.JSON.writeValueAsString(body),
                "X-Shopify-Access-Token",
                TOKEN,
                "Content-Type",
                "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return SampleWebhooks.JSON.readTree(response.body());
    }

    /**
     * A checkout of one unit of the first product on a new monthly plan ("Monthly", lavish-monthly), for this customer:
     * the contract's gid.
     */
    String subscribeMonthly(long customerId) throws Exception {
        String productId = graphql("{ products(first: 1) { nodes { id } } }", null)
                .at("/data/products/nodes/0/id")
                .asText();
        JsonNode group = graphql(
                AdminApiTest.CREATE_GROUP,
                Map.of(
                        "input",
                        Map.of(
                                "name",
                                "Monthly",
                                "merchantCode",
                                "lavish-monthly",
                                "sellingPlansToCreate",
                                List.of(AdminApiTest.monthlyPlan("Every month", "MONTH", 1, "MONTH", 1))),
                        "resources",
                        Map.of("productIds", List.of(productId))));
        String planId = group.at("/data/sellingPlanGroupCreate/sellingPlanGroup/sellingPlans/nodes/0/id")
                .asText();
        String variantId = control("GET", "/fake/admin/products", null)
                .at("/products/0/variants/0/id")
                .asText();
        return control(
                        "POST",
                        "/fake/admin/checkouts",
                        Map.of(
                                "customerId",
                                customerId,
                                "variantId",
                                variantId,
                                "sellingPlanId",
                                planId,
                                "quantity",
                                1))
                .path("contractId")
                .asText();
    }

    JsonNode control(String method, String path, Object body) throws Exception {
        HttpResponse<String> response = send(
                method,
                path,
                body == null ? null : SampleWebhooks.JSON.writeValueAsString(body),
                "Content-Type",
                "application/json");
        if (response.statusCode() >= 300) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return SampleWebhooks.JSON.readTree(response.body());
    }

    List<Received> webhooks(String topic) {
        return webhooks.stream().filter(w -> topic.equals(w.topic())).toList();
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
