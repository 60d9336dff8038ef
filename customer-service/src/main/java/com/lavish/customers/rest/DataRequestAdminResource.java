package com.lavish.customers.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.lavish.consumer.admin.AdminRole;
import com.lavish.customers.service.DataRequestExports;
import com.lavish.edge.problem.ProblemException;

import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;

/**
 * The shop owner's side of Shopify's customers/data_request (admin credential, ADR 0006). Each service that holds
 * customer data serves its part under {@code /admin/<its family>/privacy/data-requests/{id}/export}, so the
 * gateway routes each by its prefix ({@code /admin/customers} here, {@code /admin/orders} for order-service); the
 * request id is the ce_id, the same in every service.
 */
@Path("/admin/customers/privacy/data-requests")
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
public class DataRequestAdminResource {

    static final int MAX_LIMIT = 500;

    private final DataRequestExports exports;

    public DataRequestAdminResource(DataRequestExports exports) {
        this.exports = exports;
    }

    /** The data requests received, newest first; {@code ?shop=} narrows them to one shop. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<DataRequestSummary>> list(@RestQuery String shop, @RestQuery Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ProblemException.badRequest("limit", "limit is 1 to " + MAX_LIMIT);
        }
        return exports.newest(shop, limit == null ? 100 : limit)
                .map(requests -> requests.stream().map(DataRequestSummary::of).toList());
    }

    /** Everything this service holds about the request's customer; fetching it completes the request. */
    @GET
    @Path("/{id}/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<CustomerDataExport>> export(@RestPath String id) {
        // personal data: no browser or shared cache may keep it
        return exports.export(id).map(export -> RestResponse.ResponseBuilder.ok(CustomerDataExport.of(export))
                .header("Cache-Control", "no-store")
                .build());
    }
}
