package com.lavish.orders.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.privacy.PrivacyErasure;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.orders.repository.OrderRepository;

import io.smallrye.mutiny.Uni;

/**
 * What Shopify's privacy requests erase in the orders schema (event-consumer's PrivacyRequests records them).
 * customers/redact strips the customer's personal data from their orders and keeps figures, lines and statuses (a
 * shop must keep its sales records); the recorded request also stops later versions of those orders bringing the
 * data back (OrderProjection). shop/redact deletes the shop's orders.
 */
@ApplicationScoped
public class OrderPrivacyErasure implements PrivacyErasure {

    private final OrderRepository orders;

    public OrderPrivacyErasure(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Uni<Integer> redactCustomer(PrivacyRequest request) {
        return orders.redactCustomer(request.shopDomain(), request.customerId(), request.receivedAt());
    }

    /** Orders (their lines and fulfillments go with them, on delete cascade), edits, status changes, applied events. */
    @Override
    public List<String> shopTables() {
        return List.of("customer_order", "order_edit", "order_status_change", "applied_event");
    }

    /** app/uninstalled owes nothing here: the shop's data goes with shop/redact, 48 hours later. */
    @Override
    public boolean concerns(String type) {
        return !PrivacyRequest.APP_UNINSTALLED.equals(type);
    }
}
