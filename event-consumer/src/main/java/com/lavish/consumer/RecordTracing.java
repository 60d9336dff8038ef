package com.lavish.consumer;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Continues records' traces in the consumer: the work of a poll runs in a span ({@code process <topic>}, kind
 * CONSUMER) tied to the trace context in its records' headers (W3C {@code traceparent}, as webhook-gateway writes it),
 * so the database statements of that work join the webhook's trace, or are linked to it. A record without one starts
 * a trace.
 *
 * <p>The span is current on the poll's Vert.x context from the work's subscription until it ends, which is what the
 * reactive SQL client's instrumentation reads; a consumer applies one poll at a time, so one span is current at a time. Nothing is made at all when tracing is off: {@code quarkus.otel.sdk.disabled=true} (locally,
 * in tests), or no {@code quarkus-opentelemetry} in the service.
 */
@ApplicationScoped
public class RecordTracing {

    /** OpenTelemetry's default limit of links per span. */
    private static final int MAX_LINKS = 128;

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false)
                    .map(Header::key)
                    .toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    /** Null when tracing is off. */
    private final Tracer tracer;

    private final TextMapPropagator propagator;

    @Inject
    RecordTracing(
            Instance<OpenTelemetry> openTelemetry,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        // a disabled SDK still hands out a tracer (recording, exporting nowhere) and a propagator: use neither
        boolean on = openTelemetry.isResolvable() && !sdkDisabled;
        this.tracer = on ? openTelemetry.get().getTracer("com.lavish.consumer") : null;
        this.propagator = on ? openTelemetry.get().getPropagators().getTextMapPropagator() : TextMapPropagator.noop();
    }

    /** Tracing off, as without quarkus-opentelemetry: for code that runs outside a service (tests). */
    static RecordTracing off() {
        return new RecordTracing();
    }

    private RecordTracing() {
        this.tracer = null;
        this.propagator = TextMapPropagator.noop();
    }

    /**
     * A poll's work, in one span ({@code process <topic>}, kind CONSUMER) that ends when the work does. A poll of one
     * record continues that record's trace; a larger poll starts a trace of its own and links to each record's, as
     * OpenTelemetry's messaging conventions have batch processing do.
     */
    public <T> Uni<T> inBatchSpan(List<? extends Delivery<?>> deliveries, Supplier<Uni<T>> work) {
        if (tracer == null || deliveries.isEmpty()) {
            return work.get();
        }
        return Uni.createFrom().deferred(() -> {
            ConsumerRecord<String, byte[]> first = deliveries.get(0).record();
            SpanBuilder builder = tracer.spanBuilder("process " + first.topic())
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.destination.name", first.topic())
                    .setAttribute("messaging.batch.message_count", (long) deliveries.size());
            Context parent;
            if (deliveries.size() == 1) {
                parent = propagator.extract(Context.root(), first.headers(), HEADERS);
                builder.setParent(parent)
                        .setAttribute("messaging.destination.partition.id", Integer.toString(first.partition()))
                        .setAttribute("messaging.kafka.offset", first.offset())
                        .setAttribute(
                                "messaging.message.id",
                                deliveries.get(0).event().id())
                        .setAttribute(
                                "cloudevents.event_type",
                                deliveries.get(0).event().type());
            } else {
                parent = Context.root();
                builder.setNoParent();
                deliveries.stream().limit(MAX_LINKS).forEach(delivery -> {
                    SpanContext linked = Span.fromContext(propagator.extract(
                                    Context.root(), delivery.record().headers(), HEADERS))
                            .getSpanContext();
                    if (linked.isValid()) {
                        builder.addLink(
                                linked,
                                Attributes.of(
                                        AttributeKey.stringKey("messaging.message.id"),
                                        delivery.event().id()));
                    }
                });
            }
            Span span = builder.startSpan();
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
