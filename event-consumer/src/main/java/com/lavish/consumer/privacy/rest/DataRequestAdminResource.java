package com.lavish.consumer.privacy.rest;

import com.lavish.consumer.admin.AdminRole;
import com.lavish.consumer.privacy.DataRequest;
import com.lavish.consumer.privacy.DataRequests;
import com.lavish.edge.problem.QueryNumbers;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The shop owner's side of Shopify's customers/data_request (admin credential, ADR 0006). Each service that holds
 * customer data extends this with its {@code @Path("/admin/<its family>/privacy/data-requests")}, so the gateway
 * routes each by its prefix, and says what its part of the export holds; the request id is the ce_id, the same in
 * every service.
 *
 * @param <E> the service's part of the export
 */
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
public abstract class DataRequestAdminResource<E> {

    private final DataRequests dataRequests;

    protected DataRequestAdminResource(DataRequests dataRequests) {
        this.dataRequests = dataRequests;
    }

    /** The data requests received, newest first; {@code ?shop=} narrows them to one shop. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<DataRequest>> list(@RestQuery String shop, @RestQuery("limit") String limitParameter) {
        Long limit = QueryNumbers.optional(
                limitParameter, "limit", 1, DataRequests.MAX_LIMIT, "limit is 1 to " + DataRequests.MAX_LIMIT);
        return dataRequests.newest(shop, limit == null ? null : limit.intValue());
    }

    /** Everything this service holds about the request's customer; fetching it completes the request. */
    @GET
    @Path("/{id}/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<E>> export(@RestPath String id) {
        // personal data: no browser or shared cache may keep it
        return dataRequests
                .export(id, this::exportOf)
                .map(export -> RestResponse.ResponseBuilder.ok(export)
                        .header("Cache-Control", "no-store")
                        .build());
    }

    /** The service's part of the export of the (completed) request, read in the export's transaction. */
    protected abstract Uni<E> exportOf(DataRequest request);
}
