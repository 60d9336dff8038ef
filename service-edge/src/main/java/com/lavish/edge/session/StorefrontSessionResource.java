package com.lavish.edge.session;

import com.lavish.edge.caching.CacheDirectives;
import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.identity.StorefrontIdentity;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code POST /proxy/session}: the app-proxy-verified, signed-in customer gets a session token for the direct API.
 * Built only into the one service that answers this path behind the gateway
 * ({@code storefront.session.issuer.enabled=true}); every storefront service verifies the tokens with the same shared
 * secret.
 */
@Path("/proxy/session")
@IfBuildProperty(name = StorefrontConfig.SESSION_ISSUER_ENABLED, stringValue = "true")
public class StorefrontSessionResource {

    private final StorefrontIdentity identity;
    private final StorefrontSessionTokens tokens;

    public StorefrontSessionResource(StorefrontIdentity identity, StorefrontSessionTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    @POST
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    // a credential: no browser or shared cache may keep it (RFC 6749 §5.1)
    @CacheDirectives("no-store")
    public RestResponse<SessionToken> issue() {
        return RestResponse.ok(tokens.issue(identity.customer()));
    }
}
