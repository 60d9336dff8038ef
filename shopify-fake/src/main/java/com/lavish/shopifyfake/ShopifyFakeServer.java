package com.lavish.shopifyfake;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.shopifyfake.CliOptions.UsageException;
import com.lavish.shopifyfake.admin.AdminApi;
import com.lavish.shopifyfake.admin.StorefrontCatalog;
import com.lavish.shopifyfake.storefront.Storefront;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

import org.jboss.logging.Logger;

/**
 * Shopify's edge in the local run, as a plain Vert.x HTTP server:
 * <ul>
 *   <li>{@code ANY /apps/lavish/...} is Shopify's app proxy as the storefront sees it (docs/shopify-reference.md §2): the
 *       request goes on to {@code {edge}/proxy/...} with its method, body and query parameters, plus {@code shop},
 *       {@code logged_in_customer_id}, {@code path_prefix}, {@code timestamp} and {@code signature} as
 *       {@link AppProxySigner} signs them, and {@code X-Forwarded-For}/{@code X-Forwarded-Host}; {@code Cookie} and
 *       {@code Set-Cookie} are stripped. The logged-in customer is the storefront's log-in cookie
 *       ({@link Storefront}), or the header {@value #LOGGED_IN_HEADER} (which exists <em>only in this fake</em>,
 *       Shopify has no such header) for scripts; without either the visitor is anonymous. The answer is streamed as it
 *       comes, so an event stream reaches the browser event by event.</li>
 *   <li>{@code GET /}, {@code /products/{handle}}, {@code /account}, {@code /account/login}, {@code /cart},
 *       {@code POST /cart/add.js}, {@code GET /cart.js}: the storefront, rendered from the theme app extension's
 *       Liquid ({@link Storefront}).</li>
 *   <li>{@code POST /admin/fake/webhooks/{topic}} (topic with {@code /} written {@code ~} or URL-encoded), with an
 *       optional JSON body or query parameters {@code customer_id}, {@code email}, {@code first_name},
 *       {@code last_name}, {@code sample}, {@code shop} (and
 *       {@code financial_status}, {@code fulfillment_status}, {@code order_id}, {@code cancelled} {@code false} for an
 *       orders/* sample): sends
 *       a signed Lavish variant of the topic's sample to {@code {edge}/webhooks} as the CLI's {@code send} does, and
 *       answers {@code {"topic","webhook_id","status","detail"?}} with the gateway's status.</li>
 *   <li>{@code POST /admin/api/{version}/graphql.json} and {@code /fake/admin/...}: Shopify's Admin GraphQL API
 *       and the endpoints tests use to arrange and observe it ({@link AdminApi}).</li>
 *   <li>{@code GET /health}: {@code {"status":"UP"}}.</li>
 * </ul>
 * Options: {@code --host} (127.0.0.1: this machine only; 0.0.0.0 to be reached from elsewhere), {@code --port} (8090),
 * {@code --edge} (http://127.0.0.1:8080, the local API gateway), {@code --path-prefix}
 * (/apps/lavish), {@code --theme-extension} (theme-extension/ here or one level up), {@code --shop} (first of
 * {@code SHOPIFY_SHOPS}), {@code --admin-token} ({@code SHOPIFY_ADMIN_TOKEN}),
 * {@code --throttle-maximum} (2000), {@code --throttle-restore-rate} (100), {@code --billing-delay-ms} (200). The
 * secret comes from {@code SHOPIFY_API_SECRET} only (the local fake's when unset) and is never logged, nor are the
 * Admin API token, signatures or query strings.
 */
public final class ShopifyFakeServer {

    private static final Logger LOG = Logger.getLogger(ShopifyFakeServer.class);

    public static final int DEFAULT_PORT = 8090;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_EDGE = "http://127.0.0.1:8080";
    /** Who is logged in at the storefront. Exists only in this fake: Shopify knows it from its own session. */
    public static final String LOGGED_IN_HEADER = "X-Fake-Logged-In-Customer-Id";
    static final String WEBHOOKS_PATH = "/admin/fake/webhooks/";
    /** Order statuses a trigger may set on an orders/* sample, to show a status change. */
    private static final List<String> STATUS_FIELDS = List.of("financial_status", "fulfillment_status");

