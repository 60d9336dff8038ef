package com.lavish.subscriptions.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.consumer.privacy.DataRequest;
import com.lavish.consumer.privacy.DataRequests;
import com.lavish.consumer.privacy.rest.DataRequestAdminResource;
import com.lavish.subscriptions.repository.ContractRepository;
import com.lavish.subscriptions.service.SubscriptionView;
import com.lavish.subscriptions.service.SubscriptionViews;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * subscription-service's part of Shopify's customers/data_request for the shop owner (admin credential, ADR 0006):
 * the requests, and for one of them the customer's subscriptions as the customer sees them.
 */
@Path("/admin/subscriptions/privacy/data-requests")
public class SubscriptionDataRequestResource
        extends DataRequestAdminResource<SubscriptionDataRequestResource.SubscriptionDataExport> {

    private final ContractRepository contracts;
    private final SubscriptionViews views;

    public SubscriptionDataRequestResource(
            DataRequests dataRequests, ContractRepository contracts, SubscriptionViews views) {
        super(dataRequests);
        this.contracts = contracts;
        this.views = views;
    }

    /** What this service holds about the request's customer. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SubscriptionDataExport(
            String service, DataRequest dataRequest, List<SubscriptionView> subscriptions) {}

    @Override
    protected Uni<SubscriptionDataExport> exportOf(DataRequest request) {
        return contracts
                .allOfCustomer(request.shop(), request.customerId())
                .chain(found -> views.of(request.shop(), found))
                .map(found -> new SubscriptionDataExport("subscription-service", request, found));
    }
}
