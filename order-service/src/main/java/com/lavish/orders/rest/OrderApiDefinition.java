package com.lavish.orders.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.lavish.edge.problem.Problem;

/**
 * order-service's part of the storefront API document ({@code /q/openapi}): its info, and the 401 and 429 answers
 * every order path shares. No {@code @ApplicationPath}: the resources keep their paths.
 */
@OpenAPIDefinition(
        info = @Info(title = "Lavish storefront API: orders", version = "1.0",
                description = "The signed-in customer's orders. {entry} is proxy (through Shopify's app proxy, signed "
                        + "query parameters) or api (direct, Authorization: Bearer with a token from "
                        + "POST /proxy/session). Ids and money are JSON strings: Shopify's ids pass 2^53, and amounts "
                        + "are exact decimals in the order's currency. Errors are RFC 9457 application/problem+json."),
        components = @Components(responses = {
                @APIResponse(name = "unauthorized", responseCode = "401", description = "No signed-in customer: an "
                        + "anonymous visitor, a missing, stale or wrong app-proxy signature, or a missing or invalid "
                        + "session token",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "unauthorized", value = "{\"type\":\"about:blank\","
                                        + "\"title\":\"Unauthorized\",\"status\":401,"
                                        + "\"detail\":\"log in to the storefront to use this path\"}"))),
                @APIResponse(name = "tooManyRequests", responseCode = "429",
                        description = "Too many requests from this customer or address",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                                schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "tooManyRequests", value = "{\"type\":"
                                        + "\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                                        + "\"detail\":\"too many requests; try again in 30 s\"}")))}))
public class OrderApiDefinition extends Application {
}
