package com.lavish.sync.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bulk operation's JSONL read back into nodes of the paginated queries' shape. */
class BulkOperationReaderTest {

    @Test
    void childLinesGoBackUnderTheirParentsConnection() {
        String jsonl = """
                {"id":"gid://shopify/Order/9007199254740993","name":"#1001","updatedAt":"2026-11-20T10:00:00+11:00"}
                {"id":"gid://shopify/LineItem/1","title":"Book box","quantity":1,"__parentId":"gid://shopify/Order/9007199254740993"}
                {"id":"gid://shopify/LineItem/2","title":"Bookmark","quantity":2,"__parentId":"gid://shopify/Order/9007199254740993"}
                {"id":"gid://shopify/Order/2","name":"#1002","updatedAt":"2026-11-21T10:00:00Z"}
                """;
        List<JsonNode> orders = BulkOperationReader.nodes(ReconcileSelection.ORDERS, jsonl);

        assertEquals(2, orders.size());
        JsonNode first = orders.get(0);
        assertEquals("gid://shopify/Order/9007199254740993", first.get("id").asText());
        assertEquals(2, first.path("lineItems").path("nodes").size());
        assertEquals(
                "Bookmark",
                first.path("lineItems").path("nodes").get(1).path("title").asText());
        assertFalse(first.path("lineItems").path("nodes").get(0).has("__parentId"));
        assertFalse(orders.get(1).has("lineItems"));
    }

    @Test
    void aProductsVariantsAndGroupsGoToTheirOwnConnections() {
        String jsonl = """
                {"id":"gid://shopify/Product/7","title":"Mystery book box"}
                {"id":"gid://shopify/ProductVariant/70","sku":"BOX-1","__parentId":"gid://shopify/Product/7"}
                {"id":"gid://shopify/SellingPlanGroup/5","__parentId":"gid://shopify/Product/7"}
                """;
        JsonNode product =
                BulkOperationReader.nodes(ReconcileSelection.PRODUCTS, jsonl).get(0);

        assertEquals(
                "BOX-1",
                product.path("variants").path("nodes").get(0).path("sku").asText());
        assertEquals(
                "gid://shopify/SellingPlanGroup/5",
                product.path("sellingPlanGroups")
                        .path("nodes")
                        .get(0)
                        .path("id")
                        .asText());
    }
}
