package com.lavish.shopifyfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.shopifyfake.CliOptions.UsageException;
import com.lavish.shopifyfake.admin.AdminApi;
import com.lavish.shopifyfake.admin.StorefrontCatalog;
import com.lavish.shopifyfake.storefront.Storefront;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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
 *       answers {@code {"topic","webhook_id","status","detail"?}} with the gateway's status. Unlike {@code send}, what
 *       it sent becomes the Admin state's (the customer it names; an order, followed by the customer's
 *       {@code customers/purchasing_summary}).</li>
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

    private static final String USAGE_TEXT = """
            usage: ShopifyFakeServer [--host 127.0.0.1] [--port 8090] [--edge http://127.0.0.1:8080]
                                     [--path-prefix /apps/lavish] [--shop S] [--admin-token T]
                                     [--throttle-maximum 2000] [--throttle-restore-rate 100] [--billing-delay-ms 200]
                                     [--theme-extension theme-extension]
            defaults: SHOPIFY_API_SECRET, first of SHOPIFY_SHOPS, SHOPIFY_API_VERSION, SHOPIFY_ADMIN_TOKEN,
                      SHOPIFY_FAKE_THROTTLE_MAXIMUM, SHOPIFY_FAKE_THROTTLE_RESTORE_RATE, SHOPIFY_FAKE_BILLING_DELAY_MS""";

    /**
     * How the server runs; the secret and the Admin API token are never printed ({@link #toString()} leaves them
     * out).
     */
    public record Config(
            String host,
            int port,
            URI edge,
            String pathPrefix,
            String shop,
            String secret,
            String apiVersion,
            AdminApi.Settings admin,
            Path themeExtension) {

        public Config {
            String e = edge.toString();
            edge = URI.create(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
            if (!pathPrefix.startsWith("/") || pathPrefix.endsWith("/")) {
                throw new UsageException(
                        "--path-prefix must start with / and not end with it, was '" + pathPrefix + "'");
            }
        }

        /** From the command line, with the environment's defaults. */
        public static Config parse(List<String> args, Map<String, String> env) {
            CliOptions options = CliOptions.parse(
                    args,
                    Set.of(
                            "host",
                            "port",
                            "edge",
                            "path-prefix",
                            "shop",
                            "admin-token",
                            "throttle-maximum",
                            "throttle-restore-rate",
                            "billing-delay-ms",
                            "theme-extension"),
                    Set.of());
            int port;
            try {
                port = Integer.parseInt(options.get("port").orElse(Integer.toString(DEFAULT_PORT)));
            } catch (NumberFormatException e) {
                throw new UsageException(
                        "--port must be a number, was '" + options.get("port").orElse("") + "'");
            }
            URI edge = URI.create(options.get("edge").orElse(DEFAULT_EDGE));
            if (edge.getScheme() == null || edge.getHost() == null) {
                throw new UsageException("--edge must be an absolute http(s) URL, was '" + edge + "'");
            }
            AdminApi.Settings admin = new AdminApi.Settings(
                    options.get("admin-token").orElseGet(() -> FakeDefaults.adminToken(env)),
                    number(
                            options,
                            env,
                            "throttle-maximum",
                            "SHOPIFY_FAKE_THROTTLE_MAXIMUM",
                            FakeDefaults.THROTTLE_MAXIMUM,
                            true),
                    number(
                            options,
                            env,
                            "throttle-restore-rate",
                            "SHOPIFY_FAKE_THROTTLE_RESTORE_RATE",
                            FakeDefaults.THROTTLE_RESTORE_RATE,
                            false),
                    Duration.ofMillis((long) number(
                            options,
                            env,
                            "billing-delay-ms",
                            "SHOPIFY_FAKE_BILLING_DELAY_MS",
                            FakeDefaults.BILLING_DELAY_MS,
                            false)));
            return new Config(
                    options.get("host").filter(h -> !h.isBlank()).orElse(DEFAULT_HOST),
                    port,
                    edge,
                    options.get("path-prefix").orElse(AppProxySigner.DEFAULT_PATH_PREFIX),
                    options.get("shop").orElseGet(() -> FakeDefaults.shop(env)),
                    FakeDefaults.secret(env),
                    FakeDefaults.apiVersion(env),
                    admin,
                    themeExtension(options.get("theme-extension")));
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
                    .filter(folder -> Files.isDirectory(folder.resolve("blocks")))
                    .findFirst()
                    .orElse(null);
        }

        // An option, else its environment variable, else the default; positive (or, if allowed, zero).
        private static double number(
                CliOptions options,
                Map<String, String> env,
                String option,
                String variable,
                double fallback,
                boolean positive) {
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
            throw new UsageException("--" + option + " (" + variable + ") must be a "
                    + (positive ? "positive" : "non-negative") + " number, was '" + text + "'");
        }

        @Override
        public String toString() {
            return "Config[host=" + host + ", port=" + port + ", edge=" + edge + ", pathPrefix=" + pathPrefix
                    + ", shop=" + shop + ", apiVersion=" + apiVersion + ", admin=" + admin + ", themeExtension="
                    + themeExtension + "]";
        }
    }

    private final Config config;
    private final AppProxy appProxy;
    private final WebhookTrigger webhookTrigger;
    private final AdminApi adminApi;
    private final Storefront storefront;
    private HttpServer server;

    private ShopifyFakeServer(Vertx vertx, Config config, Clock clock) {
        this.config = config;
        this.appProxy = new AppProxy(vertx, config);
        WebhookSender webhookSender = new WebhookSender(new WebhookSigner(config.secret(), config.apiVersion()));
        this.adminApi = new AdminApi(
                vertx, config.admin(), config.shop(), webhookSender, URI.create(config.edge() + "/webhooks"), clock);
        this.webhookTrigger = new WebhookTrigger(config, webhookSender, adminApi);
        this.storefront = config.themeExtension() == null
                ? null
                : new Storefront(
                        config.themeExtension(),
                        new StorefrontCatalog(adminApi.store().shop(config.shop())),
                        config.pathPrefix(),
                        config.edge().toString());
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
        return vertx.createHttpServer()
                .requestHandler(fake::handle)
                .listen(config.port(), config.host())
                .map(server -> {
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
        return server.close().compose(v -> appProxy.close());
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
        start(vertx, config).onSuccess(fake -> LOG.info(describe(fake, config))).onFailure(e -> {
            LOG.errorf(
                    "shopify-fake server: cannot listen on %s:%d: %s",
                    config.host(), config.port(), FakeDefaults.describe(e));
            vertx.close();
            System.exit(1);
        });
    }

    /** One line for a person: where each part of the fake listens (never a secret or token). */
    static String describe(ShopifyFakeServer fake, Config config) {
        return "shopify-fake server on " + config.host() + ":" + fake.port() + ": app proxy " + config.pathPrefix()
                + "/... -> "
                + config.edge() + "/proxy/..., webhooks -> " + config.edge() + "/webhooks, Admin API "
                + "/admin/api/" + config.apiVersion() + "/graphql.json (bucket "
                + (long) config.admin().maximumAvailable()
                + ", restore " + config.admin().restoreRate() + "/s), control /fake/admin/..., shop " + config.shop();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/health") && request.method() == HttpMethod.GET) {
            json(request.response(), 200, SampleWebhooks.JSON.createObjectNode().put("status", "UP"));
        } else if (path.equals(config.pathPrefix()) || path.startsWith(config.pathPrefix() + "/")) {
            appProxy.forward(request, path.substring(config.pathPrefix().length()));
        } else if (AdminApi.handles(path)) {
            adminApi.handle(request);
        } else if (Storefront.handles(path)) {
            if (storefront == null) {
                error(
                        request.response(),
                        503,
                        "no storefront: the theme extension's folder was not found; name it with "
                                + "--theme-extension");
            } else {
                storefront.handle(request);
            }
        } else if (path.startsWith(WEBHOOKS_PATH) && path.length() > WEBHOOKS_PATH.length()) {
            if (request.method() == HttpMethod.POST) {
                request.body()
                        .onSuccess(body -> webhookTrigger.send(request, path.substring(WEBHOOKS_PATH.length()), body))
                        .onFailure(e -> error(request.response(), 400, FakeDefaults.describe(e)));
            } else {
                request.response().putHeader("Allow", "POST");
                error(request.response(), 405, "trigger a webhook with POST");
            }
        } else {
            error(request.response(), 404, "no such endpoint in the Shopify fake");
        }
    }

    // ---- answers ----

    static void error(HttpServerResponse response, int status, String detail) {
        json(
                response,
                status,
                SampleWebhooks.JSON.createObjectNode().put("status", status).put("detail", detail));
    }

    static void json(HttpServerResponse response, int status, JsonNode body) {
        try {
            response.setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(SampleWebhooks.JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            response.setStatusCode(500).end();
        }
    }
}
