package com.lavish.customers.service;

import com.lavish.customers.Customer;
import com.lavish.customers.repository.CustomerRepository;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** What the storefront may read about the customer signed in. */
@ApplicationScoped
public class StorefrontCustomers {

    private final CustomerRepository customers;

    public StorefrontCustomers(CustomerRepository customers) {
        this.customers = customers;
    }

    /** The signed-in customer with their addresses; 404 when the shop has no such customer, or deleted them. */
    @WithSession
    public Uni<Customer> signedIn(StorefrontCustomer who) {
        return customers.findWithAddresses(who.shop(), who.customerId()).map(customer -> {
            if (customer == null || customer.isDeleted()) {
                throw ProblemException.notFound("there is no customer record for this account yet");
            }
            return customer;
        });
    }
}
