package com.lavish.consumer;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.lavish.events.ShopifyEvent;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.mutiny.Uni;

/**
 * Continues a record's trace in the consumer: the work of a record runs in a span ({@code process <topic>}, kind
 * CONSUMER) whose parent is the trace context in the record's headers (W3C {@code traceparent}, as webhook-gateway
 * writes it), so the database statements of that work join the webhook's trace. A record without one starts a trace.
 *
 * <p>The span is current on the record's Vert.x context from the work's subscription until it ends, which is what the
 * reactive SQL client's instrumentation reads; a poll's records are applied one after another, so one record's span
 * is current at a time. Nothing is made at all when tracing is off: {@code quarkus.otel.sdk.disabled=true} (locally,
 * in tests), or no {@code quarkus-opentelemetry} in the service.
 */
@ApplicationScoped
public class RecordTracing {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    /** Null when tracing is off. */
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    @Inject
    RecordTracing(Instance<OpenTelemetry> openTelemetry,
                  @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        // a disabled SDK still hands out a tracer (recording, exporting nowhere) and a propagator: use neither
        boolean on = openTelemetry.isResolvable() && !sdkDisabled;
        this.tracer = on ? openTelemetry.get().getTracer("com.lavish.consumer") : null;
        this.propagator = on ? openTelemetry.get().getPropagators().getTextMapPropagator() : TextMapPropagator.noop();
    }

    /** The record's work, in a span that continues the record's trace; the span ends when the work does. */
    public <T> Uni<T> inSpanOf(ConsumerRecord<String, byte[]> record, ShopifyEvent event, Supplier<Uni<T>> work) {
        if (tracer == null) {
            return work.get();
        }
        return Uni.createFrom().deferred(() -> {
            Context parent = propagator.extract(Context.root(), record.headers(), HEADERS);
            Span span = tracer.spanBuilder("process " + record.topic())
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                    .setAttribute("messaging.kafka.offset", record.offset())
                    .setAttribute("messaging.message.id", event.id())
                    .setAttribute("cloudevents.event_type", event.type())
                    .startSpan();
            Scope scope = parent.with(span).makeCurrent();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                end(span, scope, e);
                throw e;
            }
            return running.onTermination().invoke((item, failure, cancelled) -> end(span, scope, failure));
        });
    }

    private static void end(Span span, Scope scope, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getMessage());
        }
        scope.close();
        span.end();
    }
}
