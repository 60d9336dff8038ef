package com.lavish.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("security")
class RequestPathCheckTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/webhooks",
                "/api/orders/1001",
                "/proxy/customers/me?shop=a.myshopify.com&x=%2e%2e/..",
                "/api/orders/",
                "/api/locations/countries/AU/states/New%20South%20Wales",
                "/admin/dead-letters/shopify.orders",
                "/api/orders/1001/..x",
                "/api/orders/.well",
                "/a%41b"
            })
    void passesAPathThatNeedsNoNormalising(String target) {
        assertEquals(Optional.empty(), RequestPathCheck.problem(target));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "/api/orders/../../q/metrics | '..' segment",
                "/api/orders/.. | '..' segment",
                "/api/orders/./1 | '.' segment",
                "/api/orders/..;x/q | '..' segment",
                "/api/%2e%2e/q/metrics | encoded dot",
                "/api/%2E%2E/q/metrics | encoded dot",
                "/api/orders/1%2ejson | encoded dot",
                "/api/orders%2F1 | encoded slash",
                "/api/orders%5c1 | encoded backslash",
                "/api/orders\\1 | backslash",
                "/api/orders/%00 | control character",
                "/api/orders/%2 | not followed by two hexadecimal digits",
                "/api/orders/%g0 | not followed by two hexadecimal digits",
                "api/orders | starts with /",
                "* | starts with /",
                "http://127.0.0.1:8083/q/metrics | starts with /"
            })
    void refusesAPathAServiceCouldReadAsAnotherAndSaysWhy(String target, String reason) {
        Optional<String> problem = RequestPathCheck.problem(target);
        assertTrue(problem.isPresent() && problem.get().contains(reason), target + ": " + problem);
    }

    @Test
    void takesOnlyAsciiHexDigitsInAnEscape() {
        // full-width digits: Character.digit reads them as 2 and e, no server does
        assertTrue(RequestPathCheck.problem("/api/%\uFF12\uFF45").isPresent());
    }
}
