package com.lavish.edge.identity;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import com.lavish.edge.problem.ProblemException;

/**
 * The storefront customer of the current request, set by {@link StorefrontRequestFilters} from a verified
 * app-proxy signature. Resources ask here, never the path or the body, whom they act for.
 */
@RequestScoped
public class StorefrontIdentity {

    private StorefrontCustomer customer;

    void set(StorefrontCustomer customer) {
        this.customer = customer;
    }

    public Optional<StorefrontCustomer> current() {
        return Optional.ofNullable(customer);
    }

    /** The signed-in customer; a 401 problem when the request is not under the app-proxy filter. */
    public StorefrontCustomer customer() {
        if (customer == null) {
            throw ProblemException.unauthorized("this path needs a signed-in storefront customer");
        }
        return customer;
    }
}
