package com.lavish.edge.security;

import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.problem.ProblemExceptionMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The storefront's answers to Quarkus Security's refusals, ahead of {@link ProblemExceptionMapper}'s general ones:
 * a refused signature or token with the problem {@link StorefrontIdentityProvider} gave it, and a request without the
 * customer an {@code @Authenticated} path needs with a 401 that says how to get one (and, on the direct API, a bearer
 * challenge). Either is first counted against the caller's address ({@link StorefrontRateLimits}), so guessing uses up
 * the guesser's limit and, over it, is answered 429. Other paths get the general answer.
 */
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontSecurityAnswers {

    static final String LOG_IN = "log in to the storefront to use this path";
    static final String SEND_TOKEN = "send a session token from POST /proxy/session as Authorization: Bearer";

    private final StorefrontPaths paths;
    private final StorefrontRateLimits limits;

    public StorefrontSecurityAnswers(StorefrontConfig config, StorefrontRateLimits limits) {
        this.paths = new StorefrontPaths(config);
        this.limits = limits;
    }

    @ServerExceptionMapper(
            value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = Priorities.USER - 100)
    public Uni<Response> unauthenticated(RuntimeException e, RoutingContext routing) {
        String path = routing.normalizedPath();
        if (!paths.storefront(path)) {
            return ProblemExceptionMapper.challenged(routing);
        }
        Optional<ProblemException> refused = refusal(e);
        if (refused.isPresent()) {
            return limits.answerCounted(routing.request(), refused.get(), false);
        }
        // no customer on a path that needs one: the credential verified, so an app-proxy request's shopper address is
        // Shopify's word
        ProblemException anonymous = paths.directApi(path)
                ? new ProblemException(
                        Problem.of(401, "Unauthorized", SEND_TOKEN),
                        Map.of("WWW-Authenticate", StorefrontIdentityProvider.BEARER_CHALLENGE))
                : ProblemException.unauthorized(LOG_IN);
        return limits.answerCounted(
                routing.request(), anonymous, paths.viaAppProxy(path) && e instanceof UnauthorizedException);
    }

    /** The answer a storefront refusal carries ({@link StorefrontIdentityProvider#refused}); empty for any other. */
    static Optional<ProblemException> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }
}
