package com.lavish.edge.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.ratelimit.RateLimit;
import com.lavish.edge.ratelimit.RedisRateLimiter;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import com.lavish.edge.config.ShopifyAppConfig;

/**
 * The storefront's way in through Shopify's app proxy. For every path under {@code storefront.proxy.path-prefix}:
 * first the signature, freshness and shop are checked and the signed-in customer is set on
 * {@link StorefrontIdentity} (401, or 403 for a shop this suite does not serve); then the request is counted
 * against the per-customer and per-address limits in Redis (429 with {@code Retry-After}).
 *
 * <p>Built only into services that set {@code storefront.proxy.enabled=true}: a service without storefront paths
 * (the webhook gateway) then carries no filter and no Redis client.
 */
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontRequestFilters {

    private static final Logger LOG = Logger.getLogger(StorefrontRequestFilters.class);
    private static final int MAX_ADDRESS_LENGTH = 64;

    private final AppProxySignatureVerifier verifier;
    private final Set<String> shops;
    private final StorefrontConfig config;
    private final StorefrontIdentity identity;
    private final RedisRateLimiter rateLimiter;

    public StorefrontRequestFilters(ShopifyAppConfig shopify, StorefrontConfig config, StorefrontIdentity identity,
                                    RedisRateLimiter rateLimiter) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(shopify.apiSecret());
        shopify.apiSecretPrevious().filter(s -> !s.isBlank()).ifPresent(secrets::add);
        this.verifier = new AppProxySignatureVerifier(secrets, Clock.systemUTC(), config.proxy().freshness());
        this.shops = Set.copyOf(shopify.shops());
        this.config = config;
        this.identity = identity;
        this.rateLimiter = rateLimiter;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext context, HttpServerRequest request) {
        if (!underProxy(context)) {
            return;
        }
        AppProxyIdentity verified;
        try {
            verified = verifier.verify(request.query());
        } catch (AppProxySignatureException e) {
            // the reason only: never the query, which holds the signature
            LOG.debugf("app-proxy request refused: %s", e.reason());
            throw ProblemException.unauthorized("the request is not a current Shopify app-proxy request: " + e.getMessage());
        }
        if (!shops.contains(verified.shop())) {
            throw new ProblemException(Problem.of(403, "Forbidden", "this service does not serve the shop " + verified.shop()));
        }
        if (verified.loggedInCustomerId().isEmpty()) {
            throw ProblemException.unauthorized("log in to the storefront to use this path");
        }
        identity.set(new StorefrontCustomer(verified.shop(), verified.loggedInCustomerId().getAsLong()));
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public Uni<Response> limitRate(ContainerRequestContext context, HttpServerRequest request) {
        StorefrontConfig.RateLimit limits = config.rateLimit();
        if (!limits.enabled() || !underProxy(context)) {
            return Uni.createFrom().nullItem();
        }
        List<RateLimit> applicable = new ArrayList<>(2);
        identity.current().ifPresent(c -> applicable.add(new RateLimit(
                limits.keyPrefix() + "customer:" + c.shop() + ":" + c.customerId(),
                limits.customer().requests(), limits.customer().window())));
        applicable.add(new RateLimit(limits.keyPrefix() + "address:" + clientAddress(request),
                limits.address().requests(), limits.address().window()));
        return rateLimiter.acquire(applicable).map(decision -> {
            if (!decision.allowed()) {
                throw ProblemException.tooManyRequests(
                        "too many requests; try again in " + decision.retryAfterSeconds() + " s",
                        decision.retryAfterSeconds());
            }
            return null;
        });
    }

    private boolean underProxy(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        String prefix = config.proxy().pathPrefix();
        return path.startsWith(prefix) || (prefix.endsWith("/") && path.equals(prefix.substring(0, prefix.length() - 1)));
    }

    /**
     * Shopify's proxy puts the shopper's address first in {@code X-Forwarded-For}; without it (a direct call) the
     * peer's address is the client's.
     */
    static String clientAddress(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            if (!first.isEmpty() && first.length() <= MAX_ADDRESS_LENGTH) {
                return first;
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
