package com.lavish.edge.cors;

import com.lavish.edge.identity.StorefrontConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which origins may call the direct API ({@code storefront.api.path-prefix}), and the CORS headers of every actual
 * request from one: put on the HTTP response itself, just before its headers leave, so an event stream (whose headers
 * leave before any REST response filter would run), an error and a refusal by the security layer carry them too, and
 * the page can read a 401 or a 429. {@link StorefrontCorsFilters} answers the preflights.
 */
@ApplicationScoped
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontCorsHeaders {

    /** Headers a page may read beyond the CORS-safelisted ones: when to retry after a 429 or a 503. */
    static final String EXPOSED_HEADERS = "Retry-After";

    private final String apiPrefix;
    private final Set<String> origins;

    public StorefrontCorsHeaders(StorefrontConfig config) {
        this.apiPrefix = config.api().pathPrefix();
        this.origins = normalise(config.cors().origins().orElse(List.of()));
    }

    static Set<String> normalise(List<String> configured) {
        return configured.stream()
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                // browsers send an origin without a trailing slash, its scheme and host in lower case
                .map(o -> (o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean allowed(String origin) {
        return origin != null && origins.contains(origin);
    }

    boolean underApi(String path) {
        return path.startsWith(apiPrefix)
                || (apiPrefix.endsWith("/") && path.equals(apiPrefix.substring(0, apiPrefix.length() - 1)));
    }

    void install(@Observes Router router) {
        // first on the router, so no handler's answer goes out without the headers
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (underApi(context.normalizedPath())) {
            String origin = context.request().getHeader("Origin");
            context.addHeadersEndHandler(v -> {
                MultiMap headers = context.response().headers();
                // the answer differs by origin, so a shared cache must not hand one origin's answer to another
                if (headers.getAll("Vary").stream().noneMatch(value -> value.contains("Origin"))) {
                    headers.add("Vary", "Origin");
                }
                if (allowed(origin) && !headers.contains("Access-Control-Allow-Origin")) {
                    headers.set("Access-Control-Allow-Origin", origin);
                    headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
                }
            });
        }
        context.next();
    }
}
