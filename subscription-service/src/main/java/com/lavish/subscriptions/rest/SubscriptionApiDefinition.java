package com.lavish.subscriptions.rest;

import com.lavish.edge.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * subscription-service's API document ({@code /q/openapi}): its info, and the problem answers of its own that its
 * paths share. The 400, 401 and 429 every storefront path may answer come from service-edge's
 * {@code StorefrontProblemAnswers}, as in every storefront service. No {@code @ApplicationPath}: the resources keep
 * their paths.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Lavish storefront API: subscriptions",
                        version = "1.0",
                        description =
                                "The signed-in customer's subscriptions and what they may do with them, and the admin's "
                                        + "selling plan groups and subscription figures. {entry} is proxy (Shopify's app proxy, signed "
                                        + "query) or api (Authorization: Bearer with a token from POST /proxy/session). Changes go to "
                                        + "Shopify through sync-service: they answer 202 with the change pending. Ids and money are "
                                        + "JSON strings; errors are RFC 9457 application/problem+json."),
        components =
                @Components(
                        responses = {
                            @APIResponse(
                                    name = "badId",
                                    responseCode = "400",
                                    description = "The id is not a contract id",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "badId",
                                                                    value =
                                                                            "{\"type\":\"about:blank\","
                                                                                    + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"a subscription id is "
                                                                                    + "digits, such as 402440842\",\"field\":\"id\"}"))),
                            @APIResponse(
                                    name = "notYours",
                                    responseCode = "404",
                                    description =
                                            "The customer has no subscription with this id (whoever else has one)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "notFound",
                                                                    value =
                                                                            "{\"type\":\"about:blank\","
                                                                                    + "\"title\":\"Not Found\",\"status\":404,\"detail\":\"you have no "
                                                                                    + "subscription with the id 402440842\"}"))),
                            @APIResponse(
                                    name = "forbiddenByStatus",
                                    responseCode = "409",
                                    description =
                                            "The subscription's status, or a change still waiting for Shopify, forbids it",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "alreadyPaused",
                                                                    value =
                                                                            "{\"type\":\"about:blank\","
                                                                                    + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"the subscription is "
                                                                                    + "paused; only an active subscription can be paused\"}"))),
                            @APIResponse(
                                    name = "keyReused",
                                    responseCode = "422",
                                    description = "The Idempotency-Key was used for another request",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "keyReused",
                                                                    value =
                                                                            "{\"type\":\"about:blank\","
                                                                                    + "\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"this "
                                                                                    + "Idempotency-Key was used for another request; use a new key for a new "
                                                                                    + "request\",\"field\":\"Idempotency-Key\"}")))
                        }))
public class SubscriptionApiDefinition extends Application {}
