package com.lavish.consumer.admin;

import com.lavish.edge.identity.ClientAddress;
import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.problem.ProblemResponses;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Failed admin logins are throttled, per user name and per client address: after {@code admin.login.max-failures}
 * refused credentials within {@code admin.login.window}, that user (or address) gets 429 with {@code Retry-After}
 * until the window that began with its first failure has passed, before any password is checked. Guessing an
 * admin password then takes years rather than hours; a throttled admin waits minutes, never more.
 *
 * <p>Runs ahead of Quarkus' authentication on the HTTP router. The address is the client's as a trusted proxy saw
 * it, by the storefront's rule and list ({@link ClientAddress}, {@code storefront.rate-limit.address.trusted-proxies}):
 * the last {@code X-Forwarded-For} entry when the connection comes from the Gateway, else the connection's own, so a
 * client cannot name the address its guesses are counted against. Counts are per replica and bounded in number; a
 * replica that restarts forgets them.
 */
@ApplicationScoped
public class AdminLoginThrottle {

    private static final Logger LOG = Logger.getLogger(AdminLoginThrottle.class);
    private static final int MAX_SUBJECTS = 10_000;
    private static final String BASIC = "basic ";

    /** Failures of one subject in the window that began with the first of them. */
    private record Failures(long windowStart, int count) {}

    private final int maxFailures;
    private final long windowMillis;
    private final ClientAddress clientAddress;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public AdminLoginThrottle(AdminConfig config, StorefrontConfig storefront) {
        this.maxFailures = config.login().maxFailures();
        this.windowMillis = config.login().window().toMillis();
        this.clientAddress = new ClientAddress(storefront.rateLimit().address().trustedProxies());
    }

    void install(@Observes Router router) {
        // after the body and header handlers Quarkus puts first, before its authentication
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !AdminRole.isAdminPath(path)) {
            context.next();
            return;
        }
        String user = "user:" + userOf(authorization);
        String address = "address:" + clientAddress.of(context.request(), false);
        long now = clock.millis();
        long wait = Math.max(waitMillis(user, now), waitMillis(address, now));
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999) / 1000);
            ProblemResponses.end(
                    context.response(),
                    ProblemException.tooManyRequests(
                            "too many refused admin logins; try again in " + seconds + " s", seconds));
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 401) {
                failed(user, now);
                failed(address, now);
            }
        });
        context.next();
    }

    private long waitMillis(String subject, long now) {
        Failures recorded = failures.get(subject);
        if (recorded == null || recorded.count() < maxFailures) {
            return 0;
        }
        return Math.max(0, recorded.windowStart() + windowMillis - now);
    }

    private void failed(String subject, long now) {
        if (failures.size() >= MAX_SUBJECTS) {
            failures.values().removeIf(f -> f.windowStart() + windowMillis <= now);
            if (failures.size() >= MAX_SUBJECTS) {
                return;
            }
        }
        Failures after = failures.merge(
                subject,
                new Failures(now, 1),
                (old, one) -> old.windowStart() + windowMillis <= now
                        ? one
                        : new Failures(old.windowStart(), old.count() + 1));
        if (after.count() == maxFailures) {
            // the subject's kind only: never the name or address guessed with
            LOG.warnf(
                    "admin logins throttled for a %s after %d refused credentials",
                    subject.substring(0, subject.indexOf(':')), maxFailures);
        }
    }

    /** The user name of a Basic credential, lower-cased; a credential of another scheme counts as one unnamed user. */
    private static String userOf(String authorization) {
        if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return "(not basic)";
        }
        try {
            String decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.length() > 64 ? user.substring(0, 64) : user.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "(unreadable)";
        }
    }
}
