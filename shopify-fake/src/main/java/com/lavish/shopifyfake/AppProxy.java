package com.lavish.shopifyfake;

import com.lavish.shopifyfake.storefront.Storefront;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Shopify's app proxy as the storefront sees it: {@code ANY <path prefix>/...} goes on to {@code {edge}/proxy/...}
 * with its method, body and query parameters, plus {@code shop}, {@code logged_in_customer_id}, {@code path_prefix},
 * {@code timestamp} and {@code signature} as {@link AppProxySigner} signs them, and
 * {@code X-Forwarded-For}/{@code X-Forwarded-Host}; cookies are not passed either way. The answer is streamed as it
 * comes, so an event stream reaches the browser event by event.
 */
final class AppProxy {

    private static final Logger LOG = Logger.getLogger(AppProxy.class);

    // Hop-by-hop headers (RFC 9110 §7.6.1) and what Shopify's proxy strips or sets itself.
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "trailers",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "cookie",
            "x-forwarded-for",
            "x-forwarded-host",
            ShopifyFakeServer.LOGGED_IN_HEADER.toLowerCase(Locale.ROOT));
    private static final Set<String> NOT_RELAYED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "trailers",
            "transfer-encoding",
            "upgrade",
            "set-cookie");

    private final ShopifyFakeServer.Config config;
    private final HttpClient client;
    private final AppProxySigner signer;

    AppProxy(Vertx vertx, ShopifyFakeServer.Config config) {
        this.config = config;
        this.client = vertx.createHttpClient();
        this.signer = new AppProxySigner(config.secret());
    }

    Future<Void> close() {
        return client.close();
    }

    /** The request to {@code {edge}/proxy{rest}}, signed for the logged-in customer, its answer streamed back. */
    void forward(HttpServerRequest request, String rest) {
        Long customerId = Storefront.loggedInCustomer(request).orElse(null);
        String loggedIn = request.getHeader(ShopifyFakeServer.LOGGED_IN_HEADER);
        if (loggedIn != null && !loggedIn.isBlank()) {
            try {
                customerId = FakeDefaults.customerId(loggedIn);
            } catch (IllegalArgumentException e) {
                ShopifyFakeServer.error(
                        request.response(), 400, ShopifyFakeServer.LOGGED_IN_HEADER + " " + e.getMessage());
                return;
            }
        }
        String query = signer.query(
                config.shop(),
                customerId,
                Instant.now(),
                config.pathPrefix(),
                AppProxySigner.decodeQuery(request.query()));
        // an event stream sends a comment every 15 s: a minute of silence is a dead connection
        RequestOptions upstream = new RequestOptions()
                .setMethod(request.method())
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
                .compose(body -> client.request(upstream).compose(call -> {
                    // the browser went away (a closed event stream): so does the request to the edge
                    request.response().closeHandler(v -> call.reset());
                    return body.length() == 0 ? call.send() : call.send(body);
                }))
                .compose(response -> relay(request, response))
                .onSuccess(status -> LOG.infof("%s -> %s", line, status))
                .onFailure(e -> {
                    LOG.infof("%s -> 502 %s", line, FakeDefaults.describe(e));
                    if (!request.response().headWritten()) {
                        ShopifyFakeServer.error(
                                request.response(),
                                502,
                                "the edge at " + config.edge() + " did not answer: " + FakeDefaults.describe(e));
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
}
