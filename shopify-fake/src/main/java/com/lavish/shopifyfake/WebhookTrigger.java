package com.lavish.shopifyfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.shopifyfake.admin.AdminApi;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * {@code POST /admin/fake/webhooks/{topic}}: a signed Lavish variant of Shopify's sample for the topic, sent to
 * {@code {edge}/webhooks} as Shopify would, with the customer, email, names, shop, sample, order id and order statuses
 * the JSON body or the query names (ShopifyFakeServer's javadoc lists them). What it sent becomes the Admin state's
 * ({@link AdminApi#delivered}): the customer it names, the order in the customer's sales history, followed by
 * {@code customers/purchasing_summary}. That topic itself, triggered, is the customer's summary as it stands.
 */
final class WebhookTrigger {

    private static final Logger LOG = Logger.getLogger(WebhookTrigger.class);
    /** Order statuses a trigger may set on an orders/* sample, to show a status change. */
    private static final List<String> STATUS_FIELDS = List.of("financial_status", "fulfillment_status");

    private static final String PURCHASING_SUMMARY = "customers/purchasing_summary";

    private final ShopifyFakeServer.Config config;
    private final WebhookSender webhookSender;
    private final AdminApi admin;

    WebhookTrigger(ShopifyFakeServer.Config config, WebhookSender webhookSender, AdminApi admin) {
        this.config = config;
        this.webhookSender = webhookSender;
        this.admin = admin;
    }

    /** Sends the topic's sample, as the request's options make it, and answers with the gateway's status. */
    void send(HttpServerRequest request, String encodedTopic, Buffer requestBody) {
        String topic = URLDecoder.decode(encodedTopic, StandardCharsets.UTF_8).replace('~', '/');
        ObjectNode answer = SampleWebhooks.JSON.createObjectNode().put("topic", topic);
        byte[] body;
        String shop;
        try {
            JsonNode options = requestBody.length() == 0
                    ? SampleWebhooks.JSON.createObjectNode()
                    : SampleWebhooks.JSON.readTree(requestBody.getBytes());
            if (!options.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            String customerId = option(request, options, "customer_id");
            shop = option(request, options, "shop");
            shop = shop == null ? config.shop() : shop;
            String sample = option(request, options, "sample");
            Map<String, String> statuses = new HashMap<>();
            for (String field : STATUS_FIELDS) {
                String value = option(request, options, field);
                if (value != null) {
                    statuses.put(field, value);
                }
            }
            // Shopify's sample order is a cancelled one: cancelled false makes it an order that stands
            if ("false".equals(option(request, options, "cancelled"))) {
                statuses.put("cancelled_at", null);
            }
            String orderId = option(request, options, "order_id");
            SampleWebhooks.Buyer buyer = new SampleWebhooks.Buyer(
                    customerId == null ? null : FakeDefaults.customerId(customerId),
                    option(request, options, "email"),
                    option(request, options, "first_name"),
                    option(request, options, "last_name"));
            if (PURCHASING_SUMMARY.equals(sample == null ? topic : sample)) {
                // not Shopify's sample (customer 1, USD): the customer's summary as the shop's orders make it now
                if (buyer.customerId() == null) {
                    throw new IllegalArgumentException("customers/purchasing_summary needs a customer_id");
                }
                body = admin.purchasingSummary(shop, buyer.customerId());
            } else {
                body = SampleWebhooks.lavishFor(
                        sample == null ? topic : sample,
                        shop,
                        buyer,
                        statuses,
                        orderId == null ? null : FakeDefaults.customerId(orderId));
            }
        } catch (IOException | IllegalArgumentException e) {
            ShopifyFakeServer.json(
                    request.response(),
                    400,
                    answer.put(
                            "detail",
                            e instanceof IOException ? "the body is not JSON: " + e.getMessage() : e.getMessage()));
            return;
        }
        WebhookDelivery delivery = WebhookDelivery.of(topic, shop, body);
        answer.put("webhook_id", delivery.webhookId());
        String line = "webhook " + topic + " webhook-id=" + delivery.webhookId();
        String deliveredShop = shop;
        byte[] deliveredBody = body;
        Future.fromCompletionStage(webhookSender.sendAsync(URI.create(config.edge() + "/webhooks"), delivery))
                // what Shopify sent a webhook about is what it holds: a customer's name, an order in the customer's
                // sales history (then customers/purchasing_summary follows, after this webhook's answer)
                .onComplete(sent -> admin.delivered(deliveredShop, topic, deliveredBody))
                .onSuccess(response -> {
                    LOG.infof("%s status=%d", line, response.status());
                    answer.put("status", response.status());
                    if (!response.delivered()) {
                        answer.put("detail", response.problem());
                    }
                    // a gateway's 204 would leave no room for this JSON: the trigger then answers 200
                    ShopifyFakeServer.json(
                            request.response(), response.status() == 204 ? 200 : response.status(), answer);
                })
                .onFailure(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    LOG.infof("%s status=none", line);
                    answer.putNull("status");
                    answer.put("detail", "the gateway did not answer: " + FakeDefaults.describe(cause));
                    ShopifyFakeServer.json(request.response(), 502, answer);
                });
    }

    // A trigger option from the JSON body (a number or a string), else from the query.
    private static String option(HttpServerRequest request, JsonNode options, String name) {
        JsonNode value = options.get(name);
        if (value != null && !value.isNull()) {
            return value.asText();
        }
        String param = request.getParam(name);
        return param == null || param.isBlank() ? null : param;
    }
}
