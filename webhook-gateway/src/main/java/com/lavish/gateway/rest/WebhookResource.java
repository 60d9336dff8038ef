package com.lavish.gateway.rest;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.gateway.service.WebhookDelivery;
import com.lavish.gateway.service.WebhookService;

/**
 * Shopify's webhook endpoint. Answers 200 only once Kafka has acknowledged the event; every other answer is
 * problem+json. The topic always comes from {@code X-Shopify-Topic}, never from the path: subscriptions may point
 * at {@code /webhooks} or at a per-topic URL such as {@code /webhooks/subscription-created/}.
 */
@Path("/webhooks")
public class WebhookResource {

    private final WebhookBodyReader bodyReader;
    private final WebhookService service;

    @Inject
    public WebhookResource(WebhookBodyReader bodyReader, WebhookService service) {
        this.bodyReader = bodyReader;
        this.service = service;
    }

    @POST
    public Uni<RestResponse<Void>> receive(@Context RoutingContext routing) {
        return receiveDelivery(routing);
    }

    /** A subscription's own path; what follows {@code /webhooks/} carries no meaning here. */
    @POST
    @Path("{subscriptionPath: .*}")
    public Uni<RestResponse<Void>> receiveOnSubscriptionPath(@Context RoutingContext routing) {
        return receiveDelivery(routing);
    }

    // No body parameter: Quarkus REST would read the body itself, unbounded by our limit and off the event loop
    // for large bodies. The reader takes the raw bytes instead, and nothing parses them before the HMAC is checked.
    private Uni<RestResponse<Void>> receiveDelivery(RoutingContext routing) {
        return bodyReader.read(routing)
                .map(body -> delivery(routing.request().headers(), body))
                .chain(service::accept)
                .replaceWith(RestResponse.ok());
    }

    private static WebhookDelivery delivery(MultiMap headers, byte[] body) {
        return new WebhookDelivery(header(headers, ShopifyWebhookHeaders.HMAC), header(headers, ShopifyWebhookHeaders.SHOP_DOMAIN),
                header(headers, ShopifyWebhookHeaders.TOPIC), header(headers, ShopifyWebhookHeaders.WEBHOOK_ID),
                header(headers, ShopifyWebhookHeaders.API_VERSION), header(headers, ShopifyWebhookHeaders.EVENT_ID),
                header(headers, ShopifyWebhookHeaders.TRIGGERED_AT), body, Instant.now());
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
