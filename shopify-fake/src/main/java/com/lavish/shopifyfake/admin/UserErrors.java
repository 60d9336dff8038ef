package com.lavish.shopifyfake.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shopify's {@code userErrors} entries, {@code {field, message, code}} of a mutation's own error type, gathered
 * while a mutation checks its input; the payload carries them.
 */
final class UserErrors {

    private final List<Map<String, Object>> errors = new ArrayList<>();

    static Map<String, Object> of(String type, String code, String message, String... field) {
        return SchemaValues.object(
                type, "field", field.length == 0 ? null : List.of(field), "message", message, "code", code);
    }

    void add(String type, String code, String message, String... field) {
        errors.add(of(type, code, message, field));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** A mutation's payload: its fields ({@code name, value, ...}) and the errors so far. */
    Map<String, Object> payload(String type, Object... keyValues) {
        Map<String, Object> payload = SchemaValues.object(type, keyValues);
        payload.put("userErrors", List.copyOf(errors));
        return payload;
    }
}
