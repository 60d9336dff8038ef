package com.lavish.edge.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code POST /proxy/session}: a bearer token for {@code /api/...} and how long it is good for.
 *
 * @param token     the signed JWT
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the token expires
 */
public record SessionToken(
        String token,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    public static SessionToken bearer(String token, long expiresIn) {
        return new SessionToken(token, "Bearer", expiresIn);
    }
}
