package com.lavish.devstack;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The local API gateway: one edge port that routes by path prefix to the owning service and never rewrites the
 * path, as the Kubernetes routes do. Routes come from a properties file of {@code /prefix=port} lines
 * ({@code deploy/local/routes.properties}), matched on whole segments ({@link RouteTable}). A path that a service
 * could read as another one ({@link RequestPathCheck}) is refused with 400 and never forwarded; {@code /q/...} is
 * never routed. It listens on loopback unless told otherwise.
 * <p>
 * A service that runs more than one replica is named by {@code --backend PORT=PORT,PORT...}: the port its routes
 * name, then the port of each of its replicas (the local run's {@code --replicas}); its requests go to them in turn,
 * passing over one that refuses the connection ({@link ReplicaBalancer}). The routes stay the only map from path to
 * service.
 * Usage: {@code LocalApiGateway [--host 127.0.0.1] [--port 8080] [--routes FILE] [--backend PORT=PORT,PORT...]...}.
 */
public final class LocalApiGateway {

    private static final Logger LOG = Logger.getLogger(LocalApiGateway.class);
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    /**
     * Forwarding headers a client may send but only a proxy may set: this gateway is the first hop the services
     * trust, so what a client claims in them is dropped (the X-Forwarded-Proto/-Host it sets replace theirs;
     * X-Forwarded-For it appends to, as the Kubernetes Gateway does).
     */
    private static final List<String> CLIENT_FORWARDING_HEADERS =
            List.of("Forwarded", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl", "X-Real-IP");

    /** One route: requests whose path is {@code prefix} or below it go to {@code port} on loopback. */
    public record Route(String prefix, int port) {
        public Route {
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException("a route's prefix starts with /, was '" + prefix + "'");
            }
        }
    }

    /**
     * The command line, with its defaults: loopback, port 8080, the local run's routes, one replica per service.
     * {@code backends}: a route's port to the ports of every replica of its service ({@code --backend}, repeatable).
     */
    record Settings(String host, int port, Path routes, Map<Integer, List<Integer>> backends) {
        static Settings parse(String[] args) {
            List<String> others = new ArrayList<>();
            List<String> backends = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--backend") && i + 1 < args.length) {
                    backends.add(args[++i]);
                } else {
                    others.add(args[i]);
                }
            }
            Map<String, String> options =
                    Options.parse(others.toArray(String[]::new), Set.of("host", "port", "routes", "backend"));
            return new Settings(
                    options.getOrDefault("host", DEFAULT_HOST),
                    Integer.parseInt(options.getOrDefault("port", Integer.toString(DEFAULT_PORT))),
                    Path.of(options.getOrDefault("routes", "deploy/local/routes.properties")),
                    parseBackends(backends));
        }

        /** {@code 8083=8083,8183}: the port routes.properties names, then every replica's port, in turn. */
        static Map<Integer, List<Integer>> parseBackends(List<String> values) {
            Map<Integer, List<Integer>> backends = new LinkedHashMap<>();
            for (String value : values) {
                String[] parts = value.split("=", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--backend is PORT=PORT[,PORT...] (the port the routes name,"
                            + " then every replica's port), was '" + value + "'");
                }
                int routed = port(parts[0], value);
                List<Integer> replicas = Arrays.stream(parts[1].split(",", -1))
                        .map(p -> port(p, value))
                        .distinct()
                        .toList();
                if (backends.put(routed, replicas) != null) {
                    throw new IllegalArgumentException("--backend names port " + routed + " twice");
                }
            }
            return Map.copyOf(backends);
        }

        private static int port(String text, String value) {
            try {
                int port = Integer.parseInt(text.trim());
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // said below, with the whole value
            }
            throw new IllegalArgumentException("--backend '" + value + "': '" + text + "' is not a port (1-65535)");
        }
    }

    private LocalApiGateway() {}

    public static void main(String[] args) throws IOException {
        Settings settings = Settings.parse(args);
        List<Route> routes = readRoutes(settings.routes());
        settings.backends().keySet().stream()
                .filter(port -> routes.stream().noneMatch(r -> r.port() == port))
                .findFirst()
                .ifPresent(port -> {
                    throw new IllegalArgumentException(
                            "--backend " + port + ": no route of " + settings.routes() + " goes to port " + port);
                });
        Vertx vertx = Vertx.vertx();
        start(vertx, settings.host(), settings.port(), routes, settings.backends())
                .onSuccess(server -> LOG.infof(
                        "local API gateway on %s:%d: %s; replicas %s",
                        settings.host(), server.actualPort(), routes, settings.backends()))
                .onFailure(e -> {
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
        properties.forEach(
                (prefix, port) -> routes.add(new Route((String) prefix, Integer.parseInt(((String) port).trim()))));
        return routes;
    }

    /** Listens on {@code host}:{@code port} (0: a free port) and routes to the services on loopback. */
    public static Future<HttpServer> start(Vertx vertx, String host, int port, List<Route> routes) {
        return start(vertx, host, port, routes, Map.of());
    }

    /**
     * As {@link #start(Vertx, String, int, List)}, with the replicas of the services that run more than one: a route's
     * port to the ports of its service's replicas, which take its requests in turn; a port not named is one replica.
     */
    public static Future<HttpServer> start(
            Vertx vertx, String host, int port, List<Route> routes, Map<Integer, List<Integer>> backends) {
        // an open stream (GET orders/events) holds its upstream connection as long as the browser holds it: the pool
        // (one per replica) must not cap the streams a service can serve through the gateway
        var client = vertx.createHttpClient(
                new HttpClientOptions().setMaxPoolSize(4096).setKeepAlive(true));
        RouteTable table = new RouteTable(routes);
        // one proxy per service, not per route: the turn goes round all of a service's requests, whatever their path
        Map<Integer, HttpProxy> services = new HashMap<>();
        Map<Route, HttpProxy> proxies = new HashMap<>();
        for (Route route : routes) {
            proxies.put(
                    route,
                    services.computeIfAbsent(
                            route.port(),
                            service -> HttpProxy.reverseProxy(client)
                                    .origin(new ReplicaBalancer(backends.getOrDefault(service, List.of(service))))
                                    .addInterceptor(new ForwardedHeaders())));
        }
        return vertx.createHttpServer()
                .requestHandler(request -> {
                    Optional<String> refused = RequestPathCheck.problem(request.uri());
                    if (refused.isPresent()) {
                        problem(request, 400, "Bad request path", refused.get());
                        return;
                    }
                    String path = request.path();
                    if (RouteTable.isManagementPath(path)) {
                        problem(
                                request,
                                404,
                                "No route",
                                "/q/... (health, metrics, OpenAPI) is each service's management"
                                        + " port's, never served through this gateway");
                        return;
                    }
                    table.match(path)
                            .ifPresentOrElse(
                                    route -> proxies.get(route).handle(request),
                                    () -> problem(
                                            request,
                                            404,
                                            "No route",
                                            "no service serves " + path + " behind this gateway"));
                })
                .listen(port, host);
    }

    private static void problem(HttpServerRequest request, int status, String title, String detail) {
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .encode());
    }

    /**
     * Says who asked, as the first trusted hop: the peer this gateway saw is appended to X-Forwarded-For, as the
     * Kubernetes Gateway appends it. The services read the header from the right (service-edge's ClientAddress): the
     * last entry is this peer, whatever the client wrote before it; behind the app proxy (shopify-fake here, Shopify in
     * production) the entry before it is the shopper's, as the proxy appended it. X-Forwarded-Proto/-Host are this
     * connection's scheme and the Host the client asked for.
     */
    private static final class ForwardedHeaders implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest client = context.request().proxiedRequest();
            MultiMap headers = context.request().headers();
            CLIENT_FORWARDING_HEADERS.forEach(headers::remove);
            String claimed = headers.get("X-Forwarded-For");
            String peer = client.remoteAddress().hostAddress();
            headers.set("X-Forwarded-For", claimed == null || claimed.isBlank() ? peer : claimed + ", " + peer);
            headers.set("X-Forwarded-Proto", client.scheme());
            if (client.authority() != null) {
                headers.set("X-Forwarded-Host", client.authority().toString());
            } else {
                headers.remove("X-Forwarded-Host");
            }
            return context.sendRequest();
        }
    }
}
