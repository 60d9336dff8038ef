package com.lavish.orders.service;

import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.problem.ProblemException;
import com.lavish.orders.CustomerOrder;
import com.lavish.orders.repository.OrderRepository;
import com.lavish.orders.repository.OrderSummaryRow;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** What the storefront may read about the signed-in customer's orders: theirs, and nobody else's. */
@ApplicationScoped
public class StorefrontOrders {

    private final OrderRepository orders;

    public StorefrontOrders(OrderRepository orders) {
        this.orders = orders;
    }

    /** Up to {@code size} of the customer's orders after the given position (null: the newest), newest first. */
    @WithSession
    public Uni<List<OrderSummaryRow>> page(
            StorefrontCustomer who, Instant afterPlacedAt, Long afterShopifyId, int size) {
        return orders.pageOfCustomer(who.shop(), who.customerId(), afterPlacedAt, afterShopifyId, size);
    }

    /**
     * The customer's order with this number, whole; 404 when there is none, which is also the answer for another
     * customer's number, so an answer never tells whether someone else has such an order.
     */
    @WithSession
    public Uni<CustomerOrder> byNumber(StorefrontCustomer who, long number) {
        return orders.findCustomersOrder(who.shop(), who.customerId(), number).map(order -> {
            if (order == null) {
                throw ProblemException.notFound("you have no order with the number " + number);
            }
            return order;
        });
    }
}
