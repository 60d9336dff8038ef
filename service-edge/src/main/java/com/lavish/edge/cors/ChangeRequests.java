package com.lavish.edge.cors;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * What sets a request a page on another site could make a browser send apart from one it could not: the storefront's
 * app-proxy filter and the admin filter refuse cross-site changes with these same two tests.
 */
public final class ChangeRequests {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private ChangeRequests() {}

    /** Any method but GET, HEAD and OPTIONS: one that may change something. */
    public static boolean isChange(String method) {
        return !SAFE_METHODS.contains(method);
    }

    /**
     * {@code application/json} (with any parameters): a type a cross-site page cannot send without a CORS preflight,
     * unlike the form and text types, or no type at all.
     */
    public static boolean isJson(MediaType type) {
        return type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type) && !type.isWildcardSubtype();
    }
}
