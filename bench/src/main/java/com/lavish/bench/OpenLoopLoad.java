package com.lavish.bench;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Sends signed customers/create webhooks at a fixed rate (open loop: the schedule never waits for answers), so
 * latency is measured from when each request was due, not from when a busy client got round to it (no
 * coordinated omission, which wrk alone cannot avoid). Every request names a new customer, so the consumer does
 * real work. The first {@value #WARM_UP_SECONDS} seconds run at the same rate but are not recorded: they warm up
 * the JIT and the connection pools of both sides. Usage: {@code OpenLoopLoad URL RATE_PER_SECOND SECONDS SHOP FIRST_CUSTOMER_ID [SENT_CSV]}; with
 * SENT_CSV it writes each delivery's webhook id and when it was sent, for {@link RowCommitLatency}.
 */
public final class OpenLoopLoad {

    static final int WARM_UP_SECONDS = 3;

    private OpenLoopLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String shop = args[3];
        long firstId = Long.parseLong(args[4]);
        java.nio.file.Path sentCsv = args.length > 5 ? java.nio.file.Path.of(args[5]) : null;
        String[] sent = new String[rate * (WARM_UP_SECONDS + seconds)];
        String secret = System.getenv().getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production");
        WebhookSigner signer = new WebhookSigner(secret, "2026-07");

        int warmUp = rate * WARM_UP_SECONDS;
        int total = warmUp + rate * seconds;
        // signing happens before the clock starts: the load generator must not be what is measured
        Buffer[] bodies = new Buffer[total];
        for (int i = 0; i < total; i++) {
            bodies[i] = Buffer.buffer(SampleWebhooks.customer("customers/create", firstId + i, "load" + i + "@example.com.au"));
        }

        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(200).setKeepAlive(true)
                .setDefaultHost(url.getHost()).setDefaultPort(url.getPort()));
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.Set<String> failures = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(total);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);

        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            byte[] body = bodies[i].getBytes();
            Instant sentAt = Instant.now();
            Map<String, String> headers = signer.headers("customers/create", shop, body, "load-" + (firstId + i),
                    "load-event-" + (firstId + i), sentAt);
            sent[i] = "load-" + (firstId + i) + "," + sentAt;
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(url.getPath());
            headers.forEach(options::addHeader);
            Buffer payload = bodies[i];
            boolean recorded = i >= warmUp;
            vertx.runOnContext(v -> client.request(options)
                    .compose(req -> req.send(payload))
                    .onComplete(ar -> {
                        if (recorded) {
                            latency.recordValue(Math.max(0, System.nanoTime() - due));
                        }
                        if (ar.succeeded() && ar.result().statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            failures.add(ar.succeeded() ? "HTTP " + ar.result().statusCode() : String.valueOf(ar.cause()));
                        }
                        done.countDown();
                    }));
        }
        done.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("open-loop %d/s for %d s (after %d s of warm-up) against %s: %d ok, %d failed, achieved %.0f/s%n",
                rate, seconds, WARM_UP_SECONDS, url, ok.get(), failed.get(), total / elapsed);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()));
        failures.stream().limit(5).forEach(f -> System.out.println("failed: " + f));
        if (sentCsv != null) {
            java.nio.file.Files.write(sentCsv, java.util.Arrays.asList(sent));
        }
        vertx.close();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
