package com.lavish.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.sync.config.AdminApiConfig;
import com.lavish.sync.config.ShopifyAdminConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.graphql.client.GraphQLError;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.graphql.client.impl.ResponseImpl;
import io.smallrye.graphql.client.vertx.dynamic.VertxDynamicGraphQLClientBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP exchange with a shop's Admin GraphQL endpoint, through SmallRye GraphQL's dynamic client (one per shop,
 * with the shop's {@code X-Shopify-Access-Token}). The documents are text ({@link AdminOperation}), so the one list
 * of them is what a test validates against Shopify's schema, and the answer is read whole: {@code data},
 * top-level {@code errors} and {@code extensions.cost}, which the throttle needs from every answer.
 *
 * <p>Sorts what comes back: a GraphQL answer (possibly THROTTLED), a failure worth retrying
 * ({@link AdminApiUnavailableException}: no connection, a timeout, a 5xx, a body that is not GraphQL) or one that
 * is not ({@link AdminApiException}).
 */
@ApplicationScoped
class AdminGraphqlTransport {

    static final String ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token";
    static final String THROTTLED = "THROTTLED";

    /** What came back from one exchange that Shopify answered as GraphQL. */
    record Exchange(JsonNode data, QueryCost cost, boolean throttled) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final ShopifyAdminConfig shopify;
    private final AdminApiConfig config;
    private final Map<String, DynamicGraphQLClient> clients = new ConcurrentHashMap<>();

    AdminGraphqlTransport(Vertx vertx, ShopifyAdminConfig shopify, AdminApiConfig config) {
        this.vertx = vertx;
        this.shopify = shopify;
        this.config = config;
    }

    /** A served shop without an access token would fail every command: the service does not start without one. */
    void requireTokens(@Observes StartupEvent started) {
        for (String shop : shopify.shops()) {
            if (shopify.tokenOf(shop).isEmpty()) {
                throw new IllegalStateException("no Admin API access token for " + shop
                        + ": set SHOPIFY_ADMIN_TOKEN (or shopify.admin-tokens.\"" + shop + "\")");
            }
        }
    }

    Uni<Exchange> send(String shop, AdminOperation operation, ObjectNode variables) {
        DynamicGraphQLClient client;
        try {
            client = clients.computeIfAbsent(shop, this::clientOf);
        } catch (AdminApiException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom()
                .deferred(() -> client.executeAsync(operation.document(), jsonValues(variables)))
                .ifNoItem()
                .after(config.requestTimeout())
                .failWith(() -> new AdminApiUnavailableException(
                        operation.documentName() + " to " + shop + ": no answer within " + config.requestTimeout()))
                .onFailure(failure -> !(failure instanceof AdminApiUnavailableException))
                .transform(failure -> new AdminApiUnavailableException(
                        operation.documentName() + " to " + shop + " failed: " + describe(failure), failure))
                .map(response -> read(shop, operation, response));
    }

    private Exchange read(String shop, AdminOperation operation, Response response) {
        Integer status = response instanceof ResponseImpl impl ? impl.getStatusCode() : null;
        JsonNode extensions =
                tree(response.hasExtensions() ? response.getExtensions().toString() : null);
        QueryCost cost = QueryCost.read(extensions);
        List<GraphQLError> errors = response.getErrors() == null ? List.of() : response.getErrors();
        boolean throttled = (status != null && status == 429)
                || errors.stream().anyMatch(error -> THROTTLED.equals(error.getCode()));
        if (throttled) {
            return new Exchange(null, cost, true);
        }
        if (status != null && status >= 500) {
            throw new AdminApiUnavailableException(operation.documentName() + " to " + shop + ": HTTP " + status);
        }
        if (status != null && status >= 400) {
            throw new AdminApiException(
                    operation.documentName() + " to " + shop + ": HTTP " + status + messages(errors));
        }
        if (!errors.isEmpty()) {
            throw new AdminApiException(operation.documentName() + " to " + shop + ": " + messages(errors));
        }
        return new Exchange(tree(response.hasData() ? response.getData().toString() : null), cost, false);
    }

    private DynamicGraphQLClient clientOf(String shop) {
        String token = shopify.tokenOf(shop)
                .orElseThrow(() ->
                        new AdminApiException(shop + " is not a shop this service has an Admin API access token for"));
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) Math.max(1, config.requestTimeout().toSeconds()));
        return new VertxDynamicGraphQLClientBuilder()
                .vertx(vertx)
                .options(options)
                .url(shopify.graphqlEndpoint(shop))
                .header(ACCESS_TOKEN_HEADER, token)
                .build();
    }

    // Top-level values as JSON-P values: the client adds them to the request as they are (no JSON-B mapping).
    private static Map<String, Object> jsonValues(ObjectNode variables) {
        Map<String, Object> values = new HashMap<>();
        if (variables == null) {
            return values;
        }
        for (Map.Entry<String, JsonNode> field : variables.properties()) {
            try (JsonReader reader =
                    Json.createReader(new StringReader(field.getValue().toString()))) {
                values.put(field.getKey(), reader.readValue());
            }
        }
        return values;
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AdminApiUnavailableException("the Admin API's answer is not JSON", e);
        }
    }

    private static String messages(List<GraphQLError> errors) {
        StringBuilder text = new StringBuilder();
        for (GraphQLError error : errors) {
            text.append(text.isEmpty() ? "" : "; ").append(error.getMessage());
            if (error.getCode() != null) {
                text.append(" (").append(error.getCode()).append(')');
            }
        }
        return text.toString();
    }

    // The client's messages about unparseable answers quote the whole body: keep only its first line, shortened.
    // Shopify's 5xx bodies carry "errors" as text, which the client cannot read as GraphQL errors (a cast fails).
    private static String describe(Throwable failure) {
        if (failure instanceof ClassCastException) {
            return "the answer is not a GraphQL response (an error page or a 5xx)";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int cut = Math.min(message.length(), 200);
        int newline = message.indexOf('\n');
        return message.substring(0, newline >= 0 && newline < cut ? newline : cut);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(client -> {
            try {
                client.close();
            } catch (Exception e) {
                // closing at shutdown: nothing to do about it
            }
        });
    }
}
