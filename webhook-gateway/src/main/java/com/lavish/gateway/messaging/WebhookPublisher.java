package com.lavish.gateway.messaging;

import com.lavish.events.ShopifyEvent;
import com.lavish.gateway.config.WebhookConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * Writes webhook events to Kafka and tells when Kafka has them. One idempotent producer with acks=all is shared by
 * all requests (KafkaProducer is thread-safe). Each send gets a topic, a key and CloudEvents headers of its own, and
 * a deadline: the future fails once {@code webhook.publish.timeout} has passed without an acknowledgement.
 * The webhook request's trace context goes along in the record's headers ({@code traceparent}, W3C), as SmallRye's
 * Kafka connector does for its channels, so a consumer's work joins the webhook's trace.
 */
@Startup
@ApplicationScoped
public class WebhookPublisher {

    private static final Logger LOG = Logger.getLogger(WebhookPublisher.class);

    private final Producer<String, byte[]> producer;
    private final Duration timeout;
    private final ExecutorService sendExecutor;
    private final TextMapPropagator tracePropagator;
    private final Vertx vertx;

    @Inject
    public WebhookPublisher(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            WebhookConfig config,
            OpenTelemetry openTelemetry,
            Vertx vertx) {
        this.timeout = config.publish().timeout();
        this.producer = new KafkaProducer<>(DurableProducerConfig.of(kafkaConfig, timeout));
        this.sendExecutor = Executors.newSingleThreadExecutor(WebhookPublisher::sendThread);
        this.tracePropagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.vertx = vertx;
    }

    /**
     * The one thread that calls send(). send() may block (on metadata, or on a full buffer) and so never runs on the
     * event loop; but it is only a few microseconds in the steady state, and handing each one to the shared worker
     * pool woke a pool thread per webhook. One thread with a queue wakes once and then drains what the event loops
     * queued meanwhile; records are appended to Kafka's batches in the same order either way.
     */
    private static Thread sendThread(Runnable task) {
        Thread thread = new Thread(task, "webhook-send");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Sends the event keyed {@code <shop>/<resource id>}, its attributes as {@code ce_} headers and the raw body as
     * the value.
     *
     * @return the record's place once every in-sync replica has it; a {@link PublishFailedException} when Kafka
     *         refused it or did not answer within the timeout. Completes on the caller's Vert.x context.
     */
    public Future<RecordMetadata> publish(String topic, ShopifyEvent event) {
        Headers headers = event.toHeaders();
        // taken here, on the request's context: the send runs on the send thread
        tracePropagator.inject(
                io.opentelemetry.context.Context.current(),
                headers,
                (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, null, event.recordKey().toString(), event.payload(), headers);
        Context caller = Vertx.currentContext();
        Promise<RecordMetadata> outcome = Promise.promise();
        // the deadline: Kafka's own timeouts (delivery.timeout.ms, max.block.ms) each bound one part of the wait,
        // this bounds the whole of it
        long deadline = vertx.setTimer(
                timeout.toMillis(),
                ignored -> outcome.tryFail(
                        new PublishFailedException(topic, "no acknowledgement within " + timeout, null)));
        outcome.future().onComplete(ignored -> vertx.cancelTimer(deadline));
        // send() may block up to max.block.ms: never on the event loop
        sendExecutor.execute(() -> {
            try {
                producer.send(
                        record,
                        (metadata, error) -> onCaller(caller, () -> {
                            if (error != null) {
                                outcome.tryFail(
                                        new PublishFailedException(topic, "Kafka did not take the record", error));
                            } else {
                                outcome.tryComplete(metadata);
                            }
                        }));
            } catch (RuntimeException e) {
                // send() throws instead of calling back when it cannot even queue the record (metadata wait
                // timed out, producer closed, record too large for the client)
                onCaller(
                        caller,
                        () -> outcome.tryFail(
                                new PublishFailedException(topic, "the producer could not queue the record", e)));
            }
        });
        return outcome.future();
    }

    /** Kafka calls back on its own thread; the answer is written on the request's event loop. */
    private static void onCaller(Context caller, Runnable action) {
        if (caller == null) {
            action.run();
        } else {
            caller.runOnContext(ignored -> action.run());
        }
    }

    @PreDestroy
    void close() {
        LOG.debug("closing the webhook producer");
        // what is still in flight gets its chance; its webhooks are answered (or time out) meanwhile
        producer.close(timeout);
        sendExecutor.shutdown();
    }
}
