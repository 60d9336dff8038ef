package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema's value objects (MoneyV2, MoneyBag, Count, and any object by type and fields) as the documents GraphQL
 * serves: maps keyed by field name, {@code __typename} naming the type.
 */
final class SchemaValues {

    private SchemaValues() {}

    static Map<String, Object> money(BigDecimal amount) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put(AdminWiring.TYPENAME, "MoneyV2");
        money.put("amount", amount.toPlainString());
        money.put("currencyCode", AdminStore.CURRENCY);
        return money;
    }

    static Map<String, Object> moneyBag(BigDecimal amount) {
        Map<String, Object> bag = new LinkedHashMap<>();
        bag.put(AdminWiring.TYPENAME, "MoneyBag");
        bag.put("shopMoney", money(amount));
        bag.put("presentmentMoney", money(amount));
        return bag;
    }

    static Map<String, Object> count(int n) {
        Map<String, Object> count = new LinkedHashMap<>();
        count.put(AdminWiring.TYPENAME, "Count");
        count.put("count", n);
        count.put("precision", "EXACT");
        return count;
    }

    /** An object of a type with its fields, given as name, value, name, value... */
    static Map<String, Object> object(String type, Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(AdminWiring.TYPENAME, type);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
