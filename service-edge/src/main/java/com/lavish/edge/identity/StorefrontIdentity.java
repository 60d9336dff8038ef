package com.lavish.edge.identity;

import com.lavish.edge.security.StorefrontPrincipal;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The storefront customer of the current request, read from Quarkus Security's {@link SecurityIdentity}: the
 * storefront mechanism ({@code com.lavish.edge.security}) puts a {@link StorefrontPrincipal} there from a verified
 * app-proxy signature ({@code /proxy/...}) or session token ({@code /api/...}). Resources ask here, never the path or
 * the body, whom they act for; their {@code @Authenticated} has made sure there is someone.
 */
@RequestScoped
public class StorefrontIdentity {

    private final SecurityIdentity identity;

    public StorefrontIdentity(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<StorefrontCustomer> current() {
        return principal().map(StorefrontPrincipal::customer);
    }

    /**
     * The signed-in customer. On an {@code @Authenticated} path there always is one; elsewhere its absence is the
     * same 401 an {@code @Authenticated} path answers.
     */
    public StorefrontCustomer customer() {
        return current().orElseThrow(UnauthorizedException::new);
    }

    /**
     * When the credential this request came with stops being good: a session token's {@code exp}; none for an
     * app-proxy signature, which is checked once, at the request. What outlives the request (a stream) ends by then.
     */
    public Optional<Instant> credentialExpiresAt() {
        return principal().flatMap(StorefrontPrincipal::credentialExpiresAt);
    }

    private Optional<StorefrontPrincipal> principal() {
        return identity.getPrincipal() instanceof StorefrontPrincipal p ? Optional.of(p) : Optional.empty();
    }
}
