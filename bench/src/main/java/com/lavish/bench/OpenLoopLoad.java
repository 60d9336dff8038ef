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
import java.util.Arrays;
import java.util.Map;

/**
 * Sends signed customers/create webhooks at a fixed rate ({@link OpenLoop}). Every request names a new customer,
 * so the consumer does real work. Usage:
 * {@code OpenLoopLoad URL RATE_PER_SECOND SECONDS SHOP FIRST_CUSTOMER_ID [SENT_CSV]}; with SENT_CSV it writes each
 * delivery's webhook id and when it was sent, for {@link RowCommitLatency}.
 */
public final class OpenLoopLoad {

    private OpenLoopLoad() {}

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String shop = args[3];
        long firstId = Long.parseLong(args[4]);
        Path sentCsv = args.length > 5 ? Path.of(args[5]) : null;
        String[] sent = new String[rate * (OpenLoop.WARM_UP_SECONDS + seconds)];
        String secret = System.getenv().getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production");
        WebhookSigner signer = new WebhookSigner(secret, "2026-07");

        OpenLoop.run(
                "webhooks",
                url,
                rate,
                seconds,
                i -> {
                    byte[] body =
                            SampleWebhooks.customer("customers/create", firstId + i, "load" + i + "@example.com.au");
                    Map<String, String> headers = signer.headers(
                            "customers/create",
                            shop,
                            body,
                            "load-" + (firstId + i),
                            "load-event-" + (firstId + i),
                            Instant.now());
                    RequestOptions options =
                            new RequestOptions().setMethod(HttpMethod.POST).setURI(url.getPath());
                    headers.forEach(options::addHeader);
                    return new OpenLoop.Request(options, Buffer.buffer(body), 200);
                },
                i -> sent[i] = "load-" + (firstId + i) + "," + Instant.now());
        if (sentCsv != null) {
            // the warm-up's deliveries are not timed, as OpenLoop leaves its requests out: a fresh client JVM sends
            // its first second's requests late and in bunches, whatever the server does
            int warmUp = rate * OpenLoop.WARM_UP_SECONDS;
            Files.write(sentCsv, Arrays.asList(sent).subList(warmUp, sent.length));
        }
    }
}
