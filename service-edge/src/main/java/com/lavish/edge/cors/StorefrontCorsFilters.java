package com.lavish.edge.cors;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.problem.Problem;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * CORS for the direct API only ({@code storefront.api.path-prefix}): Quarkus' {@code quarkus.http.cors} applies to
 * every path, and the app-proxy paths are same-origin through the shop's domain, so they need none.
 *
 * <p>Only the configured shop origins ({@code storefront.cors.origins}) are allowed. A preflight from any other
 * origin is refused with 403 problem+json, and an actual request from one gets no {@code Access-Control-Allow-Origin},
 * so the browser keeps the answer from the page. No credentials mode: the API takes a bearer token, never cookies.
 */
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontCorsFilters {

    static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, Last-Event-ID";
    /** Headers a page may read beyond the CORS-safelisted ones: when to retry after a 429 or a 503. */
    static final String EXPOSED_HEADERS = "Retry-After";

    private final String apiPrefix;
    private final Set<String> origins;
    private final String maxAge;

    public StorefrontCorsFilters(StorefrontConfig config) {
        this.apiPrefix = config.api().pathPrefix();
        this.origins = normalise(config.cors().origins().orElse(List.of()));
        this.maxAge = Long.toString(config.cors().maxAge().toSeconds());
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

    /** Answers a preflight before routing, so no resource method needs an OPTIONS and no credential is asked. */
    @ServerRequestFilter(preMatching = true)
    public Response preflight(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || origin == null
                || request.getHeaderString("Access-Control-Request-Method") == null
                || !underApi(request.getUriInfo().getPath())) {
            return null;
        }
        if (!allowed(origin)) {
            return Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(403, "Forbidden", "the origin " + origin + " may not call this API"))
                    .header("Vary", "Origin")
                    .build();
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", maxAge)
                .header("Vary", "Origin")
                .build();
    }

    /** An actual request from an allowed origin, errors included, so the page can read a 401 or a 429. */
    @ServerResponseFilter
    public void allowOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        if (!underApi(request.getUriInfo().getPath())) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        // the answer differs by origin, so a shared cache must not hand one origin's answer to another
        if (headers.getOrDefault("Vary", List.of()).stream().noneMatch(v -> String.valueOf(v).contains("Origin"))) {
            headers.add("Vary", "Origin");
        }
        String origin = request.getHeaderString("Origin");
        if (allowed(origin) && !headers.containsKey("Access-Control-Allow-Origin")) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private boolean underApi(String path) {
        return path.startsWith(apiPrefix)
                || (apiPrefix.endsWith("/") && path.equals(apiPrefix.substring(0, apiPrefix.length() - 1)));
    }
}
