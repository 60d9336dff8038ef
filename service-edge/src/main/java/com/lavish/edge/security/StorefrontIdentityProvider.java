package com.lavish.edge.security;

import com.lavish.edge.config.ShopifyAppConfig;
import com.lavish.edge.identity.AppProxyIdentity;
import com.lavish.edge.identity.AppProxySignatureException;
import com.lavish.edge.identity.AppProxySignatureVerifier;
import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.session.InvalidSessionTokenException;
import com.lavish.edge.session.StorefrontSessionTokens;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Verifies a {@link StorefrontCredential}: Shopify's app-proxy signature (freshness, the current or the previous
 * secret, a shop this suite serves) or a session token (SmallRye JWT, {@link StorefrontSessionTokens}). A verified
 * credential naming a customer becomes an identity whose principal is a {@link StorefrontPrincipal}; a signed request
 * of an anonymous visitor becomes the anonymous identity, which {@code @PermitAll} paths serve and
 * {@code @Authenticated} ones answer with 401. A refusal fails with an {@link AuthenticationFailedException} whose
 * cause is the {@link ProblemException} the caller is answered with ({@link StorefrontSecurityAnswers}).
 *
 * <p>Both checks are an HMAC and a few comparisons, so they run on the event loop.
 */
@ApplicationScoped
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontIdentityProvider implements IdentityProvider<StorefrontCredential> {

    /** RFC 6750's challenge of the direct API. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"lavish-storefront\"";

    static final String APP_PROXY_REFUSED = "the request is not a current Shopify app-proxy request: its signature "
            + "is missing, wrong or no longer fresh";

    private static final Logger LOG = Logger.getLogger(StorefrontIdentityProvider.class);

    private final AppProxySignatureVerifier verifier;
    private final Set<String> shops;
    private final StorefrontSessionTokens sessionTokens;

    public StorefrontIdentityProvider(
            ShopifyAppConfig shopify, StorefrontConfig config, StorefrontSessionTokens sessionTokens) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(shopify.apiSecret());
        shopify.apiSecretPrevious().filter(s -> !s.isBlank()).ifPresent(secrets::add);
        this.verifier = new AppProxySignatureVerifier(
                secrets, Clock.systemUTC(), config.proxy().freshness());
        this.shops = Set.copyOf(shopify.shops());
        this.sessionTokens = sessionTokens;
    }

    @Override
    public Class<StorefrontCredential> getRequestType() {
        return StorefrontCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(StorefrontCredential credential, AuthenticationRequestContext context) {
        try {
            return Uni.createFrom()
                    .item(
                            credential.kind() == StorefrontCredential.Kind.APP_PROXY_QUERY
                                    ? appProxy(credential.value())
                                    : sessionToken(credential.value()));
        } catch (ProblemException refusal) {
            return Uni.createFrom().failure(refused(refusal));
        }
    }

    private SecurityIdentity appProxy(String rawQuery) {
        AppProxyIdentity verified;
        try {
            verified = verifier.verify(rawQuery);
        } catch (AppProxySignatureException e) {
            // the reason goes to the log only, never the query (it holds the signature); the caller learns not which
            // part failed, so a forger gets no hint whether the signature or the timestamp was wrong
            LOG.debugf("app-proxy request refused: %s", e.reason());
            throw ProblemException.unauthorized(APP_PROXY_REFUSED);
        }
        servedShop(verified.shop());
        if (verified.loggedInCustomerId().isEmpty()) {
            // Shopify vouches for the request but nobody is signed in: public paths serve it, the rest answer 401
            return QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        }
        return identity(new StorefrontPrincipal(
                new StorefrontCustomer(
                        verified.shop(), verified.loggedInCustomerId().getAsLong()),
                null));
    }

    private SecurityIdentity sessionToken(String token) {
        StorefrontSessionTokens.Verified verified;
        try {
            verified = sessionTokens.verify(token);
        } catch (InvalidSessionTokenException e) {
            throw invalidToken(e.getMessage());
        }
        servedShop(verified.customer().shop());
        return identity(new StorefrontPrincipal(verified.customer(), verified.expiresAt()));
    }

    private void servedShop(String shop) {
        if (!shops.contains(shop)) {
            throw new ProblemException(Problem.of(403, "Forbidden", "this service does not serve the shop " + shop));
        }
    }

    private static SecurityIdentity identity(StorefrontPrincipal principal) {
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }

    /** RFC 6750 §3.1: a token was sent but is not good. */
    static ProblemException invalidToken(String detail) {
        return new ProblemException(
                Problem.of(401, "Unauthorized", detail),
                Map.of("WWW-Authenticate", BEARER_CHALLENGE + ", error=\"invalid_token\""));
    }

    /** The failure Quarkus Security expects of a refused credential, carrying the answer the caller gets. */
    static AuthenticationFailedException refused(ProblemException refusal) {
        return new AuthenticationFailedException(refusal.getMessage(), refusal);
    }
}
