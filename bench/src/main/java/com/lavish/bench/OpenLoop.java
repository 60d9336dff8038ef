package com.lavish.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A fixed-rate (open-loop) HTTP load: the schedule never waits for answers, so latency is measured from when each
 * request was due, not from when a busy client got round to it (no coordinated omission, which wrk alone cannot
 * avoid). The first {@value #WARM_UP_SECONDS} seconds run at the same rate but are not recorded: they warm up the
 * JIT and the connection pools of both sides. Requests are made before the clock starts, so the load generator is
 * not what is measured.
 */
final class OpenLoop {

    static final int WARM_UP_SECONDS = 3;

    /** One prepared request; {@code body} null for none. */
    record Request(RequestOptions options, Buffer body, int expectedStatus) {}

    private OpenLoop() {}

    /** Runs the load and prints the outcome and the latency percentiles under {@code label}. */
    static void run(String label, URI url, int rate, int seconds, IntFunction<Request> requests) throws Exception {
        run(label, url, rate, seconds, requests, i -> {});
    }

    /** As above; {@code onSend} hears the index of each request as it is sent. */
    static void run(String label, URI url, int rate, int seconds, IntFunction<Request> requests, IntConsumer onSend)
            throws Exception {
        run(label, url, rate, WARM_UP_SECONDS, seconds, requests, onSend);
    }

    /**
     * As above, with {@code warmUpSeconds} unrecorded first (0: every request is recorded, as for a burst, whose
     * start is part of what is measured). Answers are counted by status: a 5xx is never lost in "failed".
     */
    static void run(
            String label,
            URI url,
            int rate,
            int warmUpSeconds,
            int seconds,
            IntFunction<Request> requests,
            IntConsumer onSend)
            throws Exception {
        int warmUp = rate * warmUpSeconds;
        int total = warmUp + rate * seconds;
        Request[] prepared = new Request[total];
        for (int i = 0; i < total; i++) {
            prepared[i] = requests.apply(i);
        }

        Vertx vertx = Vertx.vertx();
        // a connection idle for 10 s is closed by the client, before the services' 30 s idle timeout closes it
        // under a request just sent on it (Shopify, too, opens a new connection rather than reuse a stale one)
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(200)
                .setKeepAlive(true)
                .setKeepAliveTimeout(10)
                .setDefaultHost(url.getHost())
                .setDefaultPort(url.getPort()));
        // auto-resizing: an overloaded service answering after minutes is recorded, not lost to an exception
        Histogram latency = new Histogram(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        Map<String, LongAdder> answers = new ConcurrentSkipListMap<>();
        CountDownLatch done = new CountDownLatch(total);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);

        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Request request = prepared[i];
            onSend.accept(i);
            boolean recorded = i >= warmUp;
            vertx.runOnContext(v -> client.request(request.options())
                    .compose(req -> request.body() == null ? req.send() : req.send(request.body()))
                    .compose(response -> response.body().map(response.statusCode()))
                    .onComplete(ar -> {
                        if (recorded) {
                            latency.recordValue(Math.max(0, System.nanoTime() - due));
                        }
                        answers.computeIfAbsent(
                                        ar.succeeded() ? "HTTP " + ar.result() : "no answer",
                                        ignored -> new LongAdder())
                                .increment();
                        if (ar.succeeded() && ar.result() == request.expectedStatus()) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            failures.add(ar.succeeded() ? "HTTP " + ar.result() : String.valueOf(ar.cause()));
                        }
                        done.countDown();
                    }));
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            System.out.printf("%s: %d requests still unanswered after 60 s%n", label, done.getCount());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%s: open-loop %d/s for %d s (after %d s of warm-up) against %s: %d ok, %d failed, "
                        + "achieved %.0f/s%n",
                label, rate, seconds, warmUpSeconds, url, ok.get(), failed.get(), total / elapsed);
        System.out.printf("%s: answers: %s%n", label, answers);
        System.out.printf(
                "%s: latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                label,
                ms(latency.getValueAtPercentile(50)),
                ms(latency.getValueAtPercentile(90)),
                ms(latency.getValueAtPercentile(99)),
                ms(latency.getValueAtPercentile(99.9)),
                ms(latency.getMaxValue()));
        failures.stream().limit(5).forEach(f -> System.out.println(label + ": failed: " + f));
        vertx.close();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
