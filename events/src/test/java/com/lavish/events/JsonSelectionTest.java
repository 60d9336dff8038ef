package com.lavish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonSelectionTest {

    private static final JsonSelection ORDER = JsonSelection.of("id", "note", "total")
            .with("customer", JsonSelection.of("id"))
            .with("line_items", JsonSelection.of("id", "quantity").with("selling_plan", JsonSelection.of("name")));

    private static ShopifyEvent event(String body) {
        return new ShopifyEvent(
                "wh-1",
                "orders/create",
                "lavish.myshopify.com",
                "2026-11-25T10:00:00Z",
                "1",
                "2026-07",
                "ev-1",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode selected(String body) {
        return WebhookFields.object(event(body), ORDER);
    }

    @Test
    void keepsTheSelectedFieldsOfObjectsAndOfEachArrayElement() {
        JsonNode order = selected("""
                {"id": 12345678901234567890, "note": null, "total": 12.50, "tax_lines": [{"rate": 0.1}],
                 "customer": {"id": 7, "email": "a@example.com", "default_address": {"city": "Hobart"}},
                 "line_items": [{"id": 1, "quantity": 2, "title": "Book", "selling_plan": {"name": "Monthly", "id": 9}},
                                {"id": 2, "quantity": 1, "selling_plan": null}],
                 "extra": {"deep": [[1, 2], {"x": "y"}]}}""");
        assertEquals("""
                {"id":12345678901234567890,"note":null,"total":12.50,"customer":{"id":7},\
                "line_items":[{"id":1,"quantity":2,"selling_plan":{"name":"Monthly"}},\
                {"id":2,"quantity":1,"selling_plan":null}]}""", order.toString());
        assertEquals(new BigDecimal("12.50"), order.get("total").decimalValue(), "floats stay exact decimals");
    }

    @Test
    void aWholeFieldKeepsEverythingUnderIt() {
        JsonNode order = WebhookFields.object(event("""
                {"id": 1, "shipping_address": {"city": "Hobart", "geo": {"lat": -42.88}}, "skipped": true}"""), JsonSelection.of("id", "shipping_address"));
        assertEquals(
                "{\"id\":1,\"shipping_address\":{\"city\":\"Hobart\",\"geo\":{\"lat\":-42.88}}}", order.toString());
    }

    @Test
    void aBrokenPartThatIsNotSelectedStillRefusesTheBody() {
        assertThrows(MalformedEventException.class, () -> selected("{\"id\": 1, \"tax_lines\": [{\"rate\": ]}"));
        assertThrows(MalformedEventException.class, () -> selected("{\"id\": 1, \"extra\": {\"a\": 1"));
    }

    @Test
    void contentAfterTheObjectOrABodyThatIsNoObjectIsRefused() {
        assertThrows(MalformedEventException.class, () -> selected("{\"id\": 1} {\"id\": 2}"));
        assertThrows(MalformedEventException.class, () -> selected("[{\"id\": 1}]"));
        assertThrows(MalformedEventException.class, () -> selected(""));
    }
}
