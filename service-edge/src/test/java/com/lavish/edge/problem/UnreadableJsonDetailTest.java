package com.lavish.edge.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A 400 for an unreadable body names the client's field or place in the text, never our classes or Jackson's words. */
@Tag("security")
class UnreadableJsonDetailTest {

    /** Shaped like a request body a resource takes. */
    public record Change(int quantity, List<Item> items) {}

    public record Item(long variantId) {}

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private String detailOf(String body) {
        JsonProcessingException e =
                assertThrows(JsonProcessingException.class, () -> json.readValue(body, Change.class));
        String detail = ProblemExceptionMapper.unreadableJsonDetail(e);
        assertFalse(
                detail.contains("com.lavish")
                        || detail.contains("java.")
                        || detail.contains("Change")
                        || detail.contains("jackson")
                        || detail.contains("`"),
                detail);
        return detail;
    }

    @Test
    void syntaxErrorSaysWhereInTheText() {
        assertEquals("the body is not valid JSON (line 2, column 12)", detailOf("{\"quantity\": 2,\n \"items\": [}"));
    }

    @Test
    void wrongTypeNamesTheFieldByItsJsonPath() {
        assertEquals(
                "the body's field 'items[1].variantId' does not have the type this path takes",
                detailOf("{\"quantity\": 1, \"items\": [{\"variantId\": 5}, {\"variantId\": \"five\"}]}"));
    }

    @Test
    void unknownFieldIsNamed() {
        assertEquals(
                "the body has a field this path does not take: 'price'", detailOf("{\"quantity\": 1, \"price\": 0}"));
    }
}
