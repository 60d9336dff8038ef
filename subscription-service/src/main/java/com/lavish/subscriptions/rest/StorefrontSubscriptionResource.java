package com.lavish.subscriptions.rest;

import com.lavish.edge.caching.CacheDirectives;
import com.lavish.edge.identity.StorefrontIdentity;
import com.lavish.edge.problem.Problem;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.service.ContractActions;
import com.lavish.subscriptions.service.ContractChangeRequest;
import com.lavish.subscriptions.service.StoredAnswer;
import com.lavish.subscriptions.service.StorefrontSubscriptions;
import com.lavish.subscriptions.service.SubscriptionView;
import com.lavish.subscriptions.service.SyncCommandRelay;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The signed-in customer's subscriptions, through Shopify's app proxy ({@code /proxy/subscriptions}) and direct
 * ({@code /api/subscriptions}, session token) with the same handlers. Whose contracts comes only from the verified
 * signature or token ({@link StorefrontIdentity}). Actions are commands to Shopify (through sync-service): the answer
 * is 202 with the change pending, confirmed later by Shopify. Every path needs a signed-in customer
 * ({@code @Authenticated}); every answer is {@code Cache-Control: private, no-store}.
 */
@Path("/{entry: proxy|api}/subscriptions")
@Authenticated
@CacheDirectives("private, no-store")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "The signed-in storefront customer's subscriptions")
public class StorefrontSubscriptionResource {

    private static final String CONTRACT_ID = "[0-9]{1,18}";
    private static final String CONTRACT_ID_RULE = "a subscription id is digits, such as 402440842";

    private final StorefrontIdentity identity;
    private final StorefrontSubscriptions subscriptions;
    private final ContractActions actions;
    private final SyncCommandRelay relay;

    public StorefrontSubscriptionResource(
            StorefrontIdentity identity,
            StorefrontSubscriptions subscriptions,
            ContractActions actions,
            SyncCommandRelay relay) {
        this.identity = identity;
        this.subscriptions = subscriptions;
        this.actions = actions;
        this.relay = relay;
    }

    /** The list's wrapper. */
    public record SubscriptionList(List<SubscriptionView> subscriptions) {}

