package com.lavish.edge.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;

/**
 * The storefront customer of the current request, set by {@link StorefrontRequestFilters} from a verified
 * app-proxy signature ({@code /proxy/...}) or a verified session token ({@code /api/...}). Resources ask here,
 * never the path or the body, whom they act for.
 */
@RequestScoped
public class StorefrontIdentity {

    private StorefrontCustomer customer;
    private Instant credentialExpiresAt;
    private boolean bearer;

    void set(StorefrontCustomer customer) {
        this.customer = customer;
    }

    void set(StorefrontCustomer customer, Instant credentialExpiresAt) {
        this.customer = customer;
        this.credentialExpiresAt = credentialExpiresAt;
    }

    /**
     * When the credential this request came with stops being good: a session token's {@code exp}; none for an
     * app-proxy signature, which is checked once, at the request. What outlives the request (a stream) ends by then.
     */
    public Optional<Instant> credentialExpiresAt() {
        return Optional.ofNullable(credentialExpiresAt);
    }

    /** The request came to the direct API, so a missing customer is answered with a bearer challenge. */
    void expectBearer() {
        this.bearer = true;
    }

    public Optional<StorefrontCustomer> current() {
        return Optional.ofNullable(customer);
    }

    /**
     * The signed-in customer; a 401 problem when the request carries none (an anonymous visitor, no session
     * token, or a path outside the storefront filters).
     */
    public StorefrontCustomer customer() {
        if (customer == null) {
            if (bearer) {
                throw new ProblemException(Problem.of(401, "Unauthorized",
                        "send a session token from POST /proxy/session as Authorization: Bearer"),
                        Map.of("WWW-Authenticate", StorefrontRequestFilters.BEARER_CHALLENGE));
            }
            throw ProblemException.unauthorized("log in to the storefront to use this path");
        }
        return customer;
    }
}
