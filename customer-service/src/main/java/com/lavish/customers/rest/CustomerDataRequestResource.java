package com.lavish.customers.rest;

import com.lavish.consumer.privacy.DataRequest;
import com.lavish.consumer.privacy.DataRequests;
import com.lavish.consumer.privacy.rest.DataRequestAdminResource;
import com.lavish.customers.repository.CustomerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;

/**
 * customer-service's part of Shopify's customers/data_request for the shop owner (admin credential, ADR 0006):
 * the list of requests and, for one, everything this service holds about the customer.
 */
@Path("/admin/customers/privacy/data-requests")
public class CustomerDataRequestResource extends DataRequestAdminResource<CustomerDataExport> {

    private final CustomerRepository customers;

    public CustomerDataRequestResource(DataRequests dataRequests, CustomerRepository customers) {
        super(dataRequests);
        this.customers = customers;
    }

    @Override
    protected Uni<CustomerDataExport> exportOf(DataRequest request) {
        return customers
                .findWithAddresses(request.shop(), request.customerId())
                .map(customer -> CustomerDataExport.of(request, customer));
    }
}
