package com.lavish.orders.rest;

import com.lavish.consumer.privacy.DataRequest;
import com.lavish.consumer.privacy.DataRequests;
import com.lavish.consumer.privacy.rest.DataRequestAdminResource;
import com.lavish.orders.repository.OrderRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;

/**
 * order-service's part of Shopify's customers/data_request for the shop owner (admin credential, ADR 0006): the
 * list of requests and, for one, the customer's orders this service holds.
 */
@Path("/admin/orders/privacy/data-requests")
public class OrderDataRequestResource extends DataRequestAdminResource<OrderDataExport> {

    private final OrderRepository orders;

    public OrderDataRequestResource(DataRequests dataRequests, OrderRepository orders) {
        super(dataRequests);
        this.orders = orders;
    }

    @Override
    protected Uni<OrderDataExport> exportOf(DataRequest request) {
        return orders.allOfCustomer(request.shop(), request.customerId())
                .map(found -> OrderDataExport.of(request, found));
    }
}
