package com.lavish.bench;

import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A flash sale as Shopify delivers it: COUNT signed webhooks at a fixed RATE (open loop, every request recorded from
 * the first), customers/create and orders/create in turn, each for a new customer or a new order (Shopify's full
 * sample order, 5 lines, of one of the burst's customers). Webhook ids are {@code PREFIX-c-<customer id>} and
 * {@code PREFIX-o-<order id>}, so {@link BurstDrain} can find each consumer's share in its ledger. Writes when the
 * first and the last request were sent to WINDOW_FILE. Usage:
 * {@code WebhookBurst URL RATE COUNT SHOP FIRST_ID PREFIX WINDOW_FILE}.
 */
public final class WebhookBurst {

    private WebhookBurst() {}

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        String shop = args[3];
        long firstId = Long.parseLong(args[4]);
        String prefix = args[5];
        Path window = Path.of(args[6]);
        if (count % rate != 0) {
            throw new IllegalArgumentException("COUNT must be a whole number of seconds at RATE");
        }
        String secret = System.getenv().getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production");
        WebhookSigner signer = new WebhookSigner(secret, "2026-07");
        OffsetDateTime updatedAt = SampleWebhooks.now();
        Instant[] sent = new Instant[2];

        OpenLoop.run(
                "burst",
                url,
                rate,
                0,
                count / rate,
                i -> {
                    long id = firstId + i;
                    boolean customer = i % 2 == 0;
                    String topic = customer ? "customers/create" : "orders/create";
                    byte[] body = customer
                            ? SampleWebhooks.customer(topic, id, "flash" + id + "@example.com.au")
                            : SampleOrders.order(topic, id, 700000L + i, id - 1, "paid", updatedAt);
                    String webhookId = prefix + (customer ? "-c-" : "-o-") + id;
                    Map<String, String> headers =
                            signer.headers(topic, shop, body, webhookId, webhookId + "-event", Instant.now());
                    RequestOptions options =
                            new RequestOptions().setMethod(HttpMethod.POST).setURI(url.getPath());
                    headers.forEach(options::addHeader);
                    return new OpenLoop.Request(options, Buffer.buffer(body), 200);
                },
                i -> {
                    if (i == 0) {
                        sent[0] = Instant.now();
                    } else if (i == count - 1) {
                        sent[1] = Instant.now();
                    }
                });
        Files.write(window, List.of(sent[0].toString(), sent[1].toString()));
    }
}
