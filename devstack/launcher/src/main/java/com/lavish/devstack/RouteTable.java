package com.lavish.devstack;

import com.lavish.devstack.LocalApiGateway.Route;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The local API gateway's routes, matched on whole path segments: {@code /webhooks} serves {@code /webhooks} and
 * {@code /webhooks/...}, never {@code /webhooksx}; a prefix that ends with {@code /} serves what starts with it. The
 * longest matching prefix wins. Quarkus' management paths ({@code /q}, {@code /q/...}) are never routed, whatever a
 * route says: they belong to each service's management port, which no gateway reaches.
 */
final class RouteTable {

    private final List<Route> routes;

    RouteTable(List<Route> routes) {
        // longest prefix first, so /proxy/orders/events is not taken by a shorter /proxy route
        this.routes = routes.stream()
                .sorted(Comparator.comparingInt((Route r) -> r.prefix().length())
                        .reversed())
                .toList();
    }

    /** The route that serves the path (a path already checked by {@link RequestPathCheck}), if any. */
    Optional<Route> match(String path) {
        if (isManagementPath(path)) {
            return Optional.empty();
        }
        return routes.stream().filter(r -> serves(r.prefix(), path)).findFirst();
    }

    static boolean isManagementPath(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    private static boolean serves(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
