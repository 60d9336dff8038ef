package com.lavish.shopifyfake.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueryCostTest {

    private static int requested(String query, Map<String, Object> variables) {
        Document document = AdminSchema.parseDocument(query);
        return QueryCost.requested(
                AdminSchema.load().graphQLSchema(),
                AdminSchema.operation(document, null),
                fragments(document),
                variables);
    }

    private static Map<String, FragmentDefinition> fragments(Document document) {
        return document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
    }

    @Test
    void connectionCostsTwoPlusFirstTimesItsItems() {
        assertEquals(12, requested("{ products(first: 10) { edges { node { id title } } } }", Map.of()));
        assertEquals(
                12,
                requested(
                        "query($n: Int) { products(first: $n) { nodes { id } pageInfo { hasNextPage } } }",
                        Map.of("n", 10)));
        // each product costs 1 plus its variants' connection (2 + 5 x 1)
        assertEquals(
                2 + 10 * (1 + 7),
                requested("{ products(first: 10) { nodes { id variants(first: 5) { nodes { sku } } } } }", Map.of()));
    }

    @Test
    void objectCostsOneAndScalarsNothing() {
        assertEquals(1, requested("{ shop { name myshopifyDomain } }", Map.of()));
        assertEquals(
                2,
                requested(
                        "{ subscriptionContract(id: \"gid://shopify/SubscriptionContract/1\") { id "
                                + "customer { email } } }",
                        Map.of()));
    }

    @Test
    void mutationCostsTen() {
        assertEquals(
                10,
                requested(
                        "mutation { sellingPlanGroupDelete(id: \"gid://shopify/SellingPlanGroup/1\") "
                                + "{ deletedSellingPlanGroupId userErrors { code } } }",
                        Map.of()));
    }

    @Test
    void fragmentsOnDifferentTypesCountTheDearest() {
        assertEquals(
                3,
                requested(
                        "{ node(id: \"gid://shopify/Product/1\") { ... on Product { id seo { title } featuredMedia { id } } "
                                + "... on Order { id customer { id } } } }",
                        Map.of()));
    }

    @Test
    void actualCostCountsWhatWasAnswered() {
        Document document = AdminSchema.parseDocument("{ products(first: 10) { nodes { id } } }");
        OperationDefinition operation = AdminSchema.operation(document, null);
        Map<String, Object> data = Map.of("products", Map.of("nodes", List.of(Map.of("id", "a"), Map.of("id", "b"))));

        assertEquals(
                4,
                QueryCost.actual(AdminSchema.load().graphQLSchema(), operation, fragments(document), Map.of(), data));
    }
}
