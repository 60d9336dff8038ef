package com.lavish.customers.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.customers.Customer;
import com.lavish.customers.PrivacyRequestRecord;
import com.lavish.customers.repository.CustomerRepository;
import com.lavish.customers.repository.DataRequestRepository;
import com.lavish.edge.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Shopify's customers/data_request, carried out for the shop owner: the requests recorded from shopify.compliance,
 * and for one of them everything this service holds about the customer. Handing the export over completes the
 * request ({@code completed_at}, set once).
 */
@ApplicationScoped
public class DataRequestExports {

    /**
     * @param request  the recorded request, completed
     * @param customer the customer as stored (addresses loaded), or null when this service holds nothing of them
     */
    public record DataRequestExport(PrivacyRequestRecord request, Customer customer) {
    }

    private final DataRequestRepository requests;
    private final CustomerRepository customers;

    public DataRequestExports(DataRequestRepository requests, CustomerRepository customers) {
        this.requests = requests;
        this.customers = customers;
    }

    @WithSession
    public Uni<List<PrivacyRequestRecord>> newest(String shop, int limit) {
        return requests.newest(shop, limit);
    }

    @WithTransaction
    public Uni<DataRequestExport> export(String requestId) {
        return requests.findDataRequest(requestId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "there is no customers/data_request with the id " + requestId))
                .chain(request -> customers.findWithAddresses(request.shopDomain, request.shopifyCustomerId)
                        .map(customer -> {
                            if (request.completedAt == null) {
                                // written when the transaction commits, before the export is sent
                                request.completedAt = Instant.now();
                            }
                            return new DataRequestExport(request, customer);
                        }));
    }
}
