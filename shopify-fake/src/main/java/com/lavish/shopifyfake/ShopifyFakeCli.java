package com.lavish.shopifyfake;

import com.lavish.shopifyfake.CliOptions.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shopify at its edge, from the command line (the demo script and people use it):
 * <pre>
 *   send      --gateway URL --topic T [--sample NAME] [--customer-id N] [--email E] [--shop S] [--secret S]
 *             [--api-version V] [--file PATH] [--timeout SECONDS]
 *   proxy-url --base URL --path /proxy/customers/me (--customer-id N | --anonymous) [--shop S] [--secret S]
 *             [--path-prefix /apps/lavish]
 *   hmac      [--secret S] --file PATH
 *   serve     [--host 127.0.0.1] [--port 8090] [--edge URL] [--path-prefix P] [--shop S] [--admin-token T]
 *             [--throttle-maximum N] [--throttle-restore-rate N] [--billing-delay-ms N]
 * </pre>
 * {@code serve} runs {@link ShopifyFakeServer} (app proxy, webhook triggers, the Admin API and its control
 * endpoints) on one port until the process is stopped.
 * Defaults come from the environment as the services read it: {@code SHOPIFY_API_SECRET}, the first of
 * {@code SHOPIFY_SHOPS}, {@code SHOPIFY_API_VERSION}. The secret is never printed.
 */
public final class ShopifyFakeCli {

    /** The local run's secret when none is set: fake on purpose, so that nobody mistakes it for a real one. */
    public static final String LOCAL_SECRET = FakeDefaults.LOCAL_SECRET;

    public static final String LOCAL_SHOP = FakeDefaults.LOCAL_SHOP;
    public static final String DEFAULT_API_VERSION = FakeDefaults.DEFAULT_API_VERSION;

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** {@code serve} started the server: the process keeps running. */
    static final int SERVING = -1;

