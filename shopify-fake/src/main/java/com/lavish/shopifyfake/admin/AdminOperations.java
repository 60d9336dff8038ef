package com.lavish.shopifyfake.admin;

import graphql.GraphqlErrorException;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The root fields of {@code QueryRoot} and {@code Mutation} that the fake serves. A root field it does not serve
 * answers a GraphQL error naming the field, so a client never mistakes "not modelled" for "empty".
 */
final class AdminOperations {

    private AdminOperations() {}

    static Object root(DataFetchingEnvironment env) {
        AdminRequest request = env.getGraphQlContext().get(AdminRequest.class);
        ShopData shop = request.shop();
        String field = env.getField().getName();
        Map<String, Object> args = env.getArguments();
        boolean mutation = env.getParentType() instanceof graphql.schema.GraphQLObjectType type
                && type.getName().equals("Mutation");
        if (mutation) {
            request.mutationNames().add(field);
            return mutation(env, request, shop, field, args);
        }
        return query(env, request, shop, field, args);
    }

    @SuppressWarnings("unchecked")
    private static Object query(
            DataFetchingEnvironment env, AdminRequest request, ShopData shop, String field, Map<String, Object> args) {
        return switch (field) {
            case "node" -> shop.node((String) args.get("id"));
            case "nodes" ->
                ((List<String>) args.get("ids")).stream().map(shop::node).toList();
            case "shop" ->
                SchemaValues.object(
                        "Shop",
                        "id",
                        "gid://shopify/Shop/" + Math.abs(shop.domain().hashCode()),
                        "name",
                        "Lavish Library",
                        "myshopifyDomain",
                        shop.domain(),
                        "currencyCode",
                        AdminStore.CURRENCY,
                        "email",
                        "hello@lavishlibrary.com.au",
                        "contactEmail",
                        "hello@lavishlibrary.com.au",
                        "ianaTimezone",
                        "Australia/Sydney",
                        "url",
                        "https://" + shop.domain());
            case "product" -> shop.find(Product.class, (String) args.get("id"));
            case "productVariant" -> shop.find(ProductVariant.class, (String) args.get("id"));
            case "customer" -> shop.find(Customer.class, (String) args.get("id"));
            case "order" -> shop.find(Order.class, (String) args.get("id"));
            case "sellingPlanGroup" -> shop.find(SellingPlanGroup.class, (String) args.get("id"));
            case "subscriptionContract" -> shop.find(SubscriptionContract.class, (String) args.get("id"));
            case "subscriptionDraft" -> shop.find(SubscriptionDraft.class, (String) args.get("id"));
            case "subscriptionBillingAttempt" -> shop.find(SubscriptionBillingAttempt.class, (String) args.get("id"));
            case "bulkOperation" -> shop.find(BulkOperation.class, (String) args.get("id"));
            case "currentBulkOperation" ->
                shop.bulkOperations.values().stream().reduce((a, b) -> b).orElse(null);
            case "products" -> search(env, request, shop.products, SearchFields.PRODUCT);
            case "customers" -> search(env, request, shop.customers, SearchFields.CUSTOMER);
            case "orders" -> search(env, request, shop.orders, SearchFields.ORDER);
            case "subscriptionContracts" -> search(env, request, shop.contracts, SearchFields.CONTRACT);
            case "sellingPlanGroups" -> search(env, request, shop.groups, SearchFields.GROUP);
            case "subscriptionBillingCycles" ->
                Connections.page(
                        new Subscriptions(shop, request.outbox())
                                .cycles(
                                        (String) args.get("contractId"),
                                        (Map<String, Object>) args.get("billingCyclesIndexRangeSelector"),
                                        (Map<String, Object>) args.get("billingCyclesDateRangeSelector")),
                        env);
            case "subscriptionBillingCycle" ->
                new Subscriptions(shop, request.outbox()).cycle((Map<String, Object>) args.get("billingCycleInput"));
            default -> throw notServed("QueryRoot." + field);
        };
    }

