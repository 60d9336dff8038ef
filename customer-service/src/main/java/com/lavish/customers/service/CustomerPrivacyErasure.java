package com.lavish.customers.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.privacy.PrivacyErasure;
import com.lavish.consumer.privacy.PrivacyRequest;

import io.smallrye.mutiny.Uni;

/** What Shopify's privacy requests erase in the customer schema (event-consumer's PrivacyRequests records them). */
@ApplicationScoped
public class CustomerPrivacyErasure implements PrivacyErasure {

    private final CustomerProjection projection;

    public CustomerPrivacyErasure(CustomerProjection projection) {
        this.projection = projection;
    }

    /**
     * The customers/delete erasure, tombstone included, joining the request's transaction (its applied_event row
     * records the ce_id too): a customer never seen gets a tombstone, so a late create cannot bring them back.
     */
    @Override
    public Uni<ProjectionOutcome> redactCustomer(PrivacyRequest request) {
        return projection.apply(request.event(), new CustomerChange.Erase(request.customerId(), request.receivedAt()));
    }

    /** Every customer, address and applied event of the shop. */
    @Override
    public List<String> shopTables() {
        return List.of("customer_address", "customer", "applied_event");
    }
}
