package com.lavish.orders.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.consumer.privacy.DataRequest;
import com.lavish.orders.CustomerOrder;
import java.util.List;

/**
 * order-service's part of a customers/data_request export: every order of the customer it holds, as the storefront
 * shows one (numbers, dates, statuses, totals, lines, shipping address, fulfillments). Redacted and deleted orders
 * are there with what is left of them.
 *
 * @param service     which service's data this is; each service that holds customer data exports its own part
 * @param dataRequest the request
 * @param orders      oldest first; empty when this service holds no order of the customer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderDataExport(String service, DataRequest dataRequest, List<OrderDetail> orders) {

    public static final String SERVICE = "order-service";

    static OrderDataExport of(DataRequest request, List<CustomerOrder> orders) {
        return new OrderDataExport(
                SERVICE, request, orders.stream().map(OrderDetail::of).toList());
    }
}
