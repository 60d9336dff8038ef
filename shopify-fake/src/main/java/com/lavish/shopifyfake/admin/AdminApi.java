package com.lavish.shopifyfake.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's Admin API and its control endpoints, served by {@code ShopifyFakeServer}:
 * <ul>
 *   <li>{@code POST /admin/api/{version}/graphql.json} with {@code X-Shopify-Access-Token}: Shopify's Admin GraphQL
 *       API ({@link AdminGraphql}). A wrong or missing token answers 401 as Shopify does; an unknown version 404.
 *       The shop is the request's host when it is a {@code *.myshopify.com} name, else the configured shop.</li>
 *   <li>{@code /fake/admin/...}: what tests, the demo and the benchmarks use to arrange and observe (see
 *       shopify-fake/README.md): products, checkouts, selling plan groups, contracts, billing scripts, faults,
 *       throttle, webhook mutes, request counts, bulk operation files.</li>
 * </ul>
 */
public final class AdminApi {

    /** The fake app's id (the {@code admin_graphql_api_app} of selling plan group webhooks). */
    public static final long APP_ID = 2_525_000_003L;

    public static final String ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token";
    static final String INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";
    /** Versions served (all with the 2026-07 schema); an older quarterly version falls forward to the oldest. */
    static final List<String> SUPPORTED_VERSIONS = List.of("2025-10", "2026-01", "2026-04", "2026-07", "2026-10");

    private static final Pattern GRAPHQL_PATH = Pattern.compile("/admin/api/([^/]+)/graphql\\.json");
    private static final Pattern VERSION = Pattern.compile("(\\d{4})-(01|04|07|10)");
    private static final Pattern CONTRACT_PATH = Pattern.compile("/fake/admin/subscription-contracts/([^/]+)");
    private static final Pattern BULK_PATH = Pattern.compile("/fake/admin/bulk/(\\d+)\\.jsonl");

    /** How the Admin API is set up: its access token, the bucket, how long billing attempts take. */
    public record Settings(String accessToken, double maximumAvailable, double restoreRate, Duration billingDelay) {

        @Override
        public String toString() {
            return "Settings[maximumAvailable=" + maximumAvailable + ", restoreRate=" + restoreRate + ", billingDelay="
                    + billingDelay + "]";
        }
    }

    private final Vertx vertx;
    private final Settings settings;
    private final String defaultShop;
    private final AdminStore store;
    private final AdminWebhooks webhooks;
    private final Future<AdminGraphql> engine;
    private final Faults faults = new Faults();
    private final AtomicLong graphqlRequests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final Map<String, AtomicLong> mutations = new TreeMap<>();

    public AdminApi(
            Vertx vertx, Settings settings, String defaultShop, WebhookSender sender, URI gateway, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.defaultShop = defaultShop;
        this.webhooks = new AdminWebhooks(sender, gateway);
        this.store = new AdminStore(
                clock,
                (delay, work) -> vertx.setTimer(
                        Math.max(1, delay.toMillis()),
                        id -> vertx.executeBlocking(
                                () -> {
                                    work.run();
                                    return null;
                                },
                                false)),
                settings.billingDelay(),
                webhooks);
        // the schema takes seconds to parse: start now, off the event loop, and let the first request wait for it
        this.engine = vertx.executeBlocking(
                () -> new AdminGraphql(
                        AdminSchema.load(), store, clock, settings.maximumAvailable(), settings.restoreRate()),
                false);
    }

    /** Resolves once the schema is loaded (tests wait for it before measuring anything). */
    public Future<AdminGraphql> ready() {
        return engine;
    }

    public AdminStore store() {
        return store;
    }

    public AdminWebhooks webhooks() {
        return webhooks;
    }

    public String defaultShop() {
        return defaultShop;
    }

    public static boolean handles(String path) {
        return path.startsWith("/admin/api/") || path.startsWith("/fake/admin/");
    }

    public void handle(HttpServerRequest request) {
        String path = request.path();
        Matcher graphql = GRAPHQL_PATH.matcher(path);
        if (graphql.matches()) {
            graphql(request, graphql.group(1));
            return;
        }
        if (path.startsWith("/admin/api/")) {
            json(request.response(), 404, Map.of("errors", "Not Found"));
            return;
        }
        request.body()
                .onSuccess(body -> {
                    try {
                        control(
                                request,
                                path,
                                body.length() == 0
                                        ? SampleWebhooks.JSON.createObjectNode()
                                        : SampleWebhooks.JSON.readTree(body.getBytes()));
                    } catch (IOException e) {
                        problem(request.response(), 400, "the body is not JSON: " + e.getMessage());
                    } catch (IllegalArgumentException e) {
                        problem(request.response(), 400, e.getMessage());
                    }
                })
                .onFailure(e -> problem(request.response(), 400, String.valueOf(e.getMessage())));
    }

