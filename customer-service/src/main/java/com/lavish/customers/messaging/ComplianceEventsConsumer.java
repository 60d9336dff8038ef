package com.lavish.customers.messaging;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.customers.config.CustomerEventsConfig;
import com.lavish.customers.service.PrivacyRequest;
import com.lavish.customers.service.PrivacyRequests;
import com.lavish.customers.service.PrivacyRequests.Outcome;
import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Consumes shopify.compliance (consumer group customer-service-privacy): Shopify's mandatory privacy requests for
 * the customer data this service holds. As for shopify.customers, the returned {@code Uni} acks the record or
 * nacks it to shopify.compliance.dlq (reason in {@code dead-letter-reason}); a malformed record goes there at
 * once, any other failure after the retries of {@code customer-events.retry.*}.
 */
@ApplicationScoped
public class ComplianceEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ComplianceEventsConsumer.class);

    private final PrivacyRequests privacy;
    private final ObjectMapper json;
    private final CustomerEventsConfig.Retry retry;
    private final MeterRegistry metrics;

    public ComplianceEventsConsumer(PrivacyRequests privacy, ObjectMapper json, CustomerEventsConfig config,
                                    MeterRegistry metrics) {
        this.privacy = privacy;
        this.json = json;
        this.retry = config.retry();
        this.metrics = metrics;
    }

    @Incoming("shopify-compliance")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> ShopifyEvent.fromRecord(record.headers(), record.value()))
                .chain(event -> handle(event, context))
                .onFailure().invoke(failure -> LOG.warnf("shopify.compliance record at partition %d offset %d goes "
                        + "to the dead letters: %s", record.partition(), record.offset(), failure.getMessage()));
    }

    private Uni<Void> handle(ShopifyEvent event, Context context) {
        Optional<PrivacyRequest> request = read(event);
        if (request.isEmpty()) {
            count(event, Outcome.IGNORED);
            return Uni.createFrom().voidItem();
        }
        return BoundedRetry.onContext(context, retry, () -> privacy.carryOut(request.get()), failure -> {
                    metrics.counter("privacy.requests.failed.attempts", "type", event.type()).increment();
                    LOG.debugf("%s: attempt failed: %s", event, failure.getMessage());
                })
                .invoke(outcome -> {
                    count(event, outcome);
                    LOG.infof("%s: %s", event, outcome);
                })
                .replaceWithVoid();
    }

    private Optional<PrivacyRequest> read(ShopifyEvent event) {
        return switch (event.type()) {
            case PrivacyRequest.CUSTOMERS_REDACT, PrivacyRequest.CUSTOMERS_DATA_REQUEST ->
                    Optional.of(new PrivacyRequest(event, customerId(event), time(event)));
            // the shop is ce_source, which the gateway took from the verified delivery; the body adds nothing
            case PrivacyRequest.SHOP_REDACT, PrivacyRequest.APP_UNINSTALLED ->
                    Optional.of(new PrivacyRequest(event, null, time(event)));
            default -> Optional.empty();
        };
    }

    /** customer.id as an exact long (a JSON integer or a string of digits, never through a double). */
    private long customerId(ShopifyEvent event) {
        JsonNode body;
        try {
            body = json.readTree(event.payload());
        } catch (IOException e) {
            throw new MalformedEventException("body of " + event.type() + " is not valid JSON");
        }
        Long id = body == null ? null : CustomerWebhookReader.id(body.path("customer").path("id"));
        if (id == null) {
            throw new MalformedEventException(event.type() + " names no customer id (an integer at \"customer.id\")");
        }
        return id;
    }

    private static Instant time(ShopifyEvent event) {
        Instant time = CustomerWebhookReader.parseTimestamp(event.time());
        if (time == null) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp");
        }
        return time;
    }

    private void count(ShopifyEvent event, Outcome outcome) {
        metrics.counter("privacy.requests", "type", event.type(), "outcome", outcome.name().toLowerCase()).increment();
    }
}
