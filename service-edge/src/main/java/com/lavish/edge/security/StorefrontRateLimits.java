package com.lavish.edge.security;

import com.lavish.edge.identity.ClientAddress;
import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.ratelimit.RateLimit;
import com.lavish.edge.ratelimit.RateLimitDecision;
import com.lavish.edge.ratelimit.RedisRateLimiter;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The storefront's limits in Redis: per signed-in customer and per client address (429 with {@code Retry-After}).
 * The address is the client's as a trusted proxy saw it ({@link ClientAddress}), never what the client wrote in
 * {@code X-Forwarded-For}. A refused credential, and a request without the customer its path needs, are counted
 * against their address before they are answered, so guessing uses up the guesser's own limit.
 */
@ApplicationScoped
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontRateLimits {

    private final StorefrontConfig.RateLimit limits;
    private final RedisRateLimiter rateLimiter;
    private final ClientAddress clientAddress;

    public StorefrontRateLimits(StorefrontConfig config, RedisRateLimiter rateLimiter) {
        this.limits = config.rateLimit();
        this.rateLimiter = rateLimiter;
        this.clientAddress = new ClientAddress(config.rateLimit().address().trustedProxies());
    }

    public boolean enabled() {
        return limits.enabled();
    }

    /**
     * The limits a request counts against.
     *
     * @param customer    the signed-in customer, or null
     * @param viaAppProxy whether the request came through the app proxy with a signature that verified: only then is
     *                    the shopper's entry in {@code X-Forwarded-For} Shopify's word rather than the caller's
     */
    List<RateLimit> of(HttpServerRequest request, StorefrontCustomer customer, boolean viaAppProxy) {
        List<RateLimit> applicable = new ArrayList<>(2);
        if (customer != null) {
            applicable.add(new RateLimit(
                    limits.keyPrefix() + "customer:" + customer.shop() + ":" + customer.customerId(),
                    limits.customer().requests(),
                    limits.customer().window()));
        }
        applicable.add(new RateLimit(
                limits.keyPrefix() + "address:" + clientAddress.of(request, viaAppProxy),
                limits.address().requests(),
                limits.address().window()));
        return applicable;
    }

    Uni<RateLimitDecision> acquire(List<RateLimit> applicable) {
        return rateLimiter.acquire(applicable);
    }

    boolean recentlyRefused(List<RateLimit> applicable) {
        return rateLimiter.recentlyRefused(applicable);
    }

    /**
     * A request refused before its resource, answered once it is counted against its address: the refusal, or a 429
     * when the address is over its limit, so that a guess over the limit is not even told whether it was wrong.
     */
    Uni<Response> answerCounted(HttpServerRequest request, ProblemException refusal, boolean viaAppProxy) {
        if (!limits.enabled()) {
            return Uni.createFrom().item(response(refusal));
        }
        return acquire(of(request, null, viaAppProxy))
                .map(decision -> response(decision.allowed() ? refusal : tooManyRequests(decision)));
    }

    static ProblemException tooManyRequests(RateLimitDecision decision) {
        return ProblemException.tooManyRequests(
                "too many requests; try again in " + decision.retryAfterSeconds() + " s", decision.retryAfterSeconds());
    }

    static Response response(ProblemException problem) {
        Response.ResponseBuilder response = Response.status(problem.problem().status())
                .type(MediaType.valueOf(Problem.MEDIA_TYPE))
                .entity(problem.problem());
        problem.headers().forEach(response::header);
        return response.build();
    }
}
