package com.lavish.gateway.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import com.lavish.events.ShopifyEvent;
import com.lavish.gateway.config.WebhookConfig;

/**
 * Writes webhook events to Kafka and tells when Kafka has them. One idempotent producer with acks=all is shared by
 * all requests (KafkaProducer is thread-safe). Each send gets a topic, a key and CloudEvents headers of its own, and
 * a deadline: the {@code Uni} fails once {@code webhook.publish.timeout} has passed without an acknowledgement.
 * The webhook request's trace context goes along in the record's headers ({@code traceparent}, W3C), as SmallRye's
 * Kafka connector does for its channels, so a consumer's work joins the webhook's trace.
 */
@Startup
@ApplicationScoped
public class WebhookPublisher {

    private static final Logger LOG = Logger.getLogger(WebhookPublisher.class);

    private final Producer<String, byte[]> producer;
    private final Duration timeout;
    private final Executor sendExecutor;
    private final TextMapPropagator tracePropagator;

    @Inject
    public WebhookPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, WebhookConfig config,
                            OpenTelemetry openTelemetry) {
        this(new KafkaProducer<>(DurableProducerConfig.of(kafkaConfig, config.publish().timeout())),
                config.publish().timeout(), Infrastructure.getDefaultWorkerPool(),
                openTelemetry.getPropagators().getTextMapPropagator());
    }

    WebhookPublisher(Producer<String, byte[]> producer, Duration timeout, Executor sendExecutor) {
        this(producer, timeout, sendExecutor, TextMapPropagator.noop());
    }

    private WebhookPublisher(Producer<String, byte[]> producer, Duration timeout, Executor sendExecutor,
                             TextMapPropagator tracePropagator) {
        this.producer = producer;
        this.timeout = timeout;
        this.sendExecutor = sendExecutor;
        this.tracePropagator = tracePropagator;
    }

    /**
     * Sends the event keyed {@code <shop>/<resource id>}, its attributes as {@code ce_} headers and the raw body as
     * the value.
     *
     * @return the record's place once every in-sync replica has it; a {@link PublishFailedException} when Kafka
     *         refused it or did not answer within the timeout. Signals arrive on the caller's Vert.x context.
     */
    public Uni<RecordMetadata> publish(String topic, ShopifyEvent event) {
        Headers headers = event.toHeaders();
        // taken here, on the request's context: the send runs on a worker thread
        tracePropagator.inject(io.opentelemetry.context.Context.current(), headers,
                (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.recordKey().toString(),
                event.payload(), headers);
        Context caller = Vertx.currentContext();
        Uni<RecordMetadata> sent = Uni.createFrom().<RecordMetadata> emitter(emitter -> {
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        emitter.fail(new PublishFailedException(topic, "Kafka did not take the record", error));
                    } else {
                        emitter.complete(metadata);
                    }
                });
            } catch (RuntimeException e) {
                // send() throws instead of calling back when it cannot even queue the record (metadata wait
                // timed out, producer closed, record too large for the client)
                emitter.fail(new PublishFailedException(topic, "the producer could not queue the record", e));
            }
        })
                // send() may block up to max.block.ms: never on the event loop
                .runSubscriptionOn(sendExecutor)
                .ifNoItem().after(timeout)
                .failWith(() -> new PublishFailedException(topic, "no acknowledgement within " + timeout, null));
        return caller == null ? sent : sent.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    @PreDestroy
    void close() {
        LOG.debug("closing the webhook producer");
        // what is still in flight gets its chance; its webhooks are answered (or time out) meanwhile
        producer.close(timeout);
    }
}