    private static final String USAGE_TEXT = """
            usage: ShopifyFakeServer [--host 127.0.0.1] [--port 8090] [--edge http://127.0.0.1:8080]
                                     [--path-prefix /apps/lavish] [--shop S] [--admin-token T]
                                     [--throttle-maximum 2000] [--throttle-restore-rate 100] [--billing-delay-ms 200]
                                     [--theme-extension theme-extension]
            defaults: SHOPIFY_API_SECRET, first of SHOPIFY_SHOPS, SHOPIFY_API_VERSION, SHOPIFY_ADMIN_TOKEN,
                      SHOPIFY_FAKE_THROTTLE_MAXIMUM, SHOPIFY_FAKE_THROTTLE_RESTORE_RATE, SHOPIFY_FAKE_BILLING_DELAY_MS""";

    // Hop-by-hop headers (RFC 9110 §7.6.1) and what Shopify's proxy strips or sets itself.
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade",
            "host", "content-length", "cookie", "x-forwarded-for", "x-forwarded-host",
            LOGGED_IN_HEADER.toLowerCase(Locale.ROOT));
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade",
            "set-cookie");

    /**
     * How the server runs; the secret and the Admin API token are never printed ({@link #toString()} leaves them
     * out).
     */
    public record Config(String host, int port, URI edge, String pathPrefix, String shop, String secret,
                         String apiVersion, AdminApi.Settings admin, Path themeExtension) {

        public Config {
            String e = edge.toString();
            edge = URI.create(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
            if (!pathPrefix.startsWith("/") || pathPrefix.endsWith("/")) {
                throw new UsageException("--path-prefix must start with / and not end with it, was '" + pathPrefix + "'");
            }
        }

        /** From the command line, with the environment's defaults. */
        public static Config parse(List<String> args, Map<String, String> env) {
            CliOptions options = CliOptions.parse(args, Set.of("host", "port", "edge", "path-prefix", "shop",
                    "admin-token", "throttle-maximum", "throttle-restore-rate", "billing-delay-ms", "theme-extension"),
                    Set.of());
            int port;
            try {
                port = Integer.parseInt(options.get("port").orElse(Integer.toString(DEFAULT_PORT)));
            } catch (NumberFormatException e) {
                throw new UsageException("--port must be a number, was '" + options.get("port").orElse("") + "'");
            }
            URI edge = URI.create(options.get("edge").orElse(DEFAULT_EDGE));
            if (edge.getScheme() == null || edge.getHost() == null) {
                throw new UsageException("--edge must be an absolute http(s) URL, was '" + edge + "'");
            }
            AdminApi.Settings admin = new AdminApi.Settings(
                    options.get("admin-token").orElseGet(() -> FakeDefaults.adminToken(env)),
                    number(options, env, "throttle-maximum", "SHOPIFY_FAKE_THROTTLE_MAXIMUM",
                            FakeDefaults.THROTTLE_MAXIMUM, true),
                    number(options, env, "throttle-restore-rate", "SHOPIFY_FAKE_THROTTLE_RESTORE_RATE",
                            FakeDefaults.THROTTLE_RESTORE_RATE, false),
                    Duration.ofMillis((long) number(options, env, "billing-delay-ms", "SHOPIFY_FAKE_BILLING_DELAY_MS",
                            FakeDefaults.BILLING_DELAY_MS, false)));
            return new Config(options.get("host").filter(h -> !h.isBlank()).orElse(DEFAULT_HOST), port, edge,
                    options.get("path-prefix").orElse(AppProxySigner.DEFAULT_PATH_PREFIX),
                    options.get("shop").orElseGet(() -> FakeDefaults.shop(env)), FakeDefaults.secret(env),
                    FakeDefaults.apiVersion(env), admin, themeExtension(options.get("theme-extension")));
        }

        // the extension's folder: as named, else theme-extension/ here or one level up (a module's tests run there)
        private static Path themeExtension(Optional<String> named) {
            if (named.isPresent()) {
                Path folder = Path.of(named.get());
                if (!Files.isDirectory(folder.resolve("blocks"))) {
                    throw new UsageException("--theme-extension must name the extension's folder (with blocks/), was '"
                            + named.get() + "'");
                }
                return folder;
            }
            return Stream.of(Path.of("theme-extension"), Path.of("..", "theme-extension"))
                    .filter(folder -> Files.isDirectory(folder.resolve("blocks"))).findFirst().orElse(null);
        }

        // An option, else its environment variable, else the default; positive (or, if allowed, zero).
        private static double number(CliOptions options, Map<String, String> env, String option, String variable,
                                     double fallback, boolean positive) {
            String text = options.get(option).orElse(env.get(variable));
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                double value = Double.parseDouble(text.trim());
                if (positive ? value > 0 : value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--" + option + " (" + variable + ") must be a " + (positive ? "positive" : "non-negative")
                    + " number, was '" + text + "'");
        }

        @Override
        public String toString() {
            return "Config[host=" + host + ", port=" + port + ", edge=" + edge + ", pathPrefix=" + pathPrefix + ", shop=" + shop
                    + ", apiVersion=" + apiVersion + ", admin=" + admin + ", themeExtension=" + themeExtension + "]";
        }
    }

    private final Config config;
    private final HttpClient proxyClient;
    private final AppProxySigner proxySigner;
    private final WebhookSender webhookSender;
    private final AdminApi adminApi;
    private final Storefront storefront;
    private HttpServer server;

    private ShopifyFakeServer(Vertx vertx, Config config, Clock clock) {
        this.config = config;
        this.proxyClient = vertx.createHttpClient();
        this.proxySigner = new AppProxySigner(config.secret());
        this.webhookSender = new WebhookSender(new WebhookSigner(config.secret(), config.apiVersion()));
        this.adminApi = new AdminApi(vertx, config.admin(), config.shop(), webhookSender,
                URI.create(config.edge() + "/webhooks"), clock);
        this.storefront = config.themeExtension() == null ? null : new Storefront(config.themeExtension(),
                new StorefrontCatalog(adminApi.store().shop(config.shop())), config.pathPrefix(), config.edge().toString());
    }

    /** Starts a server on the configured host; port 0 takes a free one ({@link #port()}). */
    public static Future<ShopifyFakeServer> start(Vertx vertx, Config config) {
        return start(vertx, config, Clock.systemUTC());
    }

    /**
     * Starts a server on a clock (tests move time for the throttle bucket and billing dates). The future completes
     * once the port is open; {@link #admin()}{@code .ready()} completes once the Admin schema is loaded.
     */
    public static Future<ShopifyFakeServer> start(Vertx vertx, Config config, Clock clock) {
        ShopifyFakeServer fake = new ShopifyFakeServer(vertx, config, clock);
        return vertx.createHttpServer().requestHandler(fake::handle).listen(config.port(), config.host()).map(server -> {
            fake.server = server;
            return fake;
        });
    }

    /** The Admin API and its state (tests arrange and inspect through it, or through /fake/admin/...). */
    public AdminApi admin() {
        return adminApi;
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close().compose(v -> proxyClient.close());
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.parse(Arrays.asList(args), System.getenv());
        } catch (UsageException | IllegalArgumentException e) {
            LOG.errorf("shopify-fake server: %s%n%s", e.getMessage(), USAGE_TEXT);
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        start(vertx, config).onSuccess(fake -> LOG.info(describe(fake, config)))
                .onFailure(e -> {
                    LOG.errorf("shopify-fake server: cannot listen on %s:%d: %s", config.host(), config.port(),
                            FakeDefaults.describe(e));
                    vertx.close();
                    System.exit(1);
                });
    }

    /** One line for a person: where each part of the fake listens (never a secret or token). */
    static String describe(ShopifyFakeServer fake, Config config) {
        return "shopify-fake server on " + config.host() + ":" + fake.port() + ": app proxy " + config.pathPrefix() + "/... -> "
                + config.edge() + "/proxy/..., webhooks -> " + config.edge() + "/webhooks, Admin API "
                + "/admin/api/" + config.apiVersion() + "/graphql.json (bucket " + (long) config.admin().maximumAvailable()
                + ", restore " + config.admin().restoreRate() + "/s), control /fake/admin/..., shop " + config.shop();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/health") && request.method() == HttpMethod.GET) {
            json(request.response(), 200, SampleWebhooks.JSON.createObjectNode().put("status", "UP"));
        } else if (path.equals(config.pathPrefix()) || path.startsWith(config.pathPrefix() + "/")) {
            proxy(request, path.substring(config.pathPrefix().length()));
        } else if (AdminApi.handles(path)) {
            adminApi.handle(request);
        } else if (Storefront.handles(path)) {
            if (storefront == null) {
                error(request.response(), 503, "no storefront: the theme extension's folder was not found; name it with "
                        + "--theme-extension");
            } else {
                storefront.handle(request);
            }
        } else if (path.startsWith(WEBHOOKS_PATH) && path.length() > WEBHOOKS_PATH.length()) {
            if (request.method() == HttpMethod.POST) {
                request.body().onSuccess(body -> webhook(request, path.substring(WEBHOOKS_PATH.length()), body))
                        .onFailure(e -> error(request.response(), 400, FakeDefaults.describe(e)));
            } else {
                request.response().putHeader("Allow", "POST");
                error(request.response(), 405, "trigger a webhook with POST");
            }
        } else {
            error(request.response(), 404, "no such endpoint in the Shopify fake");
        }
    }

    // ---- app proxy ----

    private void proxy(HttpServerRequest request, String rest) {
        Long customerId = Storefront.loggedInCustomer(request).orElse(null);
        String loggedIn = request.getHeader(LOGGED_IN_HEADER);
        if (loggedIn != null && !loggedIn.isBlank()) {
            try {
                customerId = FakeDefaults.customerId(loggedIn);
            } catch (IllegalArgumentException e) {
                error(request.response(), 400, LOGGED_IN_HEADER + " " + e.getMessage());
                return;
            }
        }
        String query = proxySigner.query(config.shop(), customerId, Instant.now(), config.pathPrefix(),
                AppProxySigner.decodeQuery(request.query()));
        // an event stream sends a comment every 15 s: a minute of silence is a dead connection
        RequestOptions upstream = new RequestOptions().setMethod(request.method())
                .setAbsoluteURI(config.edge() + "/proxy" + rest + "?" + query)
                .setIdleTimeout(Duration.ofSeconds(60).toMillis());
        MultiMap headers = upstream.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : upstream.getHeaders();
        request.headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Host", config.shop());
        upstream.setHeaders(headers);
        String line = "proxy " + request.method() + " " + request.path();
        request.body()
                .compose(body -> proxyClient.request(upstream).compose(call -> {
                    // the browser went away (a closed event stream): so does the request to the edge
                    request.response().closeHandler(v -> call.reset());
                    return body.length() == 0 ? call.send() : call.send(body);
                }))
                .compose(response -> relay(request, response))
                .onSuccess(status -> LOG.infof("%s -> %s", line, status))
                .onFailure(e -> {
                    LOG.infof("%s -> 502 %s", line, FakeDefaults.describe(e));
                    if (!request.response().headWritten()) {
                        error(request.response(), 502, "the edge at " + config.edge() + " did not answer: "
                                + FakeDefaults.describe(e));
                    }
                });
    }

    /** The edge's answer, streamed as it comes (an event stream never ends on its own). */
    private static Future<Integer> relay(HttpServerRequest request, HttpClientResponse upstream) {
        HttpServerResponse response = request.response().setStatusCode(upstream.statusCode());
        if (upstream.statusMessage() != null && !upstream.statusMessage().isEmpty()) {
            response.setStatusMessage(upstream.statusMessage());
        }
        upstream.headers().forEach(header -> {
            if (!NOT_RELAYED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        int status = upstream.statusCode();
        boolean bodiless = request.method() == HttpMethod.HEAD || status == 204 || status == 304;
        if (!bodiless && !response.headers().contains("Content-Length")) {
            response.setChunked(true);
        }
        return upstream.pipeTo(response).map(status);
    }

    // ---- webhook trigger ----

    private void webhook(HttpServerRequest request, String encodedTopic, Buffer requestBody) {
        String topic = URLDecoder.decode(encodedTopic, StandardCharsets.UTF_8).replace('~', '/');
        ObjectNode answer = SampleWebhooks.JSON.createObjectNode().put("topic", topic);
        byte[] body;
        String shop;
        try {
            JsonNode options = requestBody.length() == 0 ? SampleWebhooks.JSON.createObjectNode()
                    : SampleWebhooks.JSON.readTree(requestBody.getBytes());
            if (!options.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            String customerId = option(request, options, "customer_id");
            shop = option(request, options, "shop");
            shop = shop == null ? config.shop() : shop;
            String sample = option(request, options, "sample");
            Map<String, String> statuses = new HashMap<>();
            for (String field : STATUS_FIELDS) {
                String value = option(request, options, field);
                if (value != null) {
                    statuses.put(field, value);
                }
            }
            // Shopify's sample order is a cancelled one: cancelled false makes it an order that stands
            if ("false".equals(option(request, options, "cancelled"))) {
                statuses.put("cancelled_at", null);
            }
            String orderId = option(request, options, "order_id");
            SampleWebhooks.Buyer buyer = new SampleWebhooks.Buyer(
                    customerId == null ? null : FakeDefaults.customerId(customerId), option(request, options, "email"),
                    option(request, options, "first_name"), option(request, options, "last_name"));
            body = SampleWebhooks.lavishFor(sample == null ? topic : sample, shop, buyer, statuses,
                    orderId == null ? null : FakeDefaults.customerId(orderId));
        } catch (IOException | IllegalArgumentException e) {
            json(request.response(), 400, answer.put("detail", e instanceof IOException
                    ? "the body is not JSON: " + e.getMessage() : e.getMessage()));
            return;
        }
        WebhookDelivery delivery = WebhookDelivery.of(topic, shop, body);
        answer.put("webhook_id", delivery.webhookId());
        String line = "webhook " + topic + " webhook-id=" + delivery.webhookId();
        Future.fromCompletionStage(webhookSender.sendAsync(URI.create(config.edge() + "/webhooks"), delivery))
                .onSuccess(response -> {
                    LOG.infof("%s status=%d", line, response.status());
                    answer.put("status", response.status());
                    if (!response.delivered()) {
                        answer.put("detail", response.problem());
                    }
                    // a gateway's 204 would leave no room for this JSON: the trigger then answers 200
                    json(request.response(), response.status() == 204 ? 200 : response.status(), answer);
                })
                .onFailure(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    LOG.infof("%s status=none", line);
                    answer.putNull("status");
                    answer.put("detail", "the gateway did not answer: " + FakeDefaults.describe(cause));
                    json(request.response(), 502, answer);
                });
    }

    // A trigger option from the JSON body (a number or a string), else from the query.
    private static String option(HttpServerRequest request, JsonNode options, String name) {
        JsonNode value = options.get(name);
        if (value != null && !value.isNull()) {
            return value.asText();
        }
        String param = request.getParam(name);
        return param == null || param.isBlank() ? null : param;
    }

    // ---- answers ----

    private static void error(HttpServerResponse response, int status, String detail) {
        json(response, status, SampleWebhooks.JSON.createObjectNode().put("status", status).put("detail", detail));
    }

    private static void json(HttpServerResponse response, int status, JsonNode body) {
        try {
            response.setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(SampleWebhooks.JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            response.setStatusCode(500).end();
        }
    }
}
