package com.lavish.customers.repository;

import com.lavish.customers.Customer;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    /** The customer with their addresses loaded (tombstones included), or null. */
    public Uni<Customer> findWithAddresses(String shopDomain, long shopifyId) {
        return find(
                        "from Customer c left join fetch c.addresses where c.shopDomain = ?1 and c.shopifyId = ?2",
                        shopDomain,
                        shopifyId)
                .list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }
}
