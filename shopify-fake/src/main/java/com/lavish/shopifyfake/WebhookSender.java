package com.lavish.shopifyfake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Posts signed webhook deliveries to a gateway as Shopify does: {@code POST} of the raw body with the
 * {@code X-Shopify-*} headers of {@link WebhookSigner}, answered within Shopify's 5 seconds or counted as failed
 * (docs/shopify-reference.md §1.3).
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
        this(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(timeout)
                        .build(),
                signer,
                timeout);
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
        HttpResponse<String> response = client.send(request(gateway, delivery), HttpResponse.BodyHandlers.ofString());
        return Response.of(response);
    }

    /**
     * As {@link #send}, without blocking the caller: the future fails with an {@link IOException} when the gateway
     * cannot be reached or does not answer in time.
     */
    public CompletableFuture<Response> sendAsync(URI gateway, WebhookDelivery delivery) {
        return client.sendAsync(request(gateway, delivery), HttpResponse.BodyHandlers.ofString())
                .thenApply(Response::of);
    }

    private HttpRequest request(URI gateway, WebhookDelivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        signer.headers(
                        delivery.topic(),
                        delivery.shopDomain(),
                        delivery.body(),
                        delivery.webhookId(),
                        delivery.eventId(),
                        delivery.triggeredAt())
                .forEach(request::header);
        return request.build();
    }

    /** The gateway's answer. */
    public record Response(int status, String body, Optional<String> contentType) {

        static Response of(HttpResponse<String> response) {
            return new Response(
                    response.statusCode(), response.body(), response.headers().firstValue("Content-Type"));
        }

        /** Shopify counts any 2xx as delivered. */
        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        /**
         * What went wrong, in one line for a person: {@code problem="title: detail"} when the gateway sent a
         * problem+json (what to fix), else the start of the body.
         */
        public String problem() {
            String text = body == null ? "" : body.strip();
            try {
                JsonNode problem = SampleWebhooks.JSON.readTree(text);
                if (problem != null && problem.isObject()) {
                    String title = problem.path("title").asText("");
                    String detail = problem.path("detail").asText("");
                    String summary = title.isEmpty() ? detail : detail.isEmpty() ? title : title + ": " + detail;
                    if (!summary.isEmpty()) {
                        return "problem=\"" + summary + "\"";
                    }
                }
            } catch (IOException notJson) {
                // fall through to the raw body
            }
            String oneLine = text.replaceAll("\\s+", " ");
            return oneLine.isEmpty()
                    ? "(empty body)"
                    : "body=\"" + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine) + "\"";
        }
    }
}
