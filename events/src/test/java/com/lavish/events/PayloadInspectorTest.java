package com.lavish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadInspectorTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsIdsBeyondTwoToTheFiftyThirdExact() {
        // 2^53 + 1 would round to 9007199254740992 as a double
        assertEquals(
                Optional.of("9007199254740993"),
                PayloadInspector.resourceId(json("{\"email\":\"a@b\",\"id\":9007199254740993}"), List.of("id")));
    }

    @Test
    void findsNestedIdAndIgnoresSameNameElsewhere() {
        byte[] body = json(
                "{\"shop_id\":1,\"id\":5,\"orders_to_redact\":[{\"id\":7}],\"customer\":{\"email\":null,\"id\":706405506930370084}}");
        assertEquals(Optional.of("706405506930370084"), PayloadInspector.resourceId(body, List.of("customer", "id")));
    }

    @Test
    void keysAGlobalIdByItsNumberAsTopicsWithNumericIdsAre() {
        assertEquals(
                Optional.of("706405506930370084"),
                PayloadInspector.resourceId(
                        "{\"customerId\":\"gid://shopify/Customer/706405506930370084\",\"tags\":[\"a\"]}"
                                .getBytes(StandardCharsets.UTF_8),
                        List.of("customerId")));
        assertEquals("7", PayloadInspector.numericPart("gid://shopify/Customer/7?from=merge"));
        assertEquals("not-a-gid", PayloadInspector.numericPart("not-a-gid"));
    }

    @Test
    void answersEmptyWhenTheIdIsNullOrAbsent() {
        assertEquals(Optional.empty(), PayloadInspector.resourceId(json("{\"id\":null}"), List.of("id")));
        assertEquals(Optional.empty(), PayloadInspector.resourceId(json("{\"name\":\"x\"}"), List.of("id")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "[]", "\"id\"", "{\"id\":1", "{\"id\":1}}", "{\"a\":[1,}", "not json", "{\"a\":{\"b\":tru}}"
            })
    void rejectsWhatIsNotOneJsonObject(String body) {
        assertThrows(MalformedEventException.class, () -> PayloadInspector.resourceId(json(body), List.of("id")));
    }
}
