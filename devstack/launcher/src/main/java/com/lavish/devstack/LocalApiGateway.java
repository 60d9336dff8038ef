package com.lavish.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.HttpProxy;

/**
 * The local API gateway: one edge port that routes by path prefix to the owning service and never rewrites the
 * path, as the Kubernetes routes do. Routes come from a properties file of {@code /prefix=port} lines
 * ({@code deploy/local/routes.properties}); the longest matching prefix wins.
 * Usage: {@code LocalApiGateway --port 8080 --routes FILE}.
 */
public final class LocalApiGateway {

    private static final Logger LOG = Logger.getLogger(LocalApiGateway.class);

    /** One route: requests whose path starts with {@code prefix} go to {@code port} on loopback. */
    public record Route(String prefix, int port) {
    }

    private LocalApiGateway() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args, Set.of("port", "routes"));
        int port = Integer.parseInt(options.getOrDefault("port", "8080"));
        List<Route> routes = readRoutes(Path.of(options.getOrDefault("routes", "deploy/local/routes.properties")));
        Vertx vertx = Vertx.vertx();
        start(vertx, port, routes).onSuccess(server -> LOG.infof("local API gateway on port %d: %s", server.actualPort(),
                routes)).onFailure(e -> {
                    LOG.errorf("local API gateway did not start: %s", e.getMessage());
                    System.exit(1);
                });
    }

    public static List<Route> readRoutes(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        List<Route> routes = new ArrayList<>();
        properties.forEach((prefix, port) -> routes.add(new Route((String) prefix, Integer.parseInt(((String) port).trim()))));
        return routes;
    }

    public static io.vertx.core.Future<HttpServer> start(Vertx vertx, int port, List<Route> routes) {
        // an open stream (GET orders/events) holds its upstream connection as long as the browser holds it: the pool
        // must not cap the streams a service can serve through the gateway
        var client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(4096).setKeepAlive(true));
        // longest prefix first, so /proxy/orders/events is not taken by a shorter /proxy route
        List<Map.Entry<String, HttpProxy>> table = routes.stream()
                .sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed())
                .map(r -> Map.entry(r.prefix(), HttpProxy.reverseProxy(client).origin(r.port(), "127.0.0.1")))
                .toList();
        return vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            for (Map.Entry<String, HttpProxy> route : table) {
                if (path.startsWith(route.getKey())) {
                    route.getValue().handle(request);
                    return;
                }
            }
            request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "about:blank").put("title", "No route").put("status", 404)
                            .put("detail", "no service serves " + path + " behind this gateway").encode());
        }).listen(port, "0.0.0.0");
    }
}
