package com.lavish.edge.session;

import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.identity.StorefrontCustomer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Issues and verifies the storefront's session tokens: HS256 JWTs built with SmallRye JWT Build and verified by
 * SmallRye JWT's parser (signature, {@code exp}, {@code iss}, {@code aud}, required claims), never by hand.
 *
 * <p>{@link Startup}: a storefront service without a usable {@code STOREFRONT_TOKEN_SECRET} fails at start, not at
 * the first customer's request.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = StorefrontConfig.ENABLED, stringValue = "true")
public class StorefrontSessionTokens {

    static final String SHOP_CLAIM = "shop";
    /** HS256 needs a key at least as long as its hash (RFC 7518 §3.2); jose4j refuses shorter ones too. */
    static final int MIN_SECRET_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(StorefrontSessionTokens.class);

    private final JWTParser parser;
    private final StorefrontConfig.Session config;
    private final SecretKey key;
    private final JWTAuthContextInfo verification;
    private final Clock clock;

    @Inject
    public StorefrontSessionTokens(JWTParser parser, StorefrontConfig config) {
        this(parser, config, Clock.systemUTC());
    }

    StorefrontSessionTokens(JWTParser parser, StorefrontConfig config, Clock clock) {
        this.parser = parser;
        this.config = config.session();
        this.clock = clock;
        this.key = secretKey(config.tokenSecret()
                .orElseThrow(() -> new IllegalStateException(
                        "storefront.token-secret (STOREFRONT_TOKEN_SECRET) is not set: session tokens can be neither "
                                + "issued nor verified")));
        this.verification = verification(key, this.config);
    }

    static SecretKey secretKey(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("storefront.token-secret (STOREFRONT_TOKEN_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static JWTAuthContextInfo verification(SecretKey key, StorefrontConfig.Session config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(key, config.tokenIssuer());
        info.setExpectedAudience(Set.of(config.audience()));
        // HS256 alone: a token naming another algorithm (none, RS256 with our secret as a "public key") is refused
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        info.setRequiredClaims(
                Set.of(Claims.sub.name(), SHOP_CLAIM, Claims.iat.name(), Claims.exp.name(), Claims.jti.name()));
        info.setClockSkew((int) config.clockSkew().toSeconds());
        // no token lives longer than we issue them, whatever its exp says
        info.setMaxTimeToLiveSecs(config.lifetime().toSeconds());
        return info;
    }

    /** A token acting for this customer, good for {@code storefront.session.lifetime}. */
    public SessionToken issue(StorefrontCustomer customer) {
        Instant now = clock.instant();
        long lifetime = config.lifetime().toSeconds();
        String token = Jwt.issuer(config.tokenIssuer())
                .audience(config.audience())
                // a string: ids exceed 2^53 (ADR 0003)
                .subject(Long.toString(customer.customerId()))
                .claim(SHOP_CLAIM, customer.shop())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifetime))
                .claim(Claims.jti.name(), UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.HS256)
                .sign(key);
        return SessionToken.bearer(token, lifetime);
    }

    /**
     * @return the customer the token acts for
     * @throws InvalidSessionTokenException when the token is forged, expired, for another issuer or audience, or
     *                                      does not name a customer and a shop
     */
    /** A verified token: whom it acts for, and until when. */
    public record Verified(StorefrontCustomer customer, Instant expiresAt) {}

    public Verified verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token, verification);
        } catch (ParseException e) {
            // the reason only, never the token
            LOG.debugf("session token refused: %s", e.getMessage());
            throw new InvalidSessionTokenException(
                    "the session token is invalid or expired; get a new one from /proxy/session");
        }
        String subject = jwt.getSubject();
        String shop = jwt.getClaim(SHOP_CLAIM);
        long customerId = parseCustomerId(subject);
        if (shop == null || shop.isBlank() || customerId <= 0) {
            throw new InvalidSessionTokenException("the session token names no customer and shop");
        }
        return new Verified(new StorefrontCustomer(shop, customerId), Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    private static long parseCustomerId(String subject) {
        if (subject == null
                || subject.isEmpty()
                || subject.length() > 19
                || !subject.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        try {
            return Long.parseLong(subject);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
