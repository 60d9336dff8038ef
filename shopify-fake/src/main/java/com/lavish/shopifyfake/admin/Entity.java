package com.lavish.shopifyfake.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object of the shop with an id. Its schema fields are the document GraphQL serves ({@link AdminWiring} reads them
 * by field name; a {@link java.util.function.Supplier} value is computed on read). What the fake keeps for itself
 * lives in typed fields of the subclasses, so it never reaches a client and needs no cast.
 */
class Entity {

    private final long id;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Entity(String type, long id) {
        this.id = id;
        fields.put(AdminWiring.TYPENAME, type);
        fields.put("id", Gids.of(type, id));
        fields.put("legacyResourceId", Long.toUnsignedString(id));
    }

    final long id() {
        return id;
    }

    final String gid() {
        return (String) fields.get("id");
    }

    final String type() {
        return (String) fields.get(AdminWiring.TYPENAME);
    }

    /** A schema field's value as stored (a supplier is not computed). */
    final Object get(String field) {
        return fields.get(field);
    }

    final void put(String field, Object value) {
        fields.put(field, value);
    }

    /** The schema document itself, for GraphQL. */
    final Map<String, Object> fields() {
        return fields;
    }
}
