package com.lavish.customers.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.customers.repository.PrivacyRequestRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Carries out Shopify's mandatory privacy requests on the customer schema, idempotently: in one transaction the
 * request is recorded in privacy_request (a second delivery of its ce_id does nothing) together with its erasure.
 */
@ApplicationScoped
public class PrivacyRequests {

    /** What handling one request did; counted per type in the {@code privacy.requests} metric. */
    public enum Outcome {
        /** The erasure is done and recorded with its completed_at. */
        COMPLETED,
        /** Recorded only: nothing (yet) to do in this service. */
        RECORDED,
        /** This delivery (ce_id) was handled before: nothing changed. */
        DUPLICATE,
        /** A topic on shopify.compliance this service does not handle. */
        IGNORED
    }

    private final PrivacyRequestRepository requests;
    private final CustomerProjection projection;

    public PrivacyRequests(PrivacyRequestRepository requests, CustomerProjection projection) {
        this.requests = requests;
        this.projection = projection;
    }

    /** Opens its own session and transaction: call it once per attempt, from the record's Vert.x context. */
    public Uni<Outcome> carryOut(PrivacyRequest request) {
        boolean completes = !PrivacyRequest.CUSTOMERS_DATA_REQUEST.equals(request.type());
        return Panache.withTransaction(() -> requests.recordFirstDelivery(request, completes)
                .chain(first -> first ? act(request) : Uni.createFrom().item(Outcome.DUPLICATE)));
    }

    private Uni<Outcome> act(PrivacyRequest request) {
        return switch (request.type()) {
            // the customers/delete erasure, tombstone included, joining this transaction (its applied_event row
            // records the ce_id too): a customer never seen gets a tombstone, so a late create cannot bring them back
            case PrivacyRequest.CUSTOMERS_REDACT -> projection
                    .apply(request.event(), new CustomerChange.Erase(request.customerId(), request.receivedAt()))
                    .replaceWith(Outcome.COMPLETED);
            case PrivacyRequest.SHOP_REDACT -> requests.deleteShop(request.shopDomain()).replaceWith(Outcome.COMPLETED);
            // customers/data_request: recorded with no completed_at; the shop owner fetches the export from
            // /admin/customers/privacy/data-requests/{id}/export (DataRequestExports), which completes the row.
            // app/uninstalled: nothing is owed here; the shop's data goes with shop/redact, 48 hours later.
            default -> Uni.createFrom().item(Outcome.RECORDED);
        };
    }
}
