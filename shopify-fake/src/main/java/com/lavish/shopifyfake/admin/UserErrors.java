package com.lavish.shopifyfake.admin;

import java.util.List;
import java.util.Map;

/** Shopify's {@code userErrors} entries: {@code {field, message, code}} of a mutation's own error type. */
final class UserErrors {

    private UserErrors() {
    }

    static Map<String, Object> of(String type, String code, String message, String... field) {
        return ShopData.object(type, "field", field.length == 0 ? null : List.of(field), "message", message,
                "code", code);
    }
}
