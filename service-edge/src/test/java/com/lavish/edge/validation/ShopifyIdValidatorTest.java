package com.lavish.edge.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A Shopify id is taken as its digits or its gid, and nothing else that a parse could trip on later. */
class ShopifyIdValidatorTest {

    private final ShopifyIdValidator validator = new ShopifyIdValidator();

    private boolean valid(String id) {
        return validator.isValid(id, null);
    }

    @Test
    void digitsAndGidsAreIds() {
        assertTrue(valid("690875515"));
        assertTrue(valid(" 690875515 "));
        assertTrue(valid("gid://shopify/SellingPlan/690875515"));
        assertTrue(valid("gid://shopify/Product/788032119674292922?variant=1"));
        assertTrue(valid(Long.toString(Long.MAX_VALUE)));
        assertTrue(valid(null), "null is left to @NotNull");
    }

    @Test
    void anythingElseIsNoId() {
        assertFalse(valid(""));
        assertFalse(valid("plan-2"));
        assertFalse(valid("-1"));
        assertFalse(valid("1e3"));
        assertFalse(valid("gid://shopify/Product/"));
        assertFalse(valid("gid://elsewhere/Product/1"));
        assertFalse(valid("9223372036854775808"), "beyond a long");
        assertFalse(valid("12345678901234567890"));
    }
}
