package com.lavish.bench;

import com.lavish.events.Topics;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.subscription.SubscriptionEvents;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * From a subscription event on Kafka to its email accepted by an SMTP server: this JVM is the SMTP server
 * ({@link SmtpSink} on SMTP_PORT, which notification-service is pointed at), publishes PAUSED events (transactional mail,
 * which no unsubscribe holds back) for CUSTOMERS customers, open loop at RATE per second for SECONDS, as
 * subscription-service's relay publishes them once their change committed, and times each message from the event's
 * publication to the moment the server accepts it (the end of its DATA). A message names its event in its
 * Message-ID ({@code <event id@domain>}), so a second message for an event is a duplicate. Waits for notification-
 * service's readiness (MANAGEMENT_URL) first, makes the customers (customers/create on shopify.customers, as
 * {@link EventBacklog} writes them, so the service knows their addresses), and waits up to 60 s after the load for
 * the last messages. With OUTAGE_SECONDS above 0 the SMTP server goes down a third of the way through the load for that
 * long (its open connections dropped), and the wait for the last messages is five minutes: nothing may be missing or
 * sent twice after the service's retries.
 * Usage: NotificationLatency BOOTSTRAP SHOP RATE SECONDS FIRST_CUSTOMER CUSTOMERS SMTP_PORT MANAGEMENT_URL [OUTAGE_SECONDS]
 */
public final class NotificationLatency {

    private static final Pattern EVENT_ID = Pattern.compile("<([0-9a-f-]{36})@");

    private NotificationLatency() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String shop = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long firstCustomer = Long.parseLong(args[4]);
        int customers = Integer.parseInt(args[5]);
        int smtpPort = Integer.parseInt(args[6]);
        String managementUrl = args[7];
        int outage = args.length > 8 ? Integer.parseInt(args[8]) : 0;

        Map<String, Long> published = new ConcurrentHashMap<>();
        Map<String, Integer> received = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        BiConsumer<String, Long> accepted = (messageId, at) -> {
            Matcher id = EVENT_ID.matcher(String.valueOf(messageId));
            if (id.find() && received.merge(id.group(1), 1, Integer::sum) == 1) {
                Long sent = published.get(id.group(1));
                if (sent != null) {
                    synchronized (latency) {
                        latency.recordValue(Math.max(0, (at - sent) / 1000));
                    }
                }
            }
        };
        AtomicReference<SmtpSink> smtp = new AtomicReference<>(new SmtpSink(smtpPort, accepted));
        awaitReady(managementUrl);
        EventBacklog.main(new String[] {
            bootstrap,
            shop,
            "customers",
            Integer.toString(customers),
            Long.toString(firstCustomer),
            "bench-notification-customer-"
        });
        // the customers are applied in a few polls; an event for a customer not yet known would wait for none
        TimeUnit.SECONDS.sleep(15);

        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long total = (long) rate * seconds;
        long started = System.nanoTime();
        if (outage > 0) {
            ScheduledExecutorService down = Executors.newSingleThreadScheduledExecutor();
            down.schedule(
                    () -> {
                        smtp.get().close();
                        System.out.printf("smtp down at %d s for %d s%n", seconds / 3, outage);
                        return null;
                    },
                    seconds / 3,
                    TimeUnit.SECONDS);
            down.schedule(
                    () -> {
                        smtp.set(new SmtpSink(smtpPort, accepted));
                        System.out.println("smtp up again");
                        return null;
                    },
                    seconds / 3 + outage,
                    TimeUnit.SECONDS);
            down.shutdown();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (long i = 0; i < total; i++) {
                // open loop: the i-th event leaves at its time, however the service keeps up
                long due = started + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                SubscriptionEvent event = paused(shop, firstCustomer + i % customers, i);
                published.put(event.eventId(), System.nanoTime());
                producer.send(new ProducerRecord<>(
                        Topics.SUBSCRIPTION_EVENTS,
                        null,
                        event.recordKey().toString(),
                        SubscriptionEvents.write(event),
                        SubscriptionEvents.headers(event)));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(outage > 0 ? 300 : 60);
        while (received.size() < total && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        smtp.get().close();

        long duplicates = received.values().stream()
                .filter(n -> n > 1)
                .mapToLong(n -> n - 1)
                .sum();
        System.out.printf(
                "published %d PAUSED events at %d/s for %d s (%d customers)%n", total, rate, seconds, customers);
        System.out.printf(
                "emails accepted: %d distinct, %d missing, %d duplicates%n",
                received.size(), total - received.size(), duplicates);
        System.out.printf(
                "event published -> email accepted, ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getValueAtPercentile(99.9) / 1000.0,
                latency.getMaxValue() / 1000.0);
    }

    private static SubscriptionEvent paused(String shop, long customer, long sequence) {
        return new SubscriptionEvent(
                UUID.randomUUID().toString(),
                SubscriptionEventType.PAUSED,
                shop,
                9_100_000_000_000_000L + sequence,
                customer,
                Instant.now().toString(),
                new SubscriptionEvent.Contract(
                        "paused",
                        null,
                        "Every month, 10% off",
                        "month",
                        1,
                        "AUD",
                        List.of(new SubscriptionEvent.Line(
                                "Lavish Monthly Book Box", "One book", 1, new BigDecimal("26.96")))),
                null,
                null);
    }

    private static void awaitReady(String managementUrl) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("notification-service did not get ready at " + managementUrl);
    }
}