    private static final String USAGE_TEXT = """
            usage:
              send      --gateway URL --topic T [--sample NAME] [--customer-id N] [--email E] [--shop S]
                        [--secret S] [--api-version V] [--file PATH] [--timeout SECONDS]
              proxy-url --base URL --path /proxy/... (--customer-id N | --anonymous) [--shop S] [--secret S]
                        [--path-prefix P]
              hmac      [--secret S] --file PATH
              serve     [--host 127.0.0.1] [--port 8090] [--edge URL] [--path-prefix P] [--shop S]
                        [--admin-token T] [--throttle-maximum 2000] [--throttle-restore-rate 100]
                        [--billing-delay-ms 200]
            defaults: SHOPIFY_API_SECRET, first of SHOPIFY_SHOPS, SHOPIFY_API_VERSION, SHOPIFY_ADMIN_TOKEN,
                      SHOPIFY_FAKE_THROTTLE_MAXIMUM, SHOPIFY_FAKE_THROTTLE_RESTORE_RATE, SHOPIFY_FAKE_BILLING_DELAY_MS""";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    ShopifyFakeCli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new ShopifyFakeCli(System.getenv(), System.out, System.err).run(args);
        if (code != SERVING) {
            System.exit(code);
        }
    }

    int run(String... args) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "send" ->
                    send(CliOptions.parse(
                            rest,
                            Set.of(
                                    "gateway",
                                    "topic",
                                    "sample",
                                    "customer-id",
                                    "email",
                                    "shop",
                                    "secret",
                                    "api-version",
                                    "file",
                                    "timeout"),
                            Set.of()));
                case "proxy-url" ->
                    proxyUrl(CliOptions.parse(
                            rest,
                            Set.of("base", "path", "customer-id", "shop", "secret", "path-prefix"),
                            Set.of("anonymous")));
                case "hmac" -> hmac(CliOptions.parse(rest, Set.of("secret", "file"), Set.of()));
                case "serve" -> serve(rest);
                case "help", "--help", "-h" -> {
                    out.println(USAGE_TEXT);
                    yield OK;
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("shopify-fake: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (IOException e) {
            err.println("shopify-fake: " + describe(e));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("shopify-fake: interrupted");
            return FAILED;
        }
    }

    private int send(CliOptions options) throws IOException, InterruptedException {
        URI gateway = uri(options.required("gateway"), "--gateway");
        String topic = options.required("topic");
        String shop = options.get("shop").orElseGet(this::defaultShop);
        byte[] body;
        if (options.has("file")) {
            if (options.has("sample") || options.has("customer-id") || options.has("email")) {
                throw new UsageException(
                        "--file sends the file's bytes as they are: give no --sample, --customer-id or --email");
            }
            body = Files.readAllBytes(Path.of(options.get("file").orElseThrow()));
        } else {
            Long customerId = options.has("customer-id")
                    ? customerId(options.get("customer-id").orElseThrow())
                    : null;
            try {
                body = SampleWebhooks.lavish(
                        options.get("sample").orElse(topic),
                        shop,
                        customerId,
                        options.get("email").orElse(null));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Duration timeout = options.get("timeout")
                .map(s -> Duration.ofMillis((long) (positive(s, "--timeout") * 1000)))
                .orElse(WebhookSender.SHOPIFY_RESPONSE_TIMEOUT);
        WebhookSigner signer =
                new WebhookSigner(secret(options), options.get("api-version").orElseGet(this::defaultApiVersion));
        WebhookDelivery delivery = WebhookDelivery.of(topic, shop, body);
        String line = topic + " webhook-id=" + delivery.webhookId();
        WebhookSender.Response response;
        try {
            response = new WebhookSender(signer, timeout).send(gateway, delivery);
        } catch (IOException e) {
            // Shopify counts no answer (refused, reset, slower than its 5 s) as a failed delivery too
            out.println(line + " status=none error=\"" + describe(e) + "\"");
            return FAILED;
        }
        line += " status=" + response.status();
        if (response.delivered()) {
            out.println(line);
            return OK;
        }
        out.println(line + " " + response.problem());
        return FAILED;
    }

    private int proxyUrl(CliOptions options) {
        String base = options.required("base");
        String path = options.required("path");
        boolean anonymous = options.has("anonymous");
        if (anonymous == options.has("customer-id")) {
            throw new UsageException("give either --customer-id N or --anonymous");
        }
        Long customerId =
                anonymous ? null : customerId(options.get("customer-id").orElseThrow());
        // the storefront's own query parameters pass through Shopify's proxy and are signed with the rest
        int q = path.indexOf('?');
        Map<String, List<String>> extra = q < 0 ? Map.of() : AppProxySigner.decodeQuery(path.substring(q + 1));
        String pathOnly = q < 0 ? path : path.substring(0, q);
        if (!pathOnly.startsWith("/")) {
            throw new UsageException("--path must start with /");
        }
        String query = new AppProxySigner(secret(options))
                .query(
                        options.get("shop").orElseGet(this::defaultShop),
                        customerId,
                        Instant.now(),
                        options.get("path-prefix").orElse(AppProxySigner.DEFAULT_PATH_PREFIX),
                        extra);
        String trimmedBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        uri(trimmedBase + pathOnly, "--base/--path");
        out.println(trimmedBase + pathOnly + "?" + query);
        return OK;
    }

    private int serve(List<String> args) throws InterruptedException {
        ShopifyFakeServer.Config config = ShopifyFakeServer.Config.parse(args, env);
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            ShopifyFakeServer fake = ShopifyFakeServer.start(vertx, config)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            out.println(ShopifyFakeServer.describe(fake, config));
            return SERVING;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            err.println("shopify-fake: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + describe(e.getCause() == null ? e : e.getCause()));
            vertx.close();
            return FAILED;
        }
    }

    private int hmac(CliOptions options) throws IOException {
        byte[] body = Files.readAllBytes(Path.of(options.required("file")));
        out.println(WebhookSigner.hmac(secret(options), body));
        return OK;
    }

    private String secret(CliOptions options) {
        return options.get("secret").orElseGet(() -> FakeDefaults.secret(env));
    }

    private String defaultShop() {
        return FakeDefaults.shop(env);
    }

    private String defaultApiVersion() {
        return FakeDefaults.apiVersion(env);
    }

    private static String describe(Throwable e) {
        return FakeDefaults.describe(e);
    }

    private static long customerId(String value) {
        try {
            return FakeDefaults.customerId(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--customer-id " + e.getMessage());
        }
    }

    private static double positive(String value, String option) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a positive number of seconds, was '" + value + "'");
    }

    private static URI uri(String value, String option) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException(option + " must be an absolute http(s) URL, was '" + value + "'");
    }
}
