package com.lavish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The readers for GraphQL nodes in {@link WebhookFields}: how reconciliation's shape meets the webhook's. */
class GraphqlNodeFieldsTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void connectionNodesAreReadWhetherAskedAsNodesOrAsEdges() throws Exception {
        JsonNode asNodes = json("{\"lines\":{\"nodes\":[{\"id\":\"gid://shopify/SubscriptionLine/1\"}]}}");
        JsonNode asEdges = json("{\"lines\":{\"edges\":[{\"node\":{\"id\":\"gid://shopify/SubscriptionLine/1\"}},"
                + "{\"cursor\":\"x\"}]}}");

        assertEquals(1, WebhookFields.connectionNodes(asNodes, "lines").size());
        assertEquals(
                asNodes.at("/lines/nodes/0"),
                WebhookFields.connectionNodes(asEdges, "lines").get(0));
        assertEquals(1, WebhookFields.connectionNodes(asEdges, "lines").size(), "an edge without a node is skipped");
        assertTrue(WebhookFields.connectionNodes(asNodes, "absent").isEmpty());
    }

    @Test
    void moneyAndReferencesAreExactAndEnumsTakeTheWebhookSpelling() throws Exception {
        JsonNode order = json("{\"totalPriceSet\":{\"shopMoney\":{\"amount\":\"0.30\",\"currencyCode\":\"AUD\"}},"
                + "\"customer\":{\"id\":\"gid://shopify/Customer/9007199254740993\"},\"status\":\"PAUSED\","
                + "\"originOrder\":null}");

        assertEquals(new BigDecimal("0.30"), WebhookFields.shopMoneyAmount(order, "totalPriceSet"));
        assertNull(WebhookFields.shopMoneyAmount(order, "subtotalPriceSet"));
        assertEquals(9007199254740993L, WebhookFields.referenceId(order, "customer"));
        assertNull(WebhookFields.referenceId(order, "originOrder"));
        assertEquals("paused", WebhookFields.restCase(order, "status"));
    }
}
