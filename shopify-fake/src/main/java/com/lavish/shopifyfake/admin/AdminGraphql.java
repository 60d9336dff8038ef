package com.lavish.shopifyfake.admin;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The Admin GraphQL API's request cycle, as Shopify runs it: parse, validate against the schema, coerce the
 * variables, reserve the requested cost from the shop's bucket (or answer THROTTLED, changing nothing), execute,
 * refund what the answer did not cost, and report {@code extensions.cost}. A request runs whole under its shop's
 * lock. Webhooks and scheduled work (billing attempts, bulk operations) start only after the answer is sent
 * ({@link Result#after}).
 */
public final class AdminGraphql {

    private static final Logger LOG = Logger.getLogger(AdminGraphql.class);

    /** Shopify's limit on one query's requested cost. */
    public static final int MAX_QUERY_COST = 1000;

    public static final String RATE_LIMITS_DOCS = "https://shopify.dev/api/usage/rate-limits";

    /** An answer: the JSON body, the mutations it ran, and what to do once it has been sent. */
    public record Result(Map<String, Object> body, List<String> mutations, Runnable after) {}

    private final AdminSchema schema;
    private final AdminStore store;
    private final Clock clock;
    private final GraphQL graphql;
    private final Map<String, ThrottleBucket> buckets = new ConcurrentHashMap<>();
    private volatile double maximumAvailable;
    private volatile double restoreRate;

    public AdminGraphql(
            AdminSchema schema, AdminStore store, Clock clock, double maximumAvailable, double restoreRate) {
        this.schema = schema;
        this.store = store;
        this.clock = clock;
        this.maximumAvailable = maximumAvailable;
        this.restoreRate = restoreRate;
        this.graphql = GraphQL.newGraphQL(schema.graphQLSchema())
                // the document was parsed and validated before the bucket was asked: run that one
                .preparsedDocumentProvider((input, parseAndValidate) -> CompletableFuture.completedFuture(
                        new PreparsedDocumentEntry(input.getGraphQLContext().<Document>get(Document.class))))
                .defaultDataFetcherExceptionHandler(new ShopifyErrors())
                .build();
    }

    public AdminStore store() {
        return store;
    }

    /** The bucket of a shop, created full with the current size and rate. */
    public ThrottleBucket bucket(String shop) {
        return buckets.computeIfAbsent(shop, s -> new ThrottleBucket(clock, maximumAvailable, restoreRate));
    }

    /** New bucket size and restore rate for every shop (buckets start full). */
    public void throttle(double maximumAvailable, double restoreRate) {
        this.maximumAvailable = maximumAvailable;
        this.restoreRate = restoreRate;
        buckets.values().forEach(b -> b.configure(maximumAvailable, restoreRate));
    }

    public Result execute(
            String shopDomain, String document, Map<String, Object> variables, String operationName, String baseUrl) {
        Document parsed;
        try {
            parsed = AdminSchema.parseDocument(document == null ? "" : document);
        } catch (InvalidSyntaxException e) {
            return errors(List.of(AdminErrors.shopify(e.toInvalidSyntaxError(), null)));
        }
        OperationDefinition operation = AdminSchema.operation(parsed, operationName);
        String operationPath = operation == null
                ? null
                : operation.getOperation().name().toLowerCase(java.util.Locale.ROOT)
                        + (operation.getName() == null ? "" : " " + operation.getName());
        List<? extends GraphQLError> invalid = schema.validateDocument(parsed);
        if (!invalid.isEmpty()) {
            return errors(invalid.stream()
                    .map(e -> AdminErrors.shopify(e, operationPath))
                    .toList());
        }
        AdminSchema.Coerced coerced = schema.coerceVariables(parsed, operationName, variables);
        if (!coerced.errors().isEmpty()) {
            return errors(coerced.errors().stream()
                    .map(e -> AdminErrors.shopify(e, null))
                    .toList());
        }
        Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
        int requested = QueryCost.requested(schema.graphQLSchema(), operation, fragments, coerced.values());
        if (requested > MAX_QUERY_COST) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put(
                    "message",
                    "Query cost is " + requested + ", which exceeds the single query max cost limit ("
                            + MAX_QUERY_COST + ").\n\nSee " + RATE_LIMITS_DOCS
                            + " for more information on how the cost of "
                            + "a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations "
                            + "should be used instead.");
            error.put("extensions", Map.of("code", "MAX_COST_EXCEEDED", "cost", requested, "maxCost", MAX_QUERY_COST));
            return errors(List.of(error));
        }
        ThrottleBucket bucket = bucket(shopDomain);
        if (!bucket.take(requested)) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", "Throttled");
            error.put("extensions", Map.of("code", "THROTTLED", "documentation", RATE_LIMITS_DOCS));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("errors", List.of(error));
            body.put("extensions", Map.of("cost", cost(requested, null, bucket.status())));
            return new Result(body, List.of(), () -> {});
        }
        ShopData shop = store.shop(shopDomain);
        AdminRequest request = AdminRequest.of(shop, this, baseUrl, false);
        ExecutionResult result = run(request, parsed, document, coerced.values(), operationName);
        int actual = QueryCost.actual(schema.graphQLSchema(), operation, fragments, coerced.values(), result.getData());
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            actual = requested;
        }
        bucket.refund(Math.max(0, requested - actual));
        Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
        if (result.getErrors() != null && !result.getErrors().isEmpty()) {
            body.put(
                    "errors",
                    result.getErrors().stream()
                            .map(e -> AdminErrors.shopify(e, null))
                            .toList());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("cost", cost(requested, actual, bucket.status()));
        if (!request.searchWarnings().isEmpty()) {
            extensions.put("search", request.searchWarnings());
        }
        body.put("extensions", extensions);
        List<AdminStore.Webhook> webhooks = request.outbox().drain();
        List<Runnable> afterCommit = List.copyOf(request.afterCommit());
        return new Result(body, List.copyOf(request.mutationNames()), () -> {
            webhooks.forEach(store::publish);
            afterCommit.forEach(Runnable::run);
        });
    }

    /** Runs a parsed document for a request, under the shop's lock. */
    ExecutionResult run(
            AdminRequest request, Document document, String text, Map<String, Object> variables, String operationName) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(text)
                .variables(variables)
                .operationName(operationName)
                .graphQLContext(Map.of(Document.class, document, AdminRequest.class, request))
                .build();
        request.shop().lock().lock();
        try {
            return graphql.execute(input);
        } finally {
            request.shop().lock().unlock();
        }
    }

    AdminSchema schema() {
        return schema;
    }

    /** A billing attempt settles after the store's billing delay; its webhooks go out as it settles. */
    void scheduleBilling(ShopData shop, SubscriptionBillingAttempt attempt) {
        Duration delay = store.billingDelay();
        store.schedule(delay, () -> {
            Outbox outbox = new Outbox(shop.domain());
            shop.lock().lock();
            try {
                new Subscriptions(shop, outbox).resolve(attempt);
            } finally {
                shop.lock().unlock();
            }
            outbox.drain().forEach(store::publish);
        });
    }

    private static Map<String, Object> cost(int requested, Integer actual, ThrottleBucket.Status status) {
        Map<String, Object> throttle = new LinkedHashMap<>();
        throttle.put("maximumAvailable", status.maximumAvailable());
        throttle.put("currentlyAvailable", (long) status.currentlyAvailable());
        throttle.put("restoreRate", status.restoreRate());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", throttle);
        return cost;
    }

    private static Result errors(List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        return new Result(body, List.of(), () -> {});
    }

    /**
     * An exception in a data fetcher becomes one error at its field: a {@link GraphQLError} keeps its message and
     * extensions; anything else is the fake's own bug, reported as Shopify reports an internal error.
     */
    private static final class ShopifyErrors implements DataFetcherExceptionHandler {

        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                DataFetcherExceptionHandlerParameters parameters) {
            Throwable exception = parameters.getException();
            GraphqlErrorBuilder<?> error =
                    GraphqlErrorBuilder.newError().path(parameters.getPath()).location(parameters.getSourceLocation());
            if (exception instanceof GraphQLError graphQLError) {
                error.message(graphQLError.getMessage()).extensions(graphQLError.getExtensions());
            } else {
                LOG.errorf(exception, "shopify-fake: error in %s", parameters.getPath());
                error.message("Internal error. Looks like something went wrong on our end.")
                        .extensions(Map.of("code", "INTERNAL_SERVER_ERROR"));
            }
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                    .error(error.build())
                    .build());
        }
    }
}
