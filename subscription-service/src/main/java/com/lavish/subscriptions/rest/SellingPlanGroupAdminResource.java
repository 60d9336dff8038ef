package com.lavish.subscriptions.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.consumer.admin.AdminRole;
import com.lavish.edge.validation.ShopifyId;
import com.lavish.subscriptions.service.SellingPlanCatalogue;
import com.lavish.subscriptions.service.SellingPlanGroupRequest;
import com.lavish.subscriptions.service.SellingPlanGroupView;
import com.lavish.subscriptions.service.SyncCommandRelay;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The admin's selling plan groups (admin credential, ADR 0006): create one with its plans and products (202: it is
 * pending until Shopify confirms it through sync-service, then live with Shopify's ids), list and read them, add
 * products to and remove them from a live group.
 */
@Path("/admin/subscriptions/selling-plan-groups")
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Selling plan groups (admin)")
public class SellingPlanGroupAdminResource {

    private final SellingPlanCatalogue catalogue;
    private final SyncCommandRelay relay;

    public SellingPlanGroupAdminResource(SellingPlanCatalogue catalogue, SyncCommandRelay relay) {
        this.catalogue = catalogue;
        this.relay = relay;
    }

    /** The products to add. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProductIds(
            @NotEmpty(message = "name at least one product id")
            List<
                            @NotNull(message = SellingPlanGroupRequest.PRODUCT_ID_RULE)
                            @ShopifyId(message = SellingPlanGroupRequest.PRODUCT_ID_RULE) String>
                    productIds) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createSellingPlanGroup",
            summary = "Create a selling plan group in Shopify",
            description = "Stored as pending and sent to Shopify (SELLING_PLAN_GROUP_CREATE); live, with Shopify's "
                    + "group and plan ids, once sync-service confirms it. With an Idempotency-Key, a repeat answers "
                    + "the group the key made and sends nothing again.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SellingPlanGroupRequest.class),
                            examples = @ExampleObject(name = "bookBox", value = """
                    {"shop": "lavish-library.myshopify.com", "name": "Book box", "options": ["Delivery every"],
                     "plans": [{"name": "Monthly book box, 10% off", "option": "1 month", "interval": "month",
                                "interval_count": 1, "percentage_off": 10},
                               {"name": "Every 3 months", "option": "3 months", "interval": "month",
                                "interval_count": 3}],
                     "product_ids": ["788032119674292922"]}""")))
    @APIResponse(
            responseCode = "202",
            description = "Pending: sent to Shopify",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SellingPlanGroupView.class)))
    @APIResponse(responseCode = "400", description = "A field that cannot be, named in `field`")
    public Uni<RestResponse<SellingPlanGroupView>> create(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull(message = "send the group as JSON") SellingPlanGroupRequest request) {
        return catalogue
                .create(request, idempotencyKey)
                .call(relay::relayQuietly)
                .map(group -> RestResponse.status(RestResponse.Status.ACCEPTED, group));
    }

    @GET
    @Operation(operationId = "listSellingPlanGroups", summary = "The selling plan groups, newest first")
    public Uni<List<SellingPlanGroupView>> list(@RestQuery String shop) {
        return catalogue.list(shop);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "sellingPlanGroup", summary = "One selling plan group, by this service's id")
    public Uni<SellingPlanGroupView> get(@RestPath long id) {
        return catalogue.get(id);
    }

    @POST
    @Path("/{id}/products")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addSellingPlanGroupProducts",
            summary = "Add products to a live group",
            description = "The products show as adding until Shopify confirms them. 409 while the group is not live.")
    public Uni<RestResponse<SellingPlanGroupView>> addProducts(
            @RestPath long id, @Valid @NotNull(message = "name at least one product id") ProductIds body) {
        return catalogue
                .addProducts(id, body.productIds())
                .call(relay::relayQuietly)
                .map(group -> RestResponse.status(RestResponse.Status.ACCEPTED, group));
    }

    @DELETE
    @Path("/{id}/products/{productId}")
    @Operation(operationId = "removeSellingPlanGroupProduct", summary = "Remove a product from a live group")
    public Uni<RestResponse<SellingPlanGroupView>> removeProduct(@RestPath long id, @RestPath long productId) {
        return catalogue
                .removeProduct(id, productId)
                .call(relay::relayQuietly)
                .map(group -> RestResponse.status(RestResponse.Status.ACCEPTED, group));
    }
}
