package com.lavish.orders.messaging;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Where the spans go in tests: a SpanExporter bean is what quarkus-opentelemetry exports to (instead of OTLP) once a
 * test profile switches the SDK on; with it off, as in the other tests, nothing reaches it.
 */
@Singleton
class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
