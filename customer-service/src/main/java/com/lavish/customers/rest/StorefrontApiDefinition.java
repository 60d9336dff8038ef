package com.lavish.customers.rest;

import com.lavish.edge.openapi.StorefrontProblemAnswers;
import jakarta.ws.rs.core.Application;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The storefront API's OpenAPI document ({@code /q/openapi}): its info and the two ways a storefront request says
 * whom it acts for. No {@code @ApplicationPath}: the resources keep their paths.
 *
 * <p>{@link StorefrontPaths} (registered with {@code mp.openapi.filter}) turns each {@code /{entry}/...} path, which
 * is how SmallRye renders the resources' {@code /{entry: proxy|api}/...} template, into the two paths a caller can
 * use, {@code /proxy/...} and {@code /api/...}, each with the security it really needs; and documents
 * {@code POST /proxy/session}, whose resource lives in service-edge without the OpenAPI annotations on its class path.
 * The 400, 401 and 429 answers come from service-edge's {@link StorefrontProblemAnswers}, as in every service.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Lavish storefront API",
                        version = "1.0",
                        description = "The storefront's customer and address-form endpoints. /proxy/... comes through "
                                + "Shopify's app proxy (signed query parameters); /api/... is called directly with a session "
                                + "token from POST /proxy/session. Ids are JSON strings (Shopify's pass 2^53). Every error "
                                + "is an RFC 9457 application/problem+json body."))
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = StorefrontApiDefinition.APP_PROXY,
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.QUERY,
            apiKeyName = "signature",
            description = "Shopify's app-proxy signature. Shopify adds shop, path_prefix, timestamp, "
                    + "logged_in_customer_id and signature to the query: signature is the lowercase hex "
                    + "HMAC-SHA256, keyed with the app's client secret, of every other query parameter "
                    + "(key=value, repeated values joined with commas, sorted, no separator). It must be fresh; "
                    + "an empty logged_in_customer_id is an anonymous visitor."),
    @SecurityScheme(
            securitySchemeName = StorefrontApiDefinition.BEARER,
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            bearerFormat = "JWT",
            description = "A session token from POST /proxy/session, sent as Authorization: Bearer on /api/...")
})
public class StorefrontApiDefinition extends Application {

    static final String APP_PROXY = "appProxySignature";
    static final String BEARER = "sessionToken";

    /** Expands the prefix template into usable paths and documents the session endpoint. */
    public static class StorefrontPaths implements OASFilter {

        private static final String ENTRY = "{entry}";

        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            Paths paths = openAPI.getPaths();
            if (paths == null || paths.getPathItems() == null) {
                return;
            }
            Map<String, PathItem> expanded = new LinkedHashMap<>();
            paths.getPathItems().forEach((path, item) -> {
                if (path.startsWith("/" + ENTRY + "/")) {
                    String rest = path.substring(ENTRY.length() + 1);
                    expanded.put("/proxy" + rest, copy(item, "proxy", rest));
                    expanded.put("/api" + rest, copy(item, "api", rest));
                } else {
                    expanded.put(path, item);
                }
            });
            PathItem session = expanded.get("/proxy/session");
            if (session != null && session.getPOST() != null) {
                document(session.getPOST());
            }
            paths.setPathItems(expanded);
            // the answers every storefront path shares, now on each expanded path with its own 401
            new StorefrontProblemAnswers().filterOpenAPI(openAPI);
        }

        private static PathItem copy(PathItem item, String entry, String rest) {
            PathItem copy =
                    OASFactory.createPathItem().summary(item.getSummary()).description(item.getDescription());
            item.getOperations().forEach((method, op) -> {
                Operation o = OASFactory.createOperation()
                        .summary(op.getSummary())
                        .description(op.getDescription())
                        .tags(op.getTags() == null ? null : new ArrayList<>(op.getTags()))
                        .operationId(op.getOperationId() == null ? null : op.getOperationId() + "_" + entry)
                        .responses(op.getResponses());
                if (op.getParameters() != null) {
                    List<Parameter> kept = op.getParameters().stream()
                            .filter(p -> !"entry".equals(p.getName()))
                            .toList();
                    o.setParameters(kept.isEmpty() ? null : new ArrayList<>(kept));
                }
                if ("proxy".equals(entry)) {
                    o.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(APP_PROXY)));
                } else if (rest.startsWith("/customers")) {
                    o.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
                }
                // /api/locations/...: public; an Authorization header is optional, but an invalid one is a 401
                copy.setOperation(method, o);
            });
            return copy;
        }

        private static void document(Operation post) {
            post.summary("A session token for the direct API")
                    .description("The app-proxy-verified, signed-in customer gets a bearer token for /api/...; "
                            + "answered with Cache-Control: no-store and Pragma: no-cache.")
                    .operationId("issueSession")
                    .tags(new ArrayList<>(List.of("Session")))
                    .security(new ArrayList<SecurityRequirement>(
                            List.of(OASFactory.createSecurityRequirement().addScheme(APP_PROXY))));
            Schema token = OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .addProperty(
                            "token",
                            OASFactory.createSchema()
                                    .type(List.of(Schema.SchemaType.STRING))
                                    .description("The signed JWT"))
                    .addProperty(
                            "token_type",
                            OASFactory.createSchema()
                                    .type(List.of(Schema.SchemaType.STRING))
                                    .description("Always Bearer"))
                    .addProperty(
                            "expires_in",
                            OASFactory.createSchema()
                                    .type(List.of(Schema.SchemaType.INTEGER))
                                    .format("int64")
                                    .description("Seconds until the token expires"));
            post.responses(OASFactory.createAPIResponses()
                    .addAPIResponse(
                            "200",
                            OASFactory.createAPIResponse()
                                    .description("The session token")
                                    .content(OASFactory.createContent()
                                            .addMediaType(
                                                    "application/json",
                                                    OASFactory.createMediaType()
                                                            .schema(token)
                                                            .addExample(
                                                                    "session",
                                                                    OASFactory.createExample()
                                                                            .value(Map.of(
                                                                                    "token",
                                                                                            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3MDY0MDU1MDY5MzAzNzAwODQifQ.c2ln",
                                                                                    "token_type", "Bearer",
                                                                                    "expires_in", 600)))))));
        }
    }
}
