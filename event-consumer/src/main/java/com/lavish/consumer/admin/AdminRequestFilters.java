package com.lavish.consumer.admin;

import com.lavish.edge.cors.ChangeRequests;
import com.lavish.edge.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The admin surface resists the web (ADR 0006): a browser adds an admin's cached Basic credentials to any request
 * to the admin host, a form or a fetch another site makes included. So a change under {@code /admin} must be one
 * that no other site can make a browser send: JSON ({@code Content-Type: application/json}) or a request with the
 * {@code X-Requested-By} header, both of which need a CORS preflight the admin host never grants; and when the
 * browser says where it comes from, it comes from the admin host itself ({@code Sec-Fetch-Site: same-origin} or
 * {@code none}, else an {@code Origin} equal to the host). Tools (curl, scripts) send no such header and pass.
 */
public class AdminRequestFilters {

    static final String REQUESTED_BY = "X-Requested-By";
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSiteChanges(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!ChangeRequests.isChange(request.getMethod()) || !AdminRole.isAdminPath(path)) {
            return null;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        if (fetchSite != null
                ? !OWN_SITE.contains(fetchSite.toLowerCase(Locale.ROOT))
                : origin != null && !sameHost(origin, request.getHeaderString(HttpHeaders.HOST))) {
            return refusal(403, "Forbidden", "an admin change cannot come from another site's page");
        }
        if (!ChangeRequests.isJson(request.getMediaType()) && request.getHeaderString(REQUESTED_BY) == null) {
            return refusal(
                    415,
                    "Unsupported Media Type",
                    "an admin change is sent as Content-Type: application/json "
                            + "(an empty body when it has nothing to say) or with an " + REQUESTED_BY + " header");
        }
        return null;
    }

    /** Whether an Origin ({@code https://admin.example:8443}) names the host the request was sent to. */
    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response refusal(int status, String title, String detail) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail))
                .build();
    }
}
