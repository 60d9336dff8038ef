package com.lavish.edge.identity;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

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

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.lavish.edge.cors.ChangeRequests;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.ratelimit.RateLimit;
import com.lavish.edge.ratelimit.RateLimitDecision;
import com.lavish.edge.ratelimit.RedisRateLimiter;
import com.lavish.edge.session.InvalidSessionTokenException;
import com.lavish.edge.session.StorefrontSessionTokens;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import com.lavish.edge.config.ShopifyAppConfig;

/**
 * The storefront's two ways in, each with its own credential and no other:
 * <ul>
 * <li>{@code storefront.proxy.path-prefix} ({@code /proxy/}): Shopify's app-proxy signature, freshness and shop
 * are checked (401, or 403 for a shop this suite does not serve) and a signed-in customer is set on
 * {@link StorefrontIdentity}; a bearer token is ignored there.</li>
 * <li>{@code storefront.api.path-prefix} ({@code /api/}): a session token from {@code POST /proxy/session} in
 * {@code Authorization: Bearer}, verified by SmallRye JWT; a bad one is a 401 with a bearer challenge, and an
 * app-proxy signature is ignored there.</li>
 * </ul>
 * A request without a customer goes on: public paths serve it, and {@link StorefrontIdentity#customer()} answers
 * 401 on the rest. Then the request is counted against the per-customer and per-address limits in Redis (429 with
 * {@code Retry-After}); a refused signature or token is counted against its address before it is answered, so
 * guessing uses up the guesser's limit. The address is the client's as a trusted proxy saw it ({@link ClientAddress}),
 * never what the client wrote in {@code X-Forwarded-For}.
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

    static final String BEARER_CHALLENGE = "Bearer realm=\"lavish-storefront\"";

    private static final Logger LOG = Logger.getLogger(StorefrontRequestFilters.class);
    private static final String BEARER = "bearer ";
    static final String APP_PROXY_REFUSED = "the request is not a current Shopify app-proxy request: its signature "
            + "is missing, wrong or no longer fresh";
    /** The request property holding a refused credential's answer until the address has been counted. */
    private static final String REFUSED = StorefrontRequestFilters.class.getName() + ".refused";
    /** The request property holding a rate-limit verdict still on its way, for {@link #settleRateLimit}. */
    private static final String PENDING_DECISION = StorefrontRequestFilters.class.getName() + ".pendingDecision";

    private final AppProxySignatureVerifier verifier;
    private final Set<String> shops;
    private final StorefrontConfig config;
    private final StorefrontIdentity identity;
    private final RedisRateLimiter rateLimiter;
    private final StorefrontSessionTokens sessionTokens;
    private final ClientAddress clientAddress;
    /** Whether a resource method streams its answer (server-sent events), by method: asked once per method. */
    private final Map<Method, Boolean> streaming = new ConcurrentHashMap<>();

    public StorefrontRequestFilters(ShopifyAppConfig shopify, StorefrontConfig config, StorefrontIdentity identity,
                                    RedisRateLimiter rateLimiter, StorefrontSessionTokens sessionTokens) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(shopify.apiSecret());
        shopify.apiSecretPrevious().filter(s -> !s.isBlank()).ifPresent(secrets::add);
        this.verifier = new AppProxySignatureVerifier(secrets, Clock.systemUTC(), config.proxy().freshness());
        this.shops = Set.copyOf(shopify.shops());
        this.config = config;
        this.identity = identity;
        this.rateLimiter = rateLimiter;
        this.sessionTokens = sessionTokens;
        this.clientAddress = new ClientAddress(config.rateLimit().address().trustedProxies());
    }

    /**
     * A change through the app proxy must be JSON. Shopify signs whatever reaches the shop's domain with the
     * shopper's session, a form another site makes the shopper's browser post included; a cross-site page cannot
     * send {@code application/json} (nor any header of its choosing) without a preflight the shop's domain never
     * answers. The direct API needs no such guard: its bearer token is never sent by the browser on its own.
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void refuseCrossSiteChanges(ContainerRequestContext context) {
        if (!ChangeRequests.isChange(context.getMethod())
                || !under(context.getUriInfo().getPath(), config.proxy().pathPrefix())) {
            return;
        }
        if ("cross-site".equalsIgnoreCase(context.getHeaderString("Sec-Fetch-Site"))) {
            throw new ProblemException(Problem.of(403, "Forbidden", "a change cannot come from another site's page"));
        }
        if (!ChangeRequests.isJson(context.getMediaType())) {
            throw new ProblemException(Problem.of(415, "Unsupported Media Type", "a change through the storefront "
                    + "is sent as Content-Type: application/json (with an empty body when it has nothing to say)"));
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext context, HttpServerRequest request) {
        String path = context.getUriInfo().getPath();
        try {
            if (under(path, config.proxy().pathPrefix())) {
                authenticateProxy(request);
            } else if (under(path, config.api().pathPrefix())) {
                authenticateBearer(request);
            }
        } catch (ProblemException refusal) {
            // answered after it is counted against the address (limitRate): guessing costs the guesser its limit
            context.setProperty(REFUSED, refusal);
        }
    }

    private void authenticateProxy(HttpServerRequest request) {
        AppProxyIdentity verified;
        try {
            verified = verifier.verify(request.query());
        } catch (AppProxySignatureException e) {
            // the reason goes to the log only, never the query (it holds the signature); the caller learns not which
            // part failed, so a forger gets no hint whether the signature or the timestamp was wrong
            LOG.debugf("app-proxy request refused: %s", e.reason());
            throw ProblemException.unauthorized(APP_PROXY_REFUSED);
        }
        if (!shops.contains(verified.shop())) {
            throw new ProblemException(Problem.of(403, "Forbidden", "this service does not serve the shop " + verified.shop()));
        }
        // an anonymous visitor goes on without a customer: per-customer paths answer 401 through StorefrontIdentity
        verified.loggedInCustomerId().ifPresent(id -> identity.set(new StorefrontCustomer(verified.shop(), id)));
    }

    private void authenticateBearer(HttpServerRequest request) {
        identity.expectBearer();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            throw invalidToken("Authorization must be Bearer with a session token from POST /proxy/session");
        }
        StorefrontSessionTokens.Verified verified;
        try {
            verified = sessionTokens.verify(authorization.substring(BEARER.length()).trim());
        } catch (InvalidSessionTokenException e) {
            throw invalidToken(e.getMessage());
        }
        StorefrontCustomer customer = verified.customer();
        if (!shops.contains(customer.shop())) {
            throw new ProblemException(Problem.of(403, "Forbidden", "this service does not serve the shop " + customer.shop()));
        }
        identity.set(customer, verified.expiresAt());
    }

    private static ProblemException invalidToken(String detail) {
        // RFC 6750 §3.1: a token was sent but is not good
        return new ProblemException(Problem.of(401, "Unauthorized", detail),
                Map.of("WWW-Authenticate", BEARER_CHALLENGE + ", error=\"invalid_token\""));
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public Uni<Response> limitRate(ContainerRequestContext context, HttpServerRequest request, ResourceInfo resource) {
        StorefrontConfig.RateLimit limits = config.rateLimit();
        String path = context.getUriInfo().getPath();
        boolean viaAppProxy = under(path, config.proxy().pathPrefix());
        ProblemException refused = context.getProperty(REFUSED) instanceof ProblemException r ? r : null;
        if (!limits.enabled() || !(viaAppProxy || under(path, config.api().pathPrefix()))) {
            if (refused != null) {
                throw refused;
            }
            return Uni.createFrom().nullItem();
        }
        List<RateLimit> applicable = new ArrayList<>(2);
        identity.current().ifPresent(c -> applicable.add(new RateLimit(
                limits.keyPrefix() + "customer:" + c.shop() + ":" + c.customerId(),
                limits.customer().requests(), limits.customer().window())));
        // the shopper's entry is Shopify's word only when Shopify's signature verified; a refused request is counted
        // against the caller the gateway saw, so no one can spend another address's limit by writing it there
        applicable.add(new RateLimit(limits.keyPrefix() + "address:"
                + clientAddress.of(request, viaAppProxy && refused == null),
                limits.address().requests(), limits.address().window()));
        Uni<RateLimitDecision> check = rateLimiter.acquire(applicable);
        if (refused == null && checkAlongside(context.getMethod(), resource)
                && !rateLimiter.recentlyRefused(applicable)) {
            context.setProperty(PENDING_DECISION, check.subscribeAsCompletionStage());
            return Uni.createFrom().nullItem();
        }
        return check.map(decision -> {
            if (!decision.allowed()) {
                throw tooManyRequests(decision);
            }
            if (refused != null) {
                throw refused;
            }
            return null;
        });
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
                ProblemException refusal = tooManyRequests(decision);
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

    private static ProblemException tooManyRequests(RateLimitDecision decision) {
        return ProblemException.tooManyRequests(
                "too many requests; try again in " + decision.retryAfterSeconds() + " s",
                decision.retryAfterSeconds());
    }

    static boolean under(String path, String prefix) {
        return path.startsWith(prefix) || (prefix.endsWith("/") && path.equals(prefix.substring(0, prefix.length() - 1)));
    }
}
