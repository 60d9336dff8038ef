package com.lavish.customers.rest;

import com.lavish.customers.service.StorefrontCustomers;
import com.lavish.edge.caching.CacheDirectives;
import com.lavish.edge.identity.StorefrontIdentity;
import com.lavish.edge.problem.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The storefront's customer endpoints, through Shopify's app proxy ({@code /proxy/customers/...}) and direct
 * ({@code /api/customers/...}) with the same handlers. Whom they act for comes only from the verified app-proxy
 * signature or session token ({@link StorefrontIdentity}); no endpoint takes a customer id from the path, query or
 * body. Every path needs a signed-in customer ({@code @Authenticated}); its answers are personal data, which neither
 * the browser nor any shared cache between may keep.
 */
@Path("/{entry: proxy|api}/customers")
@Authenticated
@CacheDirectives("private, no-store")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "The signed-in storefront customer")
public class StorefrontCustomerResource {

    private final StorefrontIdentity identity;
    private final StorefrontCustomers customers;

    public StorefrontCustomerResource(StorefrontIdentity identity, StorefrontCustomers customers) {
        this.identity = identity;
        this.customers = customers;
    }

    @GET
    @Path("/me")
    @Operation(
            operationId = "customerProfile",
            summary = "The signed-in customer's profile",
            description = "Acts for the customer of the app-proxy signature (/proxy/...) or of the session token "
                    + "(/api/...); never for an id in the request. Ids are JSON strings: Shopify's ids pass 2^53. "
                    + "Answered with Cache-Control: private, no-store.")
    @APIResponse(
            responseCode = "200",
            description = "The profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CustomerProfile.class),
                            examples =
                                    @ExampleObject(
                                            name = "profile",
                                            summary = "A customer with one address",
                                            value = PROFILE_EXAMPLE)))
    @APIResponse(
            responseCode = "404",
            description = "The customer has no record here yet",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "notFound",
                                            value =
                                                    "{\"type\":\"about:blank\","
                                                            + "\"title\":\"Not Found\",\"status\":404,"
                                                            + "\"detail\":\"there is no customer record for this account yet\"}")))
    public Uni<RestResponse<CustomerProfile>> me() {
        return customers.signedIn(identity.customer()).map(customer -> RestResponse.ok(CustomerProfile.of(customer)));
    }

    /** One address, as it appears both in "addresses" and as "default_address". */
    private static final String ADDRESS_EXAMPLE = """
            {
              "id": "9007199254740993",
              "first_name": "Bob",
              "last_name": "Norman",
              "company": null,
              "address1": "12 Example Street",
              "address2": null,
              "city": "Sydney",
              "province": "New South Wales",
              "province_code": "NSW",
              "country": "Australia",
              "country_code": "AU",
              "zip": "2000",
              "phone": "+61412345678",
              "is_default": true
            }""";

    static final String PROFILE_EXAMPLE = """
            {
              "id": "706405506930370084",
              "admin_graphql_api_id": "gid://shopify/Customer/706405506930370084",
              "email": "bob.norman@example.com",
              "first_name": "Bob",
              "last_name": "Norman",
              "phone": "+61412345678",
              "state": "enabled",
              "verified_email": true,
              "currency": "AUD",
              "email_marketing_state": "subscribed",
              "sms_marketing_state": "not_subscribed",
              "orders_count": 3,
              "total_spent": { "amount": "149.85", "currency": "AUD" },
              "created_at": "2024-03-01T02:15:47Z",
              "updated_at": "2025-01-20T09:41:03Z",
              "addresses": [""" + ADDRESS_EXAMPLE + """
            ],
              "default_address":""" + ADDRESS_EXAMPLE + """
            }""";
}
