package com.lavish.customers.service;

import com.lavish.consumer.privacy.PrivacyErasure;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.customers.repository.CustomerWrites;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What Shopify's privacy requests erase in the customer schema (event-consumer's PrivacyRequests records them). */
@ApplicationScoped
public class CustomerPrivacyErasure implements PrivacyErasure {

    private final CustomerWrites writes;

    public CustomerPrivacyErasure(CustomerWrites writes) {
        this.writes = writes;
    }

    /**
     * The customers/delete erasure, tombstone included: a customer never seen gets a tombstone, so a late create
     * cannot bring them back.
     */
    @Override
    public Uni<Void> redactCustomers(SqlConnection connection, List<PrivacyRequest> requests) {
        return writes.erase(
                        connection,
                        requests.stream()
                                .map(request -> new CustomerWrites.Erasure(
                                        request.shopDomain(), request.customerId(), request.receivedAt(), null))
                                .toList())
                .replaceWithVoid();
    }

    /** Every customer, address and applied event of the shop (tags go with their customers, on delete cascade). */
    @Override
    public List<String> shopTables() {
        return List.of("customer_address", "customer", "applied_event");
    }
}
