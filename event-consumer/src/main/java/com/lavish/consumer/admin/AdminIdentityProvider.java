package com.lavish.consumer.admin;

import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Checks the HTTP Basic credential of {@code /admin/...} (ADR 0006) against the configured admin users
 * ({@code admin.users.*}): Quarkus' Basic mechanism reads the header and asks this provider, and
 * {@code @RolesAllowed} then checks the roles. bcrypt is slow on purpose, so the check runs on a worker thread, never
 * on the event loop. A wrong password and an unknown user are the same 401, after the same work.
 *
 * <p>Created at start, so a malformed hash stops the service rather than its first admin request.
 */
@Startup
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(AdminIdentityProvider.class);

    private final AdminAccounts accounts;

    public AdminIdentityProvider(AdminConfig config) {
        this.accounts = new AdminAccounts(config.users(), config.passwordMinCost());
        if (accounts.size() == 0) {
            LOG.warn("no admin users are configured (admin.users.*, ADMIN_USERS_<NAME>_PASSWORD_HASH): every /admin "
                    + "request will be refused");
        } else {
            LOG.infof("%d admin user(s) configured", accounts.size());
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String user = request.getUsername();
        char[] password = request.getPassword().getPassword();
        return context.runBlocking(() -> accounts.verify(user, password)
                .map(roles -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user))
                        .addRoles(roles)
                        .build())
                .orElseThrow(AuthenticationFailedException::new));
    }
}
