package com.lavish.shopifyfake;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shopify at its edge, from the command line (the demo script and people use it):
 * <pre>
 *   send      --gateway URL --topic T [--sample NAME] [--customer-id N] [--email E] [--shop S] [--secret S]
 *             [--api-version V] [--file PATH] [--timeout SECONDS]
 *   proxy-url --base URL --path /proxy/customers/me (--customer-id N | --anonymous) [--shop S] [--secret S]
 *             [--path-prefix /apps/lavish]
 *   hmac      [--secret S] --file PATH
 * </pre>
 * Defaults come from the environment as the services read it: {@code SHOPIFY_API_SECRET}, the first of
 * {@code SHOPIFY_SHOPS}, {@code SHOPIFY_API_VERSION}. The secret is never printed.
 */
public final class ShopifyFakeCli {

    /** The local run's secret when none is set: fake on purpose, so that nobody mistakes it for a real one. */
    public static final String LOCAL_SECRET = "local-dev-secret-not-for-production";
    public static final String LOCAL_SHOP = "lavish-library.myshopify.com";
    public static final String DEFAULT_API_VERSION = "2026-07";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage:
              send      --gateway URL --topic T [--sample NAME] [--customer-id N] [--email E] [--shop S]
                        [--secret S] [--api-version V] [--file PATH] [--timeout SECONDS]
              proxy-url --base URL --path /proxy/... (--customer-id N | --anonymous) [--shop S] [--secret S]
                        [--path-prefix P]
              hmac      [--secret S] --file PATH
            defaults: SHOPIFY_API_SECRET, first of SHOPIFY_SHOPS, SHOPIFY_API_VERSION""";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    ShopifyFakeCli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ShopifyFakeCli(System.getenv(), System.out, System.err).run(args));
    }

    int run(String... args) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "send" -> send(Options.parse(rest, Set.of("gateway", "topic", "sample", "customer-id", "email",
                        "shop", "secret", "api-version", "file", "timeout"), Set.of()));
                case "proxy-url" -> proxyUrl(Options.parse(rest, Set.of("base", "path", "customer-id", "shop",
                        "secret", "path-prefix"), Set.of("anonymous")));
                case "hmac" -> hmac(Options.parse(rest, Set.of("secret", "file"), Set.of()));
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

    private int send(Options options) throws IOException, InterruptedException {
        URI gateway = uri(options.required("gateway"), "--gateway");
        String topic = options.required("topic");
        String shop = options.get("shop").orElseGet(this::defaultShop);
        byte[] body;
        if (options.has("file")) {
            if (options.has("sample") || options.has("customer-id") || options.has("email")) {
                throw new UsageException("--file sends the file's bytes as they are: give no --sample, --customer-id or --email");
            }
            body = Files.readAllBytes(Path.of(options.get("file").orElseThrow()));
        } else {
            String sample = options.get("sample").orElse(topic);
            if (!SampleWebhooks.TOPICS.contains(sample.replace("__", "/").replace(".json", ""))) {
                throw new UsageException("no sample '" + sample + "'; samples: " + SampleWebhooks.TOPICS);
            }
            SampleWebhooks.Variant variant = SampleWebhooks.variant(sample).lavish().shopDomain(shop)
                    .updatedAt(SampleWebhooks.now());
            if (options.has("customer-id")) {
                variant.customerId(customerId(options.get("customer-id").orElseThrow()));
            }
            options.get("email").ifPresent(variant::email);
            body = variant.bytes();
        }
        Duration timeout = options.get("timeout").map(s -> Duration.ofMillis((long) (positive(s, "--timeout") * 1000)))
                .orElse(WebhookSender.SHOPIFY_RESPONSE_TIMEOUT);
        WebhookSigner signer = new WebhookSigner(secret(options), options.get("api-version").orElseGet(this::defaultApiVersion));
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
        out.println(line + " " + problem(response));
        return FAILED;
    }

    private int proxyUrl(Options options) {
        String base = options.required("base");
        String path = options.required("path");
        boolean anonymous = options.has("anonymous");
        if (anonymous == options.has("customer-id")) {
            throw new UsageException("give either --customer-id N or --anonymous");
        }
        Long customerId = anonymous ? null : customerId(options.get("customer-id").orElseThrow());
        // the storefront's own query parameters pass through Shopify's proxy and are signed with the rest
        int q = path.indexOf('?');
        Map<String, List<String>> extra = q < 0 ? Map.of() : decodeQuery(path.substring(q + 1));
        String pathOnly = q < 0 ? path : path.substring(0, q);
        if (!pathOnly.startsWith("/")) {
            throw new UsageException("--path must start with /");
        }
        String query = new AppProxySigner(secret(options)).query(options.get("shop").orElseGet(this::defaultShop),
                customerId, Instant.now(), options.get("path-prefix").orElse(AppProxySigner.DEFAULT_PATH_PREFIX), extra);
        String trimmedBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        uri(trimmedBase + pathOnly, "--base/--path");
        out.println(trimmedBase + pathOnly + "?" + query);
        return OK;
    }

    private int hmac(Options options) throws IOException {
        byte[] body = Files.readAllBytes(Path.of(options.required("file")));
        out.println(WebhookSigner.hmac(secret(options), body));
        return OK;
    }

    private String secret(Options options) {
        return options.get("secret").orElseGet(() -> nonBlank(env.get("SHOPIFY_API_SECRET"), LOCAL_SECRET));
    }

    private String defaultShop() {
        String shops = env.get("SHOPIFY_SHOPS");
        if (shops != null) {
            for (String shop : shops.split(",")) {
                if (!shop.isBlank()) {
                    return shop.trim();
                }
            }
        }
        return LOCAL_SHOP;
    }

    private String defaultApiVersion() {
        return nonBlank(env.get("SHOPIFY_API_VERSION"), DEFAULT_API_VERSION);
    }

    // One line for a person: the problem+json detail (what to fix) when the gateway sent one, else the body's start.
    private static String problem(WebhookSender.Response response) {
        String body = response.body() == null ? "" : response.body().strip();
        try {
            JsonNode problem = SampleWebhooks.JSON.readTree(body);
            if (problem != null && problem.isObject()) {
                String title = problem.path("title").asText("");
                String detail = problem.path("detail").asText("");
                String text = title.isEmpty() ? detail : detail.isEmpty() ? title : title + ": " + detail;
                if (!text.isEmpty()) {
                    return "problem=\"" + text + "\"";
                }
            }
        } catch (IOException notJson) {
            // fall through to the raw body
        }
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.isEmpty() ? "(empty body)" : "body=\"" + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine) + "\"";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage()
                : e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : null;
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long customerId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw new UsageException("--customer-id must be a positive 64-bit id, was " + value);
            }
            return id;
        } catch (NumberFormatException e) {
            throw new UsageException("--customer-id must be a positive 64-bit id, was '" + value + "'");
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

    private static Map<String, List<String>> decodeQuery(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** {@code --name value}, {@code --name=value} and bare flags; anything else is a usage error. */
    private record Options(Map<String, String> values) {

        static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("--")) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    values.put(name, "");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    values.put(name, value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            }
            return new Options(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }

        String required(String name) {
            return get(name).filter(v -> !v.isBlank()).orElseThrow(() -> new UsageException("--" + name + " is required"));
        }
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