    @SuppressWarnings("unchecked")
    private static Object mutation(
            DataFetchingEnvironment env, AdminRequest request, ShopData shop, String field, Map<String, Object> args) {
        Outbox outbox = request.outbox();
        SellingPlanGroups groups = new SellingPlanGroups(shop, outbox);
        Subscriptions subscriptions = new Subscriptions(shop, outbox);
        return switch (field) {
            case "sellingPlanGroupCreate" ->
                groups.create((Map<String, Object>) args.get("input"), (Map<String, Object>) args.get("resources"));
            case "sellingPlanGroupUpdate" ->
                groups.update((String) args.get("id"), (Map<String, Object>) args.get("input"));
            case "sellingPlanGroupDelete" -> groups.delete((String) args.get("id"));
            case "sellingPlanGroupAddProducts" ->
                groups.groupProducts((String) args.get("id"), (List<String>) args.get("productIds"), true);
            case "sellingPlanGroupRemoveProducts" ->
                groups.groupProducts((String) args.get("id"), (List<String>) args.get("productIds"), false);
            case "productJoinSellingPlanGroups" ->
                groups.productGroups((String) args.get("id"), (List<String>) args.get("sellingPlanGroupIds"), true);
            case "productLeaveSellingPlanGroups" ->
                groups.productGroups((String) args.get("id"), (List<String>) args.get("sellingPlanGroupIds"), false);
            case "subscriptionContractPause" ->
                subscriptions.setStatus((String) args.get("subscriptionContractId"), "PAUSED");
            case "subscriptionContractActivate" ->
                subscriptions.setStatus((String) args.get("subscriptionContractId"), "ACTIVE");
            case "subscriptionContractCancel" ->
                subscriptions.setStatus((String) args.get("subscriptionContractId"), "CANCELLED");
            case "subscriptionContractExpire" ->
                subscriptions.setStatus((String) args.get("subscriptionContractId"), "EXPIRED");
            case "subscriptionContractFail" ->
                subscriptions.setStatus((String) args.get("subscriptionContractId"), "FAILED");
            case "subscriptionContractSetNextBillingDate" ->
                subscriptions.setNextBillingDate((String) args.get("contractId"), String.valueOf(args.get("date")));
            case "subscriptionContractUpdate" -> subscriptions.draft((String) args.get("contractId"));
            case "subscriptionDraftLineAdd" ->
                subscriptions.addDraftLine((String) args.get("draftId"), (Map<String, Object>) args.get("input"));
            case "subscriptionDraftLineRemove" ->
                subscriptions.removeDraftLine((String) args.get("draftId"), (String) args.get("lineId"));
            case "subscriptionDraftUpdate" ->
                subscriptions.updateDraft((String) args.get("draftId"), (Map<String, Object>) args.get("input"));
            case "subscriptionDraftLineUpdate" ->
                subscriptions.updateDraftLine(
                        (String) args.get("draftId"), (String) args.get("lineId"), (Map<String, Object>)
                                args.get("input"));
            case "subscriptionDraftCommit" -> subscriptions.commit((String) args.get("draftId"));
            case "subscriptionBillingCycleSkip" ->
                subscriptions.skip((Map<String, Object>) args.get("billingCycleInput"), true);
            case "subscriptionBillingCycleUnskip" ->
                subscriptions.skip((Map<String, Object>) args.get("billingCycleInput"), false);
            case "subscriptionBillingAttemptCreate" -> {
                Map<String, Object> payload =
                        subscriptions.createAttempt((String) args.get("subscriptionContractId"), (Map<String, Object>)
                                args.get("subscriptionBillingAttemptInput"));
                // an idempotent repeat answers the same attempt: it is scheduled to settle once
                if (payload.get("subscriptionBillingAttempt") instanceof SubscriptionBillingAttempt attempt
                        && attempt.pending()
                        && attempt.schedule()) {
                    request.afterCommit().add(() -> request.billing().accept(shop, attempt));
                }
                yield payload;
            }
            case "customerPaymentMethodSendUpdateEmail" ->
                new CustomerPaymentMethods(shop)
                        .sendUpdateEmail(
                                (String) args.get("customerPaymentMethodId"), (Map<String, Object>) args.get("email"));
            case "bulkOperationRunQuery" -> BulkOperations.run(request, shop, (String) args.get("query"));
            default -> throw notServed("Mutation." + field);
        };
    }

    /**
     * A connection over a resource, filtered by the {@code query} argument (Shopify's search syntax) and sorted by
     * {@code sortKey} (ids, or updated/created/processed time then id).
     */
    private static <T> Object search(
            DataFetchingEnvironment env,
            AdminRequest request,
            Map<Long, T> entities,
            Map<String, SearchQuery.Field<T>> fields) {
        SearchQuery query = SearchQuery.parse(env.getArgument("query"));
        List<T> found;
        try {
            found = new ArrayList<>(query.filter(List.copyOf(entities.values()), fields));
        } catch (IllegalArgumentException e) {
            throw GraphqlErrorException.newErrorException()
                    .message("Invalid search query: " + e.getMessage())
                    .extensions(Map.of("code", "BAD_REQUEST"))
                    .build();
        }
        Object sortKey = env.getArgument("sortKey");
        // sorted by the time's search field (the same value the schema serves), then by id
        String timeField = switch (sortKey == null ? "ID" : sortKey.toString()) {
            case "UPDATED_AT" -> "updated_at";
            case "CREATED_AT" -> "created_at";
            case "PROCESSED_AT" -> "processed_at";
            default -> null;
        };
        if (timeField != null) {
            SearchQuery.Field<T> time = fields.get(timeField);
            SearchQuery.Field<T> id = fields.get("id");
            found.sort(Comparator.comparing((T e) ->
                            String.valueOf(time == null ? null : time.read().apply(e)))
                    .thenComparing(e -> Gids.number((String) id.read().apply(e)), Long::compareUnsigned));
        }
        Map<String, Object> warnings =
                query.warnings(List.copyOf(env.getExecutionStepInfo().getPath().toList()));
        if (warnings != null) {
            request.searchWarnings().add(warnings);
        }
        return Connections.page(found, env);
    }

    private static GraphqlErrorException notServed(String field) {
        return GraphqlErrorException.newErrorException()
                .message("shopify-fake does not serve " + field + " (see shopify-fake/README.md for what it serves)")
                .extensions(Map.of("code", "NOT_IMPLEMENTED_IN_FAKE"))
                .build();
    }
}
