package com.lavish.edge.openapi;

import com.lavish.edge.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every storefront operation shares, documented once for all of them rather than by each resource: 401
 * (no signed-in customer where the path needs one, or a refused signature or token), 429 (over a rate limit, with
 * {@code Retry-After}) and, where the operation takes parameters or a body, 400 naming the field. All are
 * {@code application/problem+json}. Its successful answers get their {@code Cache-Control} header
 * ({@link StorefrontCacheControl}). Running it again adds nothing twice, so a service's own filter that adds paths
 * after it may run it once more. A storefront operation is one under {@code /proxy/}, {@code /api/}, or the
 * services' {@code /{entry}/} template for both; its own 400, when it documents one with a more telling example, is
 * kept. Found by Quarkus in every service with an OpenAPI document ({@link OpenApiFilter}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StorefrontProblemAnswers implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String PROXY = "/proxy/";
    private static final String API = "/api/";
    private static final String ENTRY = "/{entry}/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean any = false;
        for (Map.Entry<String, org.eclipse.microprofile.openapi.models.PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            String name = path.getKey();
            boolean proxy = name.startsWith(PROXY) || name.startsWith(ENTRY);
            boolean api = name.startsWith(API) || name.startsWith(ENTRY);
            if (!proxy && !api) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                document(operation, proxy, api);
                any = true;
            }
        }
        if (any) {
            problemSchema(openAPI);
        }
    }

    private static void document(Operation operation, boolean proxy, boolean api) {
        // a copy: an operation may share its responses with another path's (a template expanded into two)
        APIResponses responses = OASFactory.createAPIResponses();
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach(responses::addAPIResponse);
        }
        if (!responses.hasAPIResponse("400") && takesInput(operation)) {
            responses.addAPIResponse(
                    "400",
                    problem(
                            "A parameter, header or body field that cannot be, named in " + "`field`",
                            Map.of(
                                    "badRequest",
                                    example(400, "Bad Request", "limit must be between 1 and 50", "limit"))));
        }
        responses.addAPIResponse("401", unauthorized(proxy, api));
        responses.addAPIResponse(
                "429",
                problem(
                                "Too many requests from this customer or address",
                                Map.of(
                                        "tooManyRequests",
                                        example(
                                                429,
                                                "Too Many Requests",
                                                "too many requests; try again in 12 s",
                                                null)))
                        .addHeader(
                                "Retry-After",
                                OASFactory.createHeader()
                                        .description("Seconds to wait before trying again")
                                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        StorefrontCacheControl.document(responses);
        operation.setResponses(responses);
    }

    private static boolean takesInput(Operation operation) {
        return operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(p -> !"entry".equals(p.getName())));
    }

    private static APIResponse unauthorized(boolean proxy, boolean api) {
        Map<String, Example> examples = new LinkedHashMap<>();
        String description;
        if (proxy && !api) {
            description = "No signed-in customer where the path needs one, or not a current app-proxy request "
                    + "(a missing, stale or wrong signature)";
            examples.put(
                    "unauthorized", example(401, "Unauthorized", "log in to the storefront to use this path", null));
        } else if (api && !proxy) {
            description = "No session token where the path needs one, or a refused one; with a bearer challenge";
            examples.put(
                    "unauthorized",
                    example(
                            401,
                            "Unauthorized",
                            "send a session token from POST /proxy/session as Authorization: Bearer",
                            null));
        } else {
            description = "No signed-in customer where the path needs one, a missing, stale or wrong app-proxy "
                    + "signature (proxy), or a missing or refused session token (api, with a bearer challenge)";
            examples.put(
                    "unauthorized", example(401, "Unauthorized", "log in to the storefront to use this path", null));
        }
        if (proxy) {
            examples.put(
                    "badSignature",
                    example(
                            401,
                            "Unauthorized",
                            "the request is not a current Shopify "
                                    + "app-proxy request: its signature is missing, wrong or no longer fresh",
                            null));
        }
        if (api) {
            examples.put(
                    "invalidToken",
                    example(
                            401,
                            "Unauthorized",
                            "the session token is invalid or expired; get a new one from /proxy/session",
                            null));
        }
        APIResponse response = problem(description, examples);
        if (api) {
            response.addHeader(
                    "WWW-Authenticate",
                    OASFactory.createHeader()
                            .description(
                                    "On /api/...: Bearer realm=\"lavish-storefront\", with error=\"invalid_token\" "
                                            + "when a token was sent")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        return response;
    }

    private static APIResponse problem(String description, Map<String, Example> examples) {
        var media =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        examples.forEach(media::addExample);
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
    }

    private static Example example(int status, String title, String detail, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.BLANK.toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        return OASFactory.createExample().value(body);
    }

    /** The Problem schema the answers point at, when no resource's annotations brought it already. */
    private static void problemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() != null && components.getSchemas().containsKey("Problem")) {
            return;
        }
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema(
                "Problem",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .description("An RFC 9457 problem detail")
                        .required(List.of("type", "title", "status", "detail"))
                        .addProperty("type", text)
                        .addProperty("title", text)
                        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                        .addProperty("detail", text)
                        .addProperty(
                                "field",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .description("The request part at fault, when there is one")));
    }
}
