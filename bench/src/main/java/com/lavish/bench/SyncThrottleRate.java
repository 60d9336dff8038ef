package com.lavish.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Commands per second that sync-service sends through its throttle to shopify-fake's Admin API at one bucket size
 * and restore rate, and how close it keeps to the bucket's limit. Seeds CONTRACTS subscription contracts in the fake
 * (through its control endpoints and one sellingPlanGroupCreate), sets the fake's bucket (it starts full) and clears
 * sync-service's shared estimate in Redis, then publishes COMMANDS pause/activate commands to sync.commands at once
 * (a backlog) and times their results on sync.results. While it runs it samples sync-service's
 * {@code sync_throttle_available} gauge (its own estimate of the bucket) every 100 ms.
 *
 * <p>Reported: the whole run's commands/s; the rate over the last quarter of the results (past the bucket's start-up
 * reserve, when the bucket is what limits) and the Admin API points it spends per second as a share of the restore
 * rate; THROTTLED answers the fake gave (0: the suite never asked for more than the bucket held); the lowest estimate
 * sampled after the first second (below 0: callers queued for the restore); FAILED or REJECTED results.
 *
 * <p>Usage: {@code SyncThrottleRate PROFILE FAKE_URL KAFKA REDIS_HOST:PORT SYNC_METRICS_URL SHOP MAXIMUM RESTORE_RATE
 * COMMANDS CONTRACTS}
 */
