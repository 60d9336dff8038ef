package com.lavish.gateway.rest;

import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.problem.ProblemResponses;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.gateway.service.WebhookDelivery;
import com.lavish.gateway.service.WebhookService;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Shopify's webhook endpoint. Answers 200 only once Kafka has acknowledged the event; every other answer is
 * problem+json. The topic always comes from {@code X-Shopify-Topic}, never from the path: subscriptions may point
 * at {@code /webhooks} or at a per-topic URL such as {@code /webhooks/subscription-created/}.
 * <p>
 * A Vert.x route, not a Quarkus REST resource: the endpoint takes raw bytes and answers an empty 200, so the REST
 * layer's per-request work (resource matching, the request context, the response pipeline) bought nothing and cost a
 * share of the gateway's throughput (bench/README.md, issue 17); so did Mutiny's context propagation, so the path is
 * written with Vert.x futures. Everything runs on the connection's event loop but the Kafka send. Quarkus' HTTP
 * metrics and tracing work at the Vert.x level and see these requests as before.
 */
@ApplicationScoped
public class WebhookRoute {

    private static final Logger LOG = Logger.getLogger(WebhookRoute.class);

    private final WebhookBodyReader bodyReader;
    private final WebhookService service;

    @Inject
    public WebhookRoute(WebhookBodyReader bodyReader, WebhookService service) {
        this.bodyReader = bodyReader;
        this.service = service;
    }

    void register(@Observes Router router) {
        router.post("/webhooks").handler(this::receive);
        // a subscription's own path; what follows /webhooks/ carries no meaning here
        router.post("/webhooks/*").handler(this::receive);
        // any other method on those paths, after the POST routes in the router's order
        router.route("/webhooks").handler(this::refuseMethod);
        router.route("/webhooks/*").handler(this::refuseMethod);
    }

    private void refuseMethod(RoutingContext routing) {
        routing.response().putHeader(HttpHeaders.ALLOW, "POST");
        answer(
                routing.response(),
                new ProblemException(Problem.of(405, "Method Not Allowed", "webhooks are delivered with POST")));
    }

    // Nothing parses the body before the HMAC is checked: the reader hands over the raw bytes, within our limit.
    private void receive(RoutingContext routing) {
        bodyReader
                .read(routing)
                .compose(body -> service.accept(delivery(routing.request().headers(), body)))
                .onComplete(
                        accepted -> routing.response().setStatusCode(200).end(),
                        failure -> answer(routing.response(), failure));
    }

    private void answer(HttpServerResponse response, Throwable failure) {
        if (response.ended() || response.closed()) {
            return; // the client went away, or the reader already ended the exchange (an oversize body)
        }
        ProblemException problem;
        if (failure instanceof ProblemException known) {
            problem = known;
        } else {
            LOG.error("a webhook could not be handled", failure);
            problem = new ProblemException(Problem.of(
                    500, "Internal Server Error", "the gateway could not take the webhook; Shopify will retry it"));
        }
        ProblemResponses.end(response, problem);
    }

    private static WebhookDelivery delivery(MultiMap headers, byte[] body) {
        return new WebhookDelivery(
                header(headers, ShopifyWebhookHeaders.HMAC),
                header(headers, ShopifyWebhookHeaders.SHOP_DOMAIN),
                header(headers, ShopifyWebhookHeaders.TOPIC),
                header(headers, ShopifyWebhookHeaders.WEBHOOK_ID),
                header(headers, ShopifyWebhookHeaders.API_VERSION),
                header(headers, ShopifyWebhookHeaders.EVENT_ID),
                header(headers, ShopifyWebhookHeaders.TRIGGERED_AT),
                body,
                Instant.now());
    }

    /** A header's value, trimmed; null when absent or blank. */
    private static String header(MultiMap headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
