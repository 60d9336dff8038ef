package com.lavish.subscriptions.service;

import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.problem.ProblemException;
import com.lavish.subscriptions.repository.ContractRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the storefront may read of the signed-in customer's subscriptions: theirs, and nobody else's. */
@ApplicationScoped
public class StorefrontSubscriptions {

    private final ContractRepository contracts;
    private final SubscriptionViews views;

    public StorefrontSubscriptions(ContractRepository contracts, SubscriptionViews views) {
        this.contracts = contracts;
        this.views = views;
    }

    @WithSession
    public Uni<List<SubscriptionView>> mine(StorefrontCustomer who) {
        return contracts.allOfCustomer(who.shop(), who.customerId()).chain(found -> views.of(who.shop(), found));
    }

    /** The customer's contract; 404 when it is not theirs, so an answer never tells whether someone else has it. */
    @WithSession
    public Uni<SubscriptionView> one(StorefrontCustomer who, long contractId) {
        return contracts.findCustomers(who.shop(), who.customerId(), contractId).chain(contract -> {
            if (contract == null) {
                throw ProblemException.notFound("you have no subscription with the id " + contractId);
            }
            return views.of(who.shop(), List.of(contract)).map(found -> found.get(0));
        });
    }
}