public final class SyncThrottleRate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Shopify's cost of a mutation, whatever it selects: what each pause or activate spends. */
    private static final int MUTATION_COST = 10;

    private static final Pattern AVAILABLE =
            Pattern.compile("^sync_throttle_available\\{[^}]*\\} ([0-9.eE+-]+)", Pattern.MULTILINE);

    private SyncThrottleRate() {}

    public static void main(String[] args) throws Exception {
        String profile = args[0];
        String fake = args[1];
        String kafka = args[2];
        String redis = args[3];
        String metrics = args[4];
        String shop = args[5];
        double maximum = Double.parseDouble(args[6]);
        double restoreRate = Double.parseDouble(args[7]);
        int commands = Integer.parseInt(args[8]);
        int contractCount = Integer.parseInt(args[9]);

        List<Long> contracts = seedContracts(fake, contractCount);
        post(fake + "/fake/admin/throttle", Map.of("maximumAvailable", maximum, "restoreRate", restoreRate));
        delete(fake + "/fake/admin/requests");
        redisDel(redis, "lavish:sync:throttle:{" + shop + "}");
        redisDel(redis, "lavish:sync:throttle:{" + shop + "}:pending");

        Map<String, Long> done = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Double> samples = new ArrayList<>();
        Thread sampler = new Thread(() -> sample(metrics, running, samples), "gauge-sampler");

        try (KafkaConsumer<String, byte[]> results = resultsConsumer(kafka);
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            List<SyncCommand> burst = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                long contract = contracts.get(i % contracts.size());
                SyncCommandType type = (i / contracts.size()) % 2 == 0
                        ? SyncCommandType.CONTRACT_PAUSE
                        : SyncCommandType.CONTRACT_ACTIVATE;
                burst.add(new SyncCommand(
                        UUID.randomUUID().toString(),
                        "bench-" + UUID.randomUUID(),
                        shop,
                        type,
                        "bench",
                        Instant.now().toString(),
                        contract,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
            }
            Set<String> ids = ConcurrentHashMap.newKeySet();
            burst.forEach(c -> ids.add(c.commandId()));
            sampler.start();
            long start = System.nanoTime();
            for (SyncCommand command : burst) {
                producer.send(new ProducerRecord<>(
                        Topics.SYNC_COMMANDS,
                        null,
                        command.recordKey().toString(),
                        SyncMessages.write(command),
                        SyncMessages.headers(command)));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            long lastReport = System.nanoTime();
            while (done.size() < commands && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : results.poll(Duration.ofMillis(100))) {
                    SyncResult result = SyncMessages.readResult(record.value());
                    if (ids.contains(result.commandId())
                            && done.putIfAbsent(result.commandId(), System.nanoTime()) == null
                            && result.outcome() != SyncResult.SyncOutcome.SUCCEEDED) {
                        failures.add(result.outcome() + ": " + result.message());
                    }
                }
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    System.out.printf("%s: %d of %d answered%n", profile, done.size(), commands);
                    lastReport = System.nanoTime();
                }
            }
            running.set(false);
            sampler.join();
            report(
                    profile,
                    fake,
                    maximum,
                    restoreRate,
                    commands,
                    start,
                    new ArrayList<>(done.values()),
                    failures,
                    samples);
        }
    }

    private static void report(
            String profile,
            String fake,
            double maximum,
            double restoreRate,
            int commands,
            long start,
            List<Long> times,
            List<String> failures,
            List<Double> samples)
            throws Exception {
        times.sort(Long::compare);
        JsonNode counts = get(fake + "/fake/admin/requests");
        long throttled = counts.path("throttled").asLong();
        if (times.size() < 4) {
            System.out.printf("%s: only %d of %d commands answered%n", profile, times.size(), commands);
            return;
        }
        double total = (times.get(times.size() - 1) - start) / 1e9;
        // the last quarter: long past the bucket's start-up reserve when the bucket is what limits the rate
        int quarter = times.size() * 3 / 4;
        double steadySeconds = (times.get(times.size() - 1) - times.get(quarter)) / 1e9;
        double steadyRate = (times.size() - 1 - quarter) / steadySeconds;
        // the first second's samples show the estimate before Shopify's first answer corrected it
        double lowest =
                samples.stream().skip(10).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        System.out.printf(
                "%s (bucket %.0f points, restore %.0f/s): %d of %d commands answered in %.1f s = %.1f commands/s;"
                        + " last quarter %.1f commands/s = %.0f points/s = %.0f%% of the restore rate;"
                        + " THROTTLED answers %d; lowest bucket estimate sampled %.0f (below 0: callers queued);"
                        + " not succeeded %d%n",
                profile,
                maximum,
                restoreRate,
                times.size(),
                commands,
                total,
                times.size() / total,
                steadyRate,
                steadyRate * MUTATION_COST,
                100 * steadyRate * MUTATION_COST / restoreRate,
                throttled,
                lowest,
                failures.size());
        failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
    }

    // A product, a group with a monthly plan (one sellingPlanGroupCreate), and CONTRACTS checkouts of it.
    private static List<Long> seedContracts(String fake, int count) throws Exception {
        JsonNode product = post(
                fake + "/fake/admin/products",
                Map.of(
                        "title",
                        "Bench box " + UUID.randomUUID(),
                        "variants",
                        List.of(Map.of("title", "Default Title", "sku", "BENCH-1", "price", "30.00"))));
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "Monthly");
        plan.put("options", List.of("1 month"));
        plan.put("category", "SUBSCRIPTION");
        plan.put("billingPolicy", Map.of("recurring", Map.of("interval", "MONTH", "intervalCount", 1)));
        plan.put("deliveryPolicy", Map.of("recurring", Map.of("interval", "MONTH", "intervalCount", 1)));
        JsonNode created = post(
                fake + "/admin/api/2026-07/graphql.json",
                Map.of(
                        "query",
                        """
                mutation Seed($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
                  sellingPlanGroupCreate(input: $input, resources: $resources) {
                    sellingPlanGroup { sellingPlans(first: 1) { nodes { id } } }
                    userErrors { message }
                  }
                }""",
                        "variables",
                        Map.of(
                                "input",
                                Map.of(
                                        "name",
                                        "Bench plans",
                                        "merchantCode",
                                        "bench-" + UUID.randomUUID(),
                                        "options",
                                        List.of("Delivery every"),
                                        "sellingPlansToCreate",
                                        List.of(plan)),
                                "resources",
                                Map.of("productIds", List.of(product.path("id").asText())))));
        String planId = created.path("data")
                .path("sellingPlanGroupCreate")
                .path("sellingPlanGroup")
                .path("sellingPlans")
                .path("nodes")
                .path(0)
                .path("id")
                .asText(null);
        if (planId == null) {
            throw new IllegalStateException("the fake did not create the bench's selling plan: " + created);
        }
        List<Long> contracts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode checkout = post(
                    fake + "/fake/admin/checkouts",
                    Map.of(
                            "customerId",
                            9_300_000_000_000L + i,
                            "variantId",
                            product.path("variantIds").path(0).asText(),
                            "sellingPlanId",
                            planId));
            String gid = checkout.path("contractId").asText();
            contracts.add(Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1)));
        }
        return contracts;
    }

    private static void sample(String metrics, AtomicBoolean running, List<Double> samples) {
        while (running.get()) {
            try {
                String text = HTTP.send(
                                HttpRequest.newBuilder(URI.create(metrics)).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher matcher = AVAILABLE.matcher(text);
                if (matcher.find()) {
                    synchronized (samples) {
                        samples.add(Double.parseDouble(matcher.group(1)));
                    }
                }
                Thread.sleep(100);
            } catch (IOException e) {
                // a missed sample
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static KafkaConsumer<String, byte[]> resultsConsumer(String kafka) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SYNC_RESULTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    // One DEL in Redis' own protocol: the bench needs no Redis client for it.
    private static void redisDel(String hostPort, String key) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket =
                new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("*2\r\n$3\r\nDEL\r\n$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first != ':') {
                throw new IOException("Redis did not answer DEL with an integer");
            }
        }
    }

    private static JsonNode post(String url, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (url.contains("/admin/api/")) {
            request.header("X-Shopify-Access-Token", System.getenv().getOrDefault("SHOPIFY_ADMIN_TOKEN", ""));
        }
        return answer(url, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static JsonNode get(String url) throws Exception {
        return answer(
                url,
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static void delete(String url) throws Exception {
        answer(
                url,
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).DELETE().build(),
                        HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static JsonNode answer(String url, HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IOException(url + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }
}
