package com.lavish.consumer.privacy;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;

import com.lavish.consumer.ShopifyEventHandler;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Carries out Shopify's mandatory privacy requests from shopify.compliance, idempotently: in one transaction the
 * request is recorded in the service's privacy_request (a second delivery of its ce_id does nothing) together with
 * the service's erasure. customers/data_request is recorded with no completed_at: the shop owner fetches the
 * export from the service's admin path ({@link DataRequests}), which completes it. app/uninstalled is recorded
 * only: the shop's data goes with shop/redact, 48 hours later.
 */
@ApplicationScoped
public class PrivacyRequests {

    /** What handling one request did; counted per type in the consumer's metric. */
    public enum Outcome {
        /** The erasure is done and recorded with its completed_at. */
        COMPLETED,
        /** Recorded only: nothing (yet) to do in this service. */
        RECORDED,
        /** This delivery (ce_id) was handled before: nothing changed. */
        DUPLICATE
    }

    private final ShopifyEventHandler handler;
    private final PrivacyRequestLedger ledger;

    public PrivacyRequests(ShopifyEventHandler handler, PrivacyRequestLedger ledger) {
        this.handler = handler;
        this.ledger = ledger;
    }

    /**
     * Handles a poll of shopify.compliance for a service's {@code @Incoming} method, as
     * {@link ShopifyEventHandler#handleBatch} handles any shopify.* poll: what still fails goes to
     * shopify.compliance.dlq and the batch is acked.
     *
     * @param metric the counter of outcomes, tagged type and outcome
     */
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records, String metric, PrivacyErasure erasure) {
        return handler.<Outcome> handleBatch(records, metric, event -> PrivacyRequest.read(event)
                .filter(request -> erasure.concerns(request.type()))
                .map(request -> afterCommit -> carryOut(request, erasure)));
    }

    /** Runs in the caller's transaction (its batch's), or opens its own. */
    public Uni<Outcome> carryOut(PrivacyRequest request, PrivacyErasure erasure) {
        boolean completes = !PrivacyRequest.CUSTOMERS_DATA_REQUEST.equals(request.type());
        return Panache.withTransaction(() -> ledger.recordFirstDelivery(request, completes)
                .chain(first -> first ? act(request, erasure) : Uni.createFrom().item(Outcome.DUPLICATE)));
    }

    private Uni<Outcome> act(PrivacyRequest request, PrivacyErasure erasure) {
        return switch (request.type()) {
            case PrivacyRequest.CUSTOMERS_REDACT -> erasure.redactCustomer(request).replaceWith(Outcome.COMPLETED);
            case PrivacyRequest.SHOP_REDACT -> ledger.deleteShopRows(request.shopDomain(), erasure.shopTables())
                    .replaceWith(Outcome.COMPLETED);
            default -> Uni.createFrom().item(Outcome.RECORDED);
        };
    }
}