    @GET
    @Operation(
            operationId = "listSubscriptions",
            summary = "The signed-in customer's subscriptions, newest first",
            description = "Each with its status (and a change still waiting for Shopify), next billing date and next "
                    + "delivery, plan and the plans of its group it may change to, lines, delivery address, and its "
                    + "billing: failed attempts, the next retry and the latest steps.")
    @APIResponse(
            responseCode = "200",
            description = "The subscriptions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionList.class),
                            examples =
                                    @ExampleObject(
                                            name = "subscriptions",
                                            value = "{\"subscriptions\":[" + VIEW_EXAMPLE + "]}")))
    public Uni<RestResponse<SubscriptionList>> list(
            @Parameter(
                            name = "entry",
                            in = ParameterIn.PATH,
                            description = "proxy or api",
                            schema = @Schema(enumeration = {"proxy", "api"}))
                    @PathParam("entry")
                    String entry) {
        return subscriptions.mine(identity.customer()).map(found -> RestResponse.ok(new SubscriptionList(found)));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "subscriptionById",
            summary = "One of the signed-in customer's subscriptions",
            description = "A contract id that is not one of this customer's is a 404, whoever else has it.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class),
                            examples = @ExampleObject(name = "subscription", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "badId")
    @APIResponse(responseCode = "404", ref = "notYours")
    public Uni<RestResponse<SubscriptionView>> one(
            @PathParam("entry") String entry,
            @Parameter(description = "The contract id", example = "402440842")
                    @PathParam("id")
                    @Pattern(regexp = CONTRACT_ID, message = CONTRACT_ID_RULE)
                    String id) {
        return subscriptions.one(identity.customer(), contractId(id)).map(RestResponse::ok);
    }

    @POST
    @Path("/{id}/{action: pause|resume|skip|unskip|cancel}")
    @Operation(
            operationId = "subscriptionAction",
            summary = "Pause, resume, skip or unskip the next delivery, cancel",
            description = "Sent to Shopify through sync-service. The answer is 202 with the subscription showing the "
                    + "change in `pending`; once Shopify confirms it the status changes and `pending` is gone, and if "
                    + "Shopify refuses it `last_action` carries its message. Skip takes the next delivery not skipped "
                    + "yet, unskip the earliest skipped one. Send an `Idempotency-Key` to make a retry safe: a repeat "
                    + "with the same key gets the first answer and changes nothing; the same key with another "
                    + "request is a 422.")
    @APIResponse(
            responseCode = "202",
            description = "Sent to Shopify; the change is pending",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class),
                            examples = @ExampleObject(name = "pausing", value = PENDING_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "badId")
    @APIResponse(responseCode = "404", ref = "notYours")
    @APIResponse(responseCode = "409", ref = "forbiddenByStatus")
    @APIResponse(responseCode = "422", ref = "keyReused")
    public Uni<RestResponse<String>> act(
            @PathParam("entry") String entry,
            @PathParam("id") @Pattern(regexp = CONTRACT_ID, message = CONTRACT_ID_RULE) String id,
            @Parameter(description = "pause, resume, skip, unskip or cancel") @PathParam("action") String action,
            @Parameter(description = "Makes a retry of this request safe (a UUID, say)") @HeaderParam("Idempotency-Key")
                    String idempotencyKey) {
        return answer(actions.request(
                identity.customer(), contractId(id), ContractActionType.of(action), null, idempotencyKey));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeSubscription",
            summary = "Change frequency, quantity or delivery address",
            description = "Frequency: `selling_plan_id`, one of `plan.alternatives` (another plan of the same group). "
                    + "Quantity: `quantity` (1 to 100) of `line_id` (may be left out for a one-line subscription). "
                    + "Address: `delivery_address`. Sent to Shopify like the other actions: 202 with the change "
                    + "pending.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContractChangeRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "everyTwoMonths",
                                            value = "{\"selling_plan_id\":\"690875515\"," + "\"quantity\":2}")))
    @APIResponse(
            responseCode = "202",
            description = "Sent to Shopify; the change is pending",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A field that cannot be: it is named in `field`",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "badPlan",
                                            value =
                                                    "{\"type\":\"about:blank\",\"title\":"
                                                            + "\"Bad Request\",\"status\":400,\"detail\":\"selling_plan_id must be another plan of "
                                                            + "this subscription's group (see plan.alternatives)\",\"field\":\"selling_plan_id\"}")))
    @APIResponse(responseCode = "404", ref = "notYours")
    @APIResponse(responseCode = "409", ref = "forbiddenByStatus")
    @APIResponse(responseCode = "422", ref = "keyReused")
    public Uni<RestResponse<String>> change(
            @PathParam("entry") String entry,
            @PathParam("id") @Pattern(regexp = CONTRACT_ID, message = CONTRACT_ID_RULE) String id,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid ContractChangeRequest change) {
        return answer(actions.request(
                identity.customer(), contractId(id), ContractActionType.UPDATE, change, idempotencyKey));
    }

    /** The stored answer as it was given; its command goes to sync.commands before the answer leaves. */
    private Uni<RestResponse<String>> answer(Uni<StoredAnswer> work) {
        return work.call(relay::relayQuietly)
                .map(stored -> RestResponse.ResponseBuilder.<String>create(stored.status())
                        .entity(stored.body())
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build());
    }

    /** The path's id, its form checked as the request came in. */
    private static long contractId(String id) {
        return Long.parseLong(id);
    }

    static final String VIEW_EXAMPLE = """
            {
              "id": "402440842",
              "admin_graphql_api_id": "gid://shopify/SubscriptionContract/402440842",
              "status": "active",
              "pending": null,
              "last_action": {"action": "skip", "state": "confirmed", "message": null,
                "requested_at": "2026-07-01T02:00:00Z", "completed_at": "2026-07-01T02:00:03Z"},
              "next_billing_date": "2026-08-01T00:00:00Z",
              "next_delivery": "2026-09-01T00:00:00Z",
              "skipped_cycles": ["2026-08-01"],
              "currency_code": "AUD",
              "billing_policy": {"interval": "month", "interval_count": 1, "min_cycles": null, "max_cycles": null},
              "delivery_policy": {"interval": "month", "interval_count": 1, "min_cycles": null, "max_cycles": null},
              "plan": {"id": "690875514", "name": "Monthly book box, 10% off", "group_id": "1039518917",
                "group_name": "Book box", "alternatives": [{"id": "690875515", "name": "Every 3 months",
                "interval": "month", "interval_count": 3}]},
              "lines": [{"id": "gid://shopify/SubscriptionLine/5d3e0b6c-3a1b-4c8e-9f7a-1b2c3d4e5f60",
                "product_id": "788032119674292922", "variant_id": "39072856", "title": "Monthly book box",
                "variant_title": "Fiction", "sku": "BOX-FICTION", "quantity": 1, "price": "53.91",
                "currency_code": "AUD", "selling_plan_id": "690875514",
                "selling_plan_name": "Monthly book box, 10% off"}],
              "delivery_address": {"first_name": "Ada", "last_name": "Reader", "address1": "88 George Street",
                "address2": null, "city": "Sydney", "province_code": "NSW", "country_code": "AU", "zip": "2000",
                "phone": "+61 2 5550 0123"},
              "billing": {"failed_attempts": 0, "next_retry_at": null,
                "last_attempt": {"state": "succeeded", "cycle_date": "2026-07-01", "attempt_number": 1,
                  "amount": "53.91", "currency_code": "AUD", "error_code": null, "error_message": null,
                  "requested_at": "2026-07-01T00:05:00Z", "completed_at": "2026-07-01T00:05:09Z"},
                "steps": [{"step": "billed", "path": null, "cycle_date": "2026-07-01", "attempt_number": 1,
                  "error_code": null, "message": null, "next_retry_at": null,
                  "occurred_at": "2026-07-01T00:05:09Z"}]}
            }""";

    static final String PENDING_EXAMPLE = """
            {
              "id": "402440842",
              "status": "active",
              "pending": {"action": "pause", "requested_at": "2026-07-02T09:30:00Z"},
              "last_action": {"action": "pause", "state": "pending", "message": null,
                "requested_at": "2026-07-02T09:30:00Z", "completed_at": null},
              "next_billing_date": "2026-08-01T00:00:00Z"
            }""";
}
