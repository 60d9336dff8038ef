package com.lavish.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.shopifyfake.AppProxySigner;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Order status change → server-sent event delivered. Opens one {@code GET /proxy/orders/events} stream per customer
 * (STREAMS customers from FIRST_CUSTOMER_ID, signed as the app proxy signs), then sends signed
 * {@code orders/updated} deliveries to the webhook gateway at a fixed rate ({@link OpenLoop}), each flipping the
 * financial status of one of those customers' first seeded order with a new {@code updated_at}, and times each from
 * when it was sent to when its event (matched by order id and {@code occurred_at}) arrived on the stream. So it
 * includes the gateway's publish to Kafka and order-service's consumption and commit; the commit time of the
 * transaction that recorded each delivery in {@code orders.applied_event} (PostgreSQL's
 * {@code pg_xact_commit_timestamp}) splits it in two. Warm-up deliveries are not recorded. Usage: {@code StatusStreamLatency STREAM_BASE_URL WEBHOOK_URL JDBC_URL SHOP FIRST_CUSTOMER_ID
 * STREAMS FIRST_ORDER_ID RATE SECONDS}.
 */
public final class StatusStreamLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusStreamLatency() {}

    public static void main(String[] args) throws Exception {
        URI streams = URI.create(args[0]);
        URI webhooks = URI.create(args[1]);
        String jdbcUrl = args[2];
        String shop = args[3];
        long firstCustomer = Long.parseLong(args[4]);
        int customers = Integer.parseInt(args[5]);
        long firstOrder = Long.parseLong(args[6]);
        int rate = Integer.parseInt(args[7]);
        int seconds = Integer.parseInt(args[8]);
        String secret = System.getenv().getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production");

        int total = rate * (OpenLoop.WARM_UP_SECONDS + seconds);
        int warmUp = rate * OpenLoop.WARM_UP_SECONDS;
        String[] keys = new String[total];
        long[] sentNanos = new long[total];
        Instant[] sentAt = new Instant[total];
        Map<String, long[]> received = new ConcurrentHashMap<>();
        Map<String, Instant> receivedAt = new ConcurrentHashMap<>();

        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(customers + 8)
                .setDefaultHost(streams.getHost())
                .setDefaultPort(streams.getPort()));
        AppProxySigner proxySigner = new AppProxySigner(secret);
        CountDownLatch connected = new CountDownLatch(customers);
        for (int c = 0; c < customers; c++) {
            String query = proxySigner.query(shop, firstCustomer + c, Instant.now(), Map.of());
            client.request(new RequestOptions()
                            .setMethod(HttpMethod.GET)
                            .setURI("/proxy/orders/events?" + query)
                            .addHeader("Accept", "text/event-stream"))
                    .compose(request -> request.send())
                    .onSuccess(response -> {
                        if (response.statusCode() != 200) {
                            System.out.println("stream refused: HTTP " + response.statusCode());
                            return;
                        }
                        RecordParser lines = RecordParser.newDelimited("\n", response);
                        lines.handler(line -> {
                            String text = line.toString();
                            if (text.startsWith(": connected") || text.startsWith(":connected")) {
                                connected.countDown();
                            } else if (text.startsWith("data:")) {
                                long now = System.nanoTime();
                                Instant wall = Instant.now();
                                String key = key(text.substring(5).strip());
                                received.putIfAbsent(key, new long[] {now});
                                receivedAt.putIfAbsent(key, wall);
                            }
                        });
                    })
                    .onFailure(failure -> System.out.println("stream failed: " + failure));
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    (customers - connected.getCount()) + " of " + customers + " streams connected in 60 s");
        }
        System.out.printf("status streams: %d open through %s%n", customers, streams);

        WebhookSigner signer = new WebhookSigner(secret, "2026-07");
        OffsetDateTime base = SampleWebhooks.now().plusSeconds(1);
        OpenLoop.run(
                "orders/updated",
                webhooks,
                rate,
                seconds,
                i -> {
                    int c = i % customers;
                    int n = i / customers;
                    long order = StorefrontSeed.orderId(firstOrder, c, 0);
                    OffsetDateTime updatedAt = base.plusSeconds(n);
                    keys[i] = order + "@" + updatedAt.toInstant();
                    byte[] body = SampleOrders.order(
                            "orders/updated",
                            order,
                            100000 + c * 100L,
                            firstCustomer + c,
                            n % 2 == 0 ? "refunded" : "paid",
                            updatedAt);
                    RequestOptions options =
                            new RequestOptions().setMethod(HttpMethod.POST).setURI(webhooks.getPath());
                    signer.headers("orders/updated", shop, body, "status-" + i, "status-event-" + i, Instant.now())
                            .forEach(options::addHeader);
                    return new OpenLoop.Request(options, Buffer.buffer(body), 200);
                },
                i -> {
                    sentAt[i] = Instant.now();
                    sentNanos[i] = System.nanoTime();
                });

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        vertx.close();

        Map<String, Instant> appliedAt = new ConcurrentHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement query = db.prepareStatement(
                        "select event_id, pg_xact_commit_timestamp(xmin) from orders.applied_event where event_id like 'status-%'")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    appliedAt.put(
                            rows.getString(1),
                            rows.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }

        Histogram sentToDelivered = histogram();
        Histogram sentToCommitted = histogram();
        Histogram committedToDelivered = histogram();
        int delivered = 0;
        for (int i = warmUp; i < total; i++) {
            long[] at = received.get(keys[i]);
            if (at == null) {
                continue;
            }
            delivered++;
            sentToDelivered.recordValue(Math.max(0, (at[0] - sentNanos[i]) / 1000));
            Instant applied = appliedAt.get("status-" + i);
            if (applied != null) {
                sentToCommitted.recordValue(
                        Math.max(0, Duration.between(sentAt[i], applied).toNanos() / 1000));
                committedToDelivered.recordValue(Math.max(
                        0, Duration.between(applied, receivedAt.get(keys[i])).toNanos() / 1000));
            }
        }
        System.out.printf(
                "status changes sent (recorded, after warm-up): %d; delivered on a stream: %d; "
                        + "all sent: %d, all delivered: %d%n",
                total - warmUp, delivered, total, received.size());
        print("webhook sent -> SSE delivered", sentToDelivered);
        print("webhook sent -> order committed", sentToCommitted);
        print("order committed -> SSE delivered", committedToDelivered);
    }

    private static String key(String data) {
        try {
            JsonNode event = JSON.readTree(data);
            JsonNode occurred = event.path("occurred_at");
            Instant at = occurred.isNumber()
                    ? Instant.ofEpochSecond(0)
                            .plusNanos(occurred.decimalValue().movePointRight(9).longValue())
                    : Instant.parse(occurred.asText());
            return event.path("order_id").asText() + "@" + at;
        } catch (Exception e) {
            return "unreadable:" + data;
        }
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    private static void print(String label, Histogram latency) {
        System.out.printf(
                "%s: ms p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (n=%d)%n",
                label,
                latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(90) / 1e3,
                latency.getValueAtPercentile(99) / 1e3,
                latency.getValueAtPercentile(99.9) / 1e3,
                latency.getMaxValue() / 1e3,
                latency.getTotalCount());
    }
}