    // ---- GraphQL ----

    private void graphql(HttpServerRequest request, String version) {
        String served = servedVersion(version);
        if (served == null) {
            json(request.response(), 404, Map.of("errors", "Not Found"));
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            json(request.response(), 405, Map.of("errors", "Method Not Allowed"));
            return;
        }
        String token = request.getHeader(ACCESS_TOKEN_HEADER);
        if (token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8),
                        settings.accessToken().getBytes(StandardCharsets.UTF_8))) {
            json(request.response(), 401, Map.of("errors", INVALID_TOKEN));
            return;
        }
        String shop = shopOf(request);
        String host = request.getHeader("Host");
        String baseUrl = "http://"
                + (host != null ? host : "127.0.0.1:" + request.localAddress().port());
        if (faults.dropConnection()) {
            request.connection().close();
            return;
        }
        if (faults.fail5xx()) {
            // before anything runs: a 5xx that changed nothing
            json(request.response(), 503, Map.of("errors", "Service Unavailable"));
            return;
        }
        request.body()
                .compose(body -> engine.compose(
                        admin -> vertx.executeBlocking(() -> execute(admin, shop, body, baseUrl), false)))
                .onSuccess(result -> {
                    Runnable answer = () -> {
                        request.response().putHeader("X-Shopify-API-Version", served);
                        json(request.response(), 200, result.body());
                        result.after().run();
                    };
                    long latency = faults.latencyMs();
                    if (latency > 0) {
                        vertx.setTimer(latency, id -> answer.run());
                    } else {
                        answer.run();
                    }
                })
                .onFailure(e -> problem(
                        request.response(),
                        e instanceof IllegalArgumentException ? 400 : 500,
                        String.valueOf(e.getMessage())));
    }

    @SuppressWarnings("unchecked")
    private AdminGraphql.Result execute(AdminGraphql admin, String shop, Buffer body, String baseUrl) {
        Map<String, Object> request;
        try {
            request = SampleWebhooks.JSON.readValue(body.getBytes(), Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
        Object query = request.get("query");
        Object variables = request.get("variables");
        Object operationName = request.get("operationName");
        graphqlRequests.incrementAndGet();
        AdminGraphql.Result result = admin.execute(
                shop,
                query instanceof String q ? q : null,
                variables instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of(),
                operationName instanceof String o ? o : null,
                baseUrl);
        if (result.body().get("errors") instanceof List<?> errors
                && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> first
                && first.get("extensions") instanceof Map<?, ?> extensions
                && "THROTTLED".equals(extensions.get("code"))) {
            throttled.incrementAndGet();
        }
        synchronized (mutations) {
            result.mutations()
                    .forEach(name -> mutations
                            .computeIfAbsent(name, n -> new AtomicLong())
                            .incrementAndGet());
        }
        return result;
    }

    static String servedVersion(String version) {
        if (SUPPORTED_VERSIONS.contains(version)) {
            return version;
        }
        Matcher matcher = VERSION.matcher(version);
        if (matcher.matches()
                && version.compareTo(SUPPORTED_VERSIONS.get(0)) < 0
                && version.compareTo("2019-04") >= 0) {
            return SUPPORTED_VERSIONS.get(0);
        }
        return null;
    }

    private String shopOf(HttpServerRequest request) {
        String host = request.getHeader("Host");
        if (host != null) {
            String name = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
            if (name.endsWith(".myshopify.com")) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return defaultShop;
    }

    // ---- what the trigger delivered ----

    /** The customers/* topics whose payload is the customer as Shopify holds them. */
    private static final Set<String> CUSTOMER_TOPICS =
            Set.of("customers/create", "customers/update", "customers/enable", "customers/disable");

    /**
     * What a webhook the trigger ({@code POST /admin/fake/webhooks/...}) delivered tells Shopify's state, since Shopify
     * sends a webhook about what it holds. A customers/create, update, enable or disable names its customer: created
     * with that id, or given that email and name, so a later checkout's order names the same person. An orders/*
     * names an order of a customer (one the state does not know is created from the order's customer), which joins
     * that customer's sales history; the change is followed by {@code customers/purchasing_summary}, sent as the
     * Admin API's webhooks are (listed by {@code GET /fake/admin/webhooks}, held back by a mute).
     */
    public void delivered(String shop, String topic, byte[] body) {
        JsonNode payload;
        try {
            payload = SampleWebhooks.JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        if (payload == null || !payload.isObject()) {
            return;
        }
        ShopData data = store.shop(shop);
        Outbox outbox = new Outbox(shop);
        data.lock().lock();
        try {
            if (CUSTOMER_TOPICS.contains(topic)) {
                long id = payload.path("id").asLong(0);
                if (id > 0) {
                    data.knowCustomer(
                            id, text(payload, "email"), text(payload, "first_name"), text(payload, "last_name"));
                }
            } else if (topic.startsWith("orders/")) {
                JsonNode buyer = payload.path("customer");
                long buyerId = buyer.path("id").asLong(0);
                if (buyerId > 0 && !data.customers.containsKey(buyerId)) {
                    data.knowCustomer(
                            buyerId, text(buyer, "email"), text(buyer, "first_name"), text(buyer, "last_name"));
                }
                data.sales
                        .delivered(topic, payload)
                        .ifPresent(customerId ->
                                outbox.add("customers/purchasing_summary", data.purchasingSummary(customerId)));
            }
        } finally {
            data.lock().unlock();
        }
        outbox.drain().forEach(webhooks);
    }

    /** The body of {@code customers/purchasing_summary} for a customer of a shop, now (the trigger sends it on ask). */
    public byte[] purchasingSummary(String shop, long customerId) {
        ShopData data = store.shop(shop);
        data.lock().lock();
        try {
            return SampleWebhooks.JSON.writeValueAsBytes(data.purchasingSummary(customerId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            data.lock().unlock();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    // ---- control endpoints ----

    private void control(HttpServerRequest request, String path, JsonNode body) {
        HttpMethod method = request.method();
        String shopName = text(body, "shop", request.getParam("shop"));
        String shop = shopName == null ? defaultShop : shopName;
        Matcher contract = CONTRACT_PATH.matcher(path);
        Matcher bulk = BULK_PATH.matcher(path);
        if (path.equals("/fake/admin/products") && method == HttpMethod.GET) {
            json(request.response(), 200, read(shop, ControlViews::products));
        } else if (path.equals("/fake/admin/products") && method == HttpMethod.POST) {
            json(request.response(), 201, write(shop, data -> ControlViews.seedProduct(data, body)));
        } else if (path.equals("/fake/admin/checkouts") && method == HttpMethod.POST) {
            checkout(request, shop, body);
        } else if (path.equals("/fake/admin/selling-plan-groups") && method == HttpMethod.GET) {
            json(request.response(), 200, read(shop, ControlViews::groups));
        } else if (contract.matches() && method == HttpMethod.GET) {
            Map<String, Object> view = read(shop, data -> ControlViews.contract(data, contract.group(1)));
            if (view == null) {
                problem(request.response(), 404, "no subscription contract " + contract.group(1) + " in " + shop);
            } else {
                json(request.response(), 200, view);
            }
        } else if (path.equals("/fake/admin/billing-script") && method == HttpMethod.POST) {
            json(request.response(), 200, write(shop, data -> ControlViews.billingScript(data, body)));
        } else if (path.equals("/fake/admin/payment-method-emails") && method == HttpMethod.GET) {
            json(request.response(), 200, read(shop, ControlViews::paymentMethodEmails));
        } else if (path.equals("/fake/admin/payment-methods/revoke") && method == HttpMethod.POST) {
            json(request.response(), 200, write(shop, data -> ControlViews.revokePaymentMethod(data, body)));
        } else if (path.equals("/fake/admin/billing-delay") && method == HttpMethod.POST) {
            store.billingDelay(Duration.ofMillis(
                    body.path("delayMs").asLong(settings.billingDelay().toMillis())));
            json(request.response(), 200, Map.of("delayMs", store.billingDelay().toMillis()));
        } else if (path.equals("/fake/admin/faults") && method == HttpMethod.POST) {
            faults.set(
                    body.path("latencyMs").asLong(0),
                    body.path("failNext5xx").asInt(0),
                    body.path("dropNextConnections").asInt(0));
            json(request.response(), 200, faults.view());
        } else if (path.equals("/fake/admin/throttle") && method == HttpMethod.POST) {
            double maximum = body.path("maximumAvailable").asDouble(settings.maximumAvailable());
            double rate = body.path("restoreRate").asDouble(settings.restoreRate());
            if (maximum <= 0 || rate < 0) {
                problem(request.response(), 400, "maximumAvailable must be positive and restoreRate not negative");
                return;
            }
            engine.onSuccess(admin -> {
                admin.throttle(maximum, rate);
                json(request.response(), 200, Map.of("maximumAvailable", maximum, "restoreRate", rate));
            });
        } else if (path.equals("/fake/admin/webhooks/mute") && method == HttpMethod.POST) {
            Set<String> topics = new HashSet<>();
            body.path("topics").forEach(t -> topics.add(t.asText()));
            webhooks.mute(
                    topics,
                    body.path("all").asBoolean(false),
                    body.hasNonNull("count") ? body.get("count").asInt() : null);
            json(request.response(), 200, webhooks.mutes());
        } else if (path.equals("/fake/admin/webhooks/mute") && method == HttpMethod.DELETE) {
            webhooks.unmute();
            json(request.response(), 200, webhooks.mutes());
        } else if (path.equals("/fake/admin/webhooks") && method == HttpMethod.GET) {
            json(request.response(), 200, Map.of("webhooks", webhooks.sent()));
        } else if (path.equals("/fake/admin/requests") && method == HttpMethod.GET) {
            json(request.response(), 200, requestCounts());
        } else if (path.equals("/fake/admin/requests") && method == HttpMethod.DELETE) {
            graphqlRequests.set(0);
            throttled.set(0);
            synchronized (mutations) {
                mutations.clear();
            }
            json(request.response(), 200, requestCounts());
        } else if (bulk.matches() && method == HttpMethod.GET) {
            bulkFile(request, shop, Long.parseLong(bulk.group(1)));
        } else {
            problem(request.response(), 404, "no such control endpoint: " + method + " " + path);
        }
    }

    private void checkout(HttpServerRequest request, String shop, JsonNode body) {
        ControlViews.Checkout checkout;
        try {
            checkout = ControlViews.Checkout.of(body);
        } catch (IllegalArgumentException e) {
            problem(request.response(), 400, e.getMessage());
            return;
        }
        ShopData data = store.shop(shop);
        Outbox outbox = new Outbox(shop);
        Map<String, Object> answer;
        data.lock().lock();
        try {
            answer = ControlViews.checkout(data, outbox, checkout);
        } catch (IllegalArgumentException e) {
            problem(request.response(), 404, e.getMessage());
            return;
        } finally {
            data.lock().unlock();
        }
        json(request.response(), 201, answer);
        outbox.drain().forEach(webhooks);
    }

    private void bulkFile(HttpServerRequest request, String shop, long id) {
        ShopData data = store.shop(shop);
        byte[] jsonl = null;
        data.lock().lock();
        try {
            BulkOperation operation = data.bulkOperations.get(id);
            if (operation != null) {
                jsonl = operation.jsonl();
            }
        } finally {
            data.lock().unlock();
        }
        if (jsonl == null) {
            problem(request.response(), 404, "no bulk operation " + id + " in " + shop);
            return;
        }
        request.response()
                .setStatusCode(200)
                .putHeader("Content-Type", "application/jsonl")
                .end(Buffer.buffer(jsonl));
    }

    private Map<String, Object> requestCounts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("graphql", graphqlRequests.get());
        counts.put("throttled", throttled.get());
        Map<String, Long> byName = new LinkedHashMap<>();
        synchronized (mutations) {
            mutations.forEach((name, count) -> byName.put(name, count.get()));
        }
        counts.put("mutations", byName);
        return counts;
    }

    private <T> T read(String shop, java.util.function.Function<ShopData, T> view) {
        ShopData data = store.shop(shop);
        data.lock().lock();
        try {
            return view.apply(data);
        } finally {
            data.lock().unlock();
        }
    }

    private <T> T write(String shop, java.util.function.Function<ShopData, T> change) {
        return read(shop, change);
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode value = body.get(field);
        return value != null && !value.isNull() && !value.asText().isBlank() ? value.asText() : fallback;
    }

    // ---- answers ----

    static void json(HttpServerResponse response, int status, Object body) {
        try {
            response.setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(SampleWebhooks.JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            response.setStatusCode(500).end();
        }
    }

    private static void problem(HttpServerResponse response, int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("detail", detail);
        json(response, status, body);
    }

    /** Faults injected into the GraphQL endpoint for resilience tests. */
    private static final class Faults {

        private volatile long latencyMs;
        private final AtomicInteger failNext5xx = new AtomicInteger();
        private final AtomicInteger dropNextConnections = new AtomicInteger();

        void set(long latencyMs, int failNext5xx, int dropNextConnections) {
            this.latencyMs = latencyMs;
            this.failNext5xx.set(failNext5xx);
            this.dropNextConnections.set(dropNextConnections);
        }

        long latencyMs() {
            return latencyMs;
        }

        boolean fail5xx() {
            return failNext5xx.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }

        boolean dropConnection() {
            return dropNextConnections.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("latencyMs", latencyMs);
            view.put("failNext5xx", failNext5xx.get());
            view.put("dropNextConnections", dropNextConnections.get());
            return view;
        }
    }
}
