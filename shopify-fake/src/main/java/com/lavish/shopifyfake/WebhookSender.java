package com.lavish.shopifyfake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts signed webhook deliveries to a gateway as Shopify does: {@code POST} of the raw body with the
 * {@code X-Shopify-*} headers of {@link WebhookSigner}, answered within Shopify's 5 seconds or counted as failed
 * (shopify-reference.md §1.3).
 */
public final class WebhookSender {

    /** Shopify waits this long for an answer before it counts the delivery as failed. */
    public static final Duration SHOPIFY_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final WebhookSigner signer;
    private final Duration timeout;

    public WebhookSender(WebhookSigner signer) {
        this(signer, SHOPIFY_RESPONSE_TIMEOUT);
    }

    public WebhookSender(WebhookSigner signer, Duration timeout) {
        // HTTP/1.1: an h2c upgrade attempt on plain http is not what Shopify sends and confuses some servers
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build(), signer, timeout);
    }

    public WebhookSender(HttpClient client, WebhookSigner signer, Duration timeout) {
        this.client = client;
        this.signer = signer;
        this.timeout = timeout;
    }

    /**
     * Sends one delivery and waits for the answer. Sending the same delivery again is Shopify's retry.
     *
     * @throws IOException when the gateway cannot be reached or does not answer in time, which Shopify counts as a
     *                     failure too
     */
    public Response send(URI gateway, WebhookDelivery delivery) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        signer.headers(delivery.topic(), delivery.shopDomain(), delivery.body(), delivery.webhookId(),
                delivery.eventId(), delivery.triggeredAt()).forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type"));
    }

    /** The gateway's answer. */
    public record Response(int status, String body, Optional<String> contentType) {

        /** Shopify counts any 2xx as delivered. */
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }
}
