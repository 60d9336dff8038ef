package com.lavish.edge.security;

import com.lavish.edge.identity.StorefrontConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AnonymousAuthenticationRequest;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * How a storefront request says whom it acts for, each way in with its own credential and no other:
 * <ul>
 * <li>{@code /proxy/...}: Shopify's app-proxy signature in the query; an {@code Authorization} header is ignored;</li>
 * <li>{@code /api/...}: a session token from {@code POST /proxy/session} as {@code Authorization: Bearer}; a
 * signature in the query is ignored. No header is an anonymous caller; any other header is a refused token.</li>
 * </ul>
 * {@link StorefrontIdentityProvider} verifies what this reads. Every request under either prefix ends here with an
 * identity, anonymous or a customer's, or a refusal, so no other mechanism (the admin's Basic, SmallRye JWT's) ever
 * speaks for a storefront path; elsewhere this mechanism has nothing to say.
 *
 * <p>Proactive authentication is off (service-edge's defaults): a request is authenticated when its endpoint's
 * {@code @Authenticated} is checked, or by the rate limit ({@code StorefrontRequestFilters}), whichever asks first.
 */
@ApplicationScoped
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The scheme an endpoint may select this mechanism by ({@code @HttpAuthenticationMechanism("storefront")}). */
    public static final String SCHEME = "storefront";
    /** Ahead of Basic and SmallRye JWT, so a storefront path is decided here before they are asked. */
    static final int PRIORITY = HttpAuthenticationMechanism.DEFAULT_PRIORITY * 3;

    private static final String BEARER = "bearer ";
    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, SCHEME, SCHEME);

    private final StorefrontPaths paths;

    public StorefrontAuthenticationMechanism(StorefrontConfig config) {
        this.paths = new StorefrontPaths(config);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        if (paths.viaAppProxy(path)) {
            return identities.authenticate(
                    StorefrontCredential.appProxyQuery(context.request().query()));
        }
        if (!paths.directApi(path)) {
            return Uni.createFrom().nullItem();
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return identities.authenticate(AnonymousAuthenticationRequest.INSTANCE);
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return Uni.createFrom()
                    .failure(StorefrontIdentityProvider.refused(StorefrontIdentityProvider.invalidToken(
                            "Authorization must be Bearer with a session token from POST /proxy/session")));
        }
        return identities.authenticate(StorefrontCredential.sessionToken(
                authorization.substring(BEARER.length()).trim()));
    }

    /**
     * The direct API challenges for a bearer token (RFC 6750); the app proxy has nothing to challenge for, as only
     * Shopify can sign. {@link StorefrontSecurityAnswers} writes the body.
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (paths.directApi(path)) {
            return Uni.createFrom()
                    .item(new ChallengeData(401, "WWW-Authenticate", StorefrontIdentityProvider.BEARER_CHALLENGE));
        }
        return paths.viaAppProxy(path)
                ? Uni.createFrom().item(new ChallengeData(401))
                : Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(StorefrontCredential.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return paths.storefront(context.normalizedPath())
                ? Uni.createFrom().item(TRANSPORT)
                : Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
