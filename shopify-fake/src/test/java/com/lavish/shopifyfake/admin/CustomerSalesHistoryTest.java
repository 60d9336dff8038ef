package com.lavish.shopifyfake.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.shopifyfake.SampleWebhooks;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The purchasing summary's rule, without a server: what counts, what adds up, which summary is newer. */
class CustomerSalesHistoryTest {

    private static final long ADA = 9007199254740993L;
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00.123456Z");

    private final CustomerSalesHistory history = new CustomerSalesHistory();

    @Test
    void aCancelledOrderCountsButAddsNothingToTheAmountSpent() {
        history.delivered("orders/create", order(1, ADA, "40.00", false));
        history.delivered("orders/create", order(2, ADA, "9.95", false));
        history.delivered("orders/cancelled", order(2, ADA, "9.95", true));

        JsonNode summary = history.summary(ADA, NOW);
        assertEquals(2, summary.path("numberOfOrders").asInt());
        assertEquals("40.00", summary.at("/amountSpent/amount").asText());
        assertEquals("AUD", summary.at("/amountSpent/currencyCode").asText());
        assertEquals("gid://shopify/Order/2", summary.path("lastOrderId").asText());
    }

    @Test
    void anOrderSeenAgainKeepsItsPlaceAndADeletedOneIsForgotten() {
        history.delivered("orders/create", order(1, ADA, "40.00", false));
        history.delivered("orders/create", order(2, ADA, "10.00", false));
        history.delivered("orders/paid", order(1, ADA, "45.00", false));
        assertEquals(
                "gid://shopify/Order/2",
                history.summary(ADA, NOW).path("lastOrderId").asText());
        assertEquals(
                "55.00", history.summary(ADA, NOW).at("/amountSpent/amount").asText(), "the current total");

        ObjectNode deletion = SampleWebhooks.JSON.createObjectNode().put("id", 2L);
        assertEquals(OptionalLong.of(ADA), history.delivered("orders/delete", deletion));
        JsonNode summary = history.summary(ADA, NOW);
        assertEquals(1, summary.path("numberOfOrders").asInt());
        assertEquals("gid://shopify/Order/1", summary.path("lastOrderId").asText());
    }

    @Test
    void anOrderWithoutACustomerIsNoCustomersHistory() {
        ObjectNode guest = order(3, ADA, "5.00", false);
        guest.putNull("customer");
        assertEquals(OptionalLong.empty(), history.delivered("orders/create", guest));
        assertEquals(0, history.summary(ADA, NOW).path("numberOfOrders").asInt());
        assertTrue(history.summary(ADA, NOW).path("lastOrderId").isNull());
    }

    @Test
    void twoSummariesAtTheSameInstantAreStillOrdered() {
        Instant first =
                Instant.parse(history.summary(ADA, NOW).path("occurredAt").asText());
        Instant second =
                Instant.parse(history.summary(ADA, NOW).path("occurredAt").asText());
        assertEquals(Instant.parse("2026-11-26T00:00:00.123Z"), first, "to the millisecond, as Shopify writes it");
        assertTrue(second.isAfter(first), first + " then " + second);
    }

    private static ObjectNode order(long id, long customerId, String currentTotal, boolean cancelled) {
        ObjectNode order = SampleWebhooks.JSON.createObjectNode().put("id", id);
        order.putObject("customer").put("id", customerId);
        order.put("total_price", "999.00").put("current_total_price", currentTotal);
        if (cancelled) {
            order.put("cancelled_at", "2026-11-26T10:00:00+11:00");
        } else {
            order.putNull("cancelled_at");
        }
        return order;
    }
}
