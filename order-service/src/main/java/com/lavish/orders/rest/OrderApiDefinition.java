package com.lavish.orders.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * order-service's part of the storefront API document ({@code /q/openapi}): its info. The 400, 401 and 429 answers
 * every order path shares come from service-edge's {@code StorefrontProblemAnswers}, as in every storefront service.
 * No {@code @ApplicationPath}: the resources keep their paths.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Lavish storefront API: orders",
                        version = "1.0",
                        description =
                                "The signed-in customer's orders. {entry} is proxy (through Shopify's app proxy, signed "
                                        + "query parameters) or api (direct, Authorization: Bearer with a token from "
                                        + "POST /proxy/session). Ids and money are JSON strings: Shopify's ids pass 2^53, and amounts "
                                        + "are exact decimals in the order's currency. Errors are RFC 9457 application/problem+json."))
public class OrderApiDefinition extends Application {}
