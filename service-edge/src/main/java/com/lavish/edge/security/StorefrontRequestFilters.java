package com.lavish.edge.security;

import com.lavish.edge.cors.ChangeRequests;
import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.ratelimit.RateLimit;
import com.lavish.edge.ratelimit.RateLimitDecision;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What the storefront's paths ask of a request besides its credential, which Quarkus Security checks
 * ({@link StorefrontAuthenticationMechanism}, the endpoints' {@code @Authenticated} or {@code @PermitAll}):
 * <ul>
 * <li>a change through the app proxy must be JSON and must not come from another site's page (before anything
 * else);</li>
 * <li>every request is counted against the per-customer and per-address limits in Redis (429 with
 * {@code Retry-After}). An {@code @Authenticated} endpoint has its identity by then; on a {@code @PermitAll} one the
 * identity is asked for here, and a refused credential is counted against its address before it is answered
 * ({@link StorefrontSecurityAnswers} does the same for the refusals of {@code @Authenticated}).</li>
 * </ul>
 *
 * <p>A read ({@code GET}, {@code HEAD}) that answers at once does not wait for Redis's verdict before its work: the
 * check runs alongside the resource (its query), and the answer waits for both, so a read costs the longer of the two
 * round trips rather than their sum. A refused read's answer is replaced by the 429, so it shows nothing. Writes,
 * streams, and subjects this replica saw refused within their {@code Retry-After} wait for the verdict first: a
 * client over its limit makes no query run.
 *
 * <p>Built only into services that set {@code storefront.proxy.enabled=true}: a service without storefront paths
 * (the webhook gateway) then carries no filter and no Redis client.
 */
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontRequestFilters {

    /** The request property holding a rate-limit verdict still on its way, for {@link #settleRateLimit}. */
    private static final String PENDING_DECISION = StorefrontRequestFilters.class.getName() + ".pendingDecision";

    private final StorefrontPaths paths;
    private final StorefrontRateLimits limits;
    private final CurrentIdentityAssociation identities;
    /** Whether a resource method streams its answer (server-sent events), by method: asked once per method. */
    private final Map<Method, Boolean> streaming = new ConcurrentHashMap<>();

    public StorefrontRequestFilters(
            StorefrontConfig config, StorefrontRateLimits limits, CurrentIdentityAssociation identities) {
        this.paths = new StorefrontPaths(config);
        this.limits = limits;
        this.identities = identities;
    }

    /**
     * A change through the app proxy must be JSON. Shopify signs whatever reaches the shop's domain with the
     * shopper's session, a form another site makes the shopper's browser post included; a cross-site page cannot
     * send {@code application/json} (nor any header of its choosing) without a preflight the shop's domain never
     * answers. The direct API needs no such guard: its bearer token is never sent by the browser on its own.
     * Pre-matching, so it comes before the endpoint's security check, as it did before there was one.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void refuseCrossSiteChanges(ContainerRequestContext context) {
        if (!ChangeRequests.isChange(context.getMethod())
                || !paths.viaAppProxy(context.getUriInfo().getPath())) {
            return;
        }
        if ("cross-site".equalsIgnoreCase(context.getHeaderString("Sec-Fetch-Site"))) {
            throw new ProblemException(Problem.of(403, "Forbidden", "a change cannot come from another site's page"));
        }
        if (!ChangeRequests.isJson(context.getMediaType())) {
            throw new ProblemException(
                    Problem.of(
                            415,
                            "Unsupported Media Type",
                            "a change through the storefront "
                                    + "is sent as Content-Type: application/json (with an empty body when it has nothing to say)"));
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public Uni<Response> limitRate(ContainerRequestContext context, HttpServerRequest request, ResourceInfo resource) {
        String path = context.getUriInfo().getPath();
        if (!paths.storefront(path)) {
            return Uni.createFrom().nullItem();
        }
        boolean viaAppProxy = paths.viaAppProxy(path);
        return identities
                .getDeferredIdentity()
                .onItem()
                .transformToUni(identity -> {
                    // resources read it synchronously (StorefrontIdentity): resolved once, here, never blocking
                    identities.setIdentity(identity);
                    return limit(context, request, resource, customer(identity), viaAppProxy);
                })
                .onFailure(AuthenticationFailedException.class)
                .recoverWithUni(failure -> StorefrontSecurityAnswers.refusal(failure)
                        // counted against the caller the gateway saw: without a verified signature the
                        // shopper's entry is only the caller's word, and no one may spend another's limit
                        .map(refusal -> limits.answerCounted(request, refusal, false))
                        .orElseGet(() -> Uni.createFrom().failure(failure)));
    }

    private static StorefrontCustomer customer(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof StorefrontPrincipal p ? p.customer() : null;
    }

    private Uni<Response> limit(
            ContainerRequestContext context,
            HttpServerRequest request,
            ResourceInfo resource,
            StorefrontCustomer customer,
            boolean viaAppProxy) {
        if (!limits.enabled()) {
            return Uni.createFrom().nullItem();
        }
        List<RateLimit> applicable = limits.of(request, customer, viaAppProxy);
        Uni<RateLimitDecision> check = limits.acquire(applicable);
        if (checkAlongside(context.getMethod(), resource) && !limits.recentlyRefused(applicable)) {
            context.setProperty(PENDING_DECISION, check.subscribeAsCompletionStage());
            return Uni.createFrom().nullItem();
        }
        return check.map(decision -> decision.allowed()
                ? null
                : StorefrontRateLimits.response(StorefrontRateLimits.tooManyRequests(decision)));
    }

    /** A read answered at once may run beside its check; a write, or a stream that would open before it, may not. */
    private boolean checkAlongside(String method, ResourceInfo resource) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        Method target = resource == null ? null : resource.getResourceMethod();
        return target != null && !streaming.computeIfAbsent(target, StorefrontRequestFilters::streams);
    }

    private static boolean streams(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        return Multi.class.isAssignableFrom(method.getReturnType())
                || (produces != null && Arrays.asList(produces.value()).contains(MediaType.SERVER_SENT_EVENTS));
    }

    /** A read's verdict, when it ran alongside: the answer waits for it, and a refusal replaces the answer. */
    @ServerResponseFilter
    public Uni<Void> settleRateLimit(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PENDING_DECISION) instanceof CompletionStage<?> pending)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(pending).map(verdict -> {
            RateLimitDecision decision = (RateLimitDecision) verdict;
            if (!decision.allowed()) {
                ProblemException refusal = StorefrontRateLimits.tooManyRequests(decision);
                MultivaluedMap<String, Object> headers = response.getHeaders();
                // nothing of the refused answer stays: no validators or caching of it, only the problem
                List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL)
                        .forEach(headers::remove);
                refusal.headers().forEach(headers::putSingle);
                response.setStatus(refusal.problem().status());
                response.setEntity(refusal.problem(), null, MediaType.valueOf(Problem.MEDIA_TYPE));
            }
            return null;
        });
    }
}
