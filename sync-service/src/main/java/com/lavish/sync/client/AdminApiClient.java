package com.lavish.sync.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.sync.config.AdminApiConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * The Admin API as the rest of sync-service sees it: one call per document, paced by the shop's shared cost bucket
 * ({@link AdminApiBucket}), THROTTLED answers waited out and sent again, transport failures retried with exponential
 * backoff behind a circuit breaker (SmallRye Fault Tolerance; tuned under
 * {@code quarkus.fault-tolerance."com.lavish.sync.client.AdminApiClient/execute"}). Nothing here blocks a thread:
 * every wait is a Mutiny delay.
 *
 * <p>Metrics: {@code sync.admin-api.requests} (operation, outcome), {@code sync.throttle.waits} (time spent waiting
 * for the bucket before sending), {@code sync.admin-api.throttled} (THROTTLED answers, each retried).
 */
@ApplicationScoped
public class AdminApiClient {

    private static final Logger LOG = Logger.getLogger(AdminApiClient.class);

    private final AdminGraphqlTransport transport;
    private final AdminApiBucket bucket;
    private final AdminApiConfig config;
    private final MeterRegistry metrics;
    /** Each document's requestedQueryCost as Shopify last computed it; the estimate until then. */
    private final Map<AdminOperation, Integer> requestedCosts = new ConcurrentHashMap<>();

    AdminApiClient(
            AdminGraphqlTransport transport, AdminApiBucket bucket, AdminApiConfig config, MeterRegistry metrics) {
        this.transport = transport;
        this.bucket = bucket;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Sends one document for a shop and answers its {@code data}; a transport failure is retried, so only for
     * documents that may safely be applied twice (queries, and mutations that are idempotent by their ids or keys).
     *
     * @throws AdminApiUnavailableException (in the Uni) once the retries are spent, or at once while the circuit is
     *                                      open ({@code CircuitBreakerOpenException})
     * @throws AdminApiException            (in the Uni) for errors that sending again would not cure
     */
    @AsynchronousNonBlocking
    @Retry(
            maxRetries = 4,
            delay = 500,
            jitter = 200,
            maxDuration = 120_000,
            retryOn = AdminApiUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 2,
            failOn = AdminApiUnavailableException.class)
    public Uni<AdminAnswer> execute(String shop, AdminOperation operation, ObjectNode variables) {
        return send(shop, operation, variables);
    }

    /**
     * Sends a document that must not be sent twice blindly (sellingPlanGroupCreate): THROTTLED answers are still
     * waited out (Shopify did not run the document), but a transport failure comes back to the caller, who must find
     * out whether Shopify applied it before sending again.
     */
    @AsynchronousNonBlocking
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 2,
            failOn = AdminApiUnavailableException.class)
    public Uni<AdminAnswer> executeOnce(String shop, AdminOperation operation, ObjectNode variables) {
        return send(shop, operation, variables);
    }

    private Uni<AdminAnswer> send(String shop, AdminOperation operation, ObjectNode variables) {
        return bucket.reserve(shop, requestedCost(operation))
                .call(reservation -> pause(shop, reservation.delay()))
                .chain(reservation -> attempt(shop, operation, variables, reservation, 0));
    }

    /** The cost the bucket reserves for a document. */
    public int requestedCost(AdminOperation operation) {
        return requestedCosts.getOrDefault(operation, operation.estimatedCost());
    }

    private Uni<AdminAnswer> attempt(
            String shop,
            AdminOperation operation,
            ObjectNode variables,
            AdminApiBucket.Reservation reservation,
            int throttledSoFar) {
        return transport
                .send(shop, operation, variables)
                .onFailure()
                .invoke(failure ->
                        count(operation, failure instanceof AdminApiUnavailableException ? "unavailable" : "error"))
                // whether Shopify ran it is unknown: the reservation settles as if it did
                .onFailure()
                .call(() -> bucket.observe(shop, reservation, null))
                .chain(exchange -> {
                    if (exchange.cost() != null && exchange.cost().requestedQueryCost() != null) {
                        requestedCosts.put(operation, exchange.cost().requestedQueryCost());
                    }
                    if (!exchange.throttled()) {
                        count(operation, "answered");
                        return bucket.observe(shop, reservation, exchange.cost())
                                .replaceWith(new AdminAnswer(operation, exchange.data(), exchange.cost()));
                    }
                    count(operation, "throttled");
                    metrics.counter("sync.admin-api.throttled", "shop", shop, "operation", operation.documentName())
                            .increment();
                    if (throttledSoFar >= config.throttledRetries()) {
                        return Uni.createFrom()
                                .failure(new AdminApiException(operation.documentName() + " to " + shop
                                        + ": still THROTTLED after " + throttledSoFar + " waits"));
                    }
                    return bucket.throttled(shop, reservation, requestedCost(operation), exchange.cost())
                            .call(again -> pause(shop, backoff(again.delay(), throttledSoFar)))
                            .chain(again -> attempt(shop, operation, variables, again, throttledSoFar + 1));
                });
    }

    // After THROTTLED the bucket's estimate was just corrected; the minimum wait doubles with each repeat, so a
    // bucket drained by someone outside the suite is not hammered.
    private Duration backoff(Duration estimated, int throttledSoFar) {
        Duration floor = config.throttledMinimumWait().multipliedBy(1L << Math.min(throttledSoFar, 6));
        Duration wait = estimated.compareTo(floor) < 0 ? floor : estimated;
        return wait.compareTo(config.throttleMaximumWait()) > 0 ? config.throttleMaximumWait() : wait;
    }

    private Uni<Void> pause(String shop, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return Uni.createFrom().voidItem();
        }
        metrics.timer("sync.throttle.waits", "shop", shop).record(wait);
        LOG.debugf("waiting %d ms for %s's Admin API bucket", wait.toMillis(), shop);
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    private void count(AdminOperation operation, String outcome) {
        metrics.counter("sync.admin-api.requests", "operation", operation.documentName(), "outcome", outcome)
                .increment();
    }
}
