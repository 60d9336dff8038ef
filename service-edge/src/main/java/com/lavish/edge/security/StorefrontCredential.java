package com.lavish.edge.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A storefront credential as the request carried it, for {@link StorefrontIdentityProvider} to verify: the raw query
 * of an app-proxy request (signature included), or a session token. Never logged.
 */
public final class StorefrontCredential extends BaseAuthenticationRequest {

    public enum Kind {
        /** The query string exactly as received, still URL-encoded, without the leading {@code ?}. */
        APP_PROXY_QUERY,
        /** The token of {@code Authorization: Bearer}. */
        SESSION_TOKEN
    }

    private final Kind kind;
    private final String value;

    private StorefrontCredential(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    public static StorefrontCredential appProxyQuery(String rawQuery) {
        return new StorefrontCredential(Kind.APP_PROXY_QUERY, rawQuery == null ? "" : rawQuery);
    }

    public static StorefrontCredential sessionToken(String token) {
        return new StorefrontCredential(Kind.SESSION_TOKEN, token);
    }

    public Kind kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        // the credential itself never: it is a signature or a bearer token
        return "StorefrontCredential[" + kind + "]";
    }
}
