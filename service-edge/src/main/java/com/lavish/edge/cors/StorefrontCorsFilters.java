package com.lavish.edge.cors;

import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.problem.Problem;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CORS for the direct API only ({@code storefront.api.path-prefix}): Quarkus' {@code quarkus.http.cors} applies to
 * every path, and the app-proxy paths are same-origin through the shop's domain, so they need none.
 *
 * <p>Only the configured shop origins ({@code storefront.cors.origins}) are allowed. A preflight from any other
 * origin is refused with 403 problem+json, and an actual request from one gets no {@code Access-Control-Allow-Origin},
 * so the browser keeps the answer from the page ({@link StorefrontCorsHeaders} puts it on the others). No credentials
 * mode: the API takes a bearer token, never cookies.
 */
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontCorsFilters {

    static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, Last-Event-ID";

    private final StorefrontCorsHeaders rules;
    private final String maxAge;

    public StorefrontCorsFilters(StorefrontConfig config, StorefrontCorsHeaders rules) {
        this.rules = rules;
        this.maxAge = Long.toString(config.cors().maxAge().toSeconds());
    }

    /** Answers a preflight before routing, so no resource method needs an OPTIONS and no credential is asked. */
    @ServerRequestFilter(preMatching = true)
    public Response preflight(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (!HttpMethod.OPTIONS.equals(request.getMethod())
                || origin == null
                || request.getHeaderString("Access-Control-Request-Method") == null
                || !rules.underApi(request.getUriInfo().getPath())) {
            return null;
        }
        if (!rules.allowed(origin)) {
            return Response.status(403)
                    .type(Problem.MEDIA_TYPE)
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
}
