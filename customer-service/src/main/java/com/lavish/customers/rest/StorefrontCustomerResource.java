package com.lavish.customers.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.lavish.customers.service.CustomerService;
import com.lavish.edge.identity.StorefrontIdentity;

import io.smallrye.mutiny.Uni;

/**
 * The storefront's customer endpoints, through Shopify's app proxy ({@code /proxy/customers/...}) and direct
 * ({@code /api/customers/...}) with the same handlers. Whom they act for comes only from the verified app-proxy
 * signature or session token ({@link StorefrontIdentity}); no endpoint takes a customer id from the path, query or
 * body.
 */
@Path("/{entry: proxy|api}/customers")
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontCustomerResource {

    private final StorefrontIdentity identity;
    private final CustomerService customers;

    public StorefrontCustomerResource(StorefrontIdentity identity, CustomerService customers) {
        this.identity = identity;
        this.customers = customers;
    }

    @GET
    @Path("/me")
    public Uni<RestResponse<CustomerProfile>> me() {
        return customers.signedIn(identity.customer())
                .map(customer -> RestResponse.ResponseBuilder.ok(CustomerProfile.of(customer))
                        // personal data: neither the browser nor any shared cache between may keep it
                        .header("Cache-Control", "private, no-store")
                        .build());
    }
}
