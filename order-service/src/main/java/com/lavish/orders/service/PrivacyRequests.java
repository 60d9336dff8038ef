package com.lavish.orders.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.orders.repository.PrivacyRequestRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Carries out Shopify's mandatory privacy requests on the orders schema, idempotently: the request is recorded in
 * privacy_request (a second delivery of its ce_id does nothing) in the transaction of its erasure.
 * customers/redact strips the customer's personal data from their orders and keeps figures, lines and statuses
 * (a shop must keep its sales records); the record also stops later versions of those orders bringing the data
 * back. shop/redact deletes the shop's orders.
 */
@ApplicationScoped
public class PrivacyRequests {

    /** What handling one request did; counted per type in the {@code order.privacy.requests} metric. */
    public enum Outcome {
        /** The erasure is done and recorded with its completed_at. */
        COMPLETED,
        /** Recorded only: nothing (yet) to do in this service. */
        RECORDED,
        /** This delivery (ce_id) was handled before: nothing changed. */
        DUPLICATE
    }

    private final PrivacyRequestRepository requests;

    public PrivacyRequests(PrivacyRequestRepository requests) {
        this.requests = requests;
    }

    /** Opens its own session and transaction: call it once per attempt, from the record's Vert.x context. */
    public Uni<Outcome> carryOut(PrivacyRequest request) {
        boolean completes = !PrivacyRequest.CUSTOMERS_DATA_REQUEST.equals(request.type());
        return Panache.withTransaction(() -> requests.recordFirstDelivery(request, completes)
                .chain(first -> first ? act(request) : Uni.createFrom().item(Outcome.DUPLICATE)));
    }

    private Uni<Outcome> act(PrivacyRequest request) {
        return switch (request.type()) {
            case PrivacyRequest.CUSTOMERS_REDACT -> requests
                    .redactCustomer(request.shopDomain(), request.customerId(), request.receivedAt())
                    .replaceWith(Outcome.COMPLETED);
            case PrivacyRequest.SHOP_REDACT -> requests.deleteShop(request.shopDomain()).replaceWith(Outcome.COMPLETED);
            // customers/data_request: recorded with no completed_at, for the admin export still to come
            default -> Uni.createFrom().item(Outcome.RECORDED);
        };
    }
}
