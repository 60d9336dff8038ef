package com.lavish.customers.rest;

import static com.lavish.customers.support.CustomerEventFixture.SHOP;
import static com.lavish.customers.support.CustomerEventFixture.customer;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.customers.support.CustomerEventFixture;
import com.lavish.devstack.DevStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** POST /proxy/session and the direct API it opens: /api/customers/me with a bearer token, and its CORS. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class StorefrontSessionTest {

    /** The %test value of storefront.token-secret. */
    static final String TOKEN_SECRET = "test-only-fake-storefront-token-secret-32b";

    static final String ALLOWED_ORIGIN = "https://lavishlibrary.com.au";

    @Inject
    AgroalDataSource database;

    private static CustomerEventFixture fixture;
    private static long ann;
    private static long bob;

    @BeforeEach
    void createTwoCustomersOnce() {
        if (fixture == null) {
            fixture = new CustomerEventFixture(database);
            ann = newCustomerId();
            bob = newCustomerId();
            fixture.createAndAwaitRows(
                    customer(ann, "2026-01-01T10:00:00-05:00", "Ann"),
                    customer(bob, "2026-01-01T10:00:00-05:00", "Bob"));
        }
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static ValidatableResponse session(String query) {
        return given().urlEncodingEnabled(false)
                .contentType("application/json")
                .post("/proxy/session?" + query)
                .then();
    }

    static String tokenFor(long customerId) {
        return session(signedQuery(customerId)).statusCode(200).extract().path("token");
    }

    static ValidatableResponse apiMe(String token) {
        return given().header("Authorization", "Bearer " + token)
                .get("/api/customers/me")
                .then();
    }

    static JsonNode claims(String token) throws Exception {
        String[] parts = token.split("\\.");
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** A token with our claims and our key, changed as the test needs. */
    static JwtClaimsBuilder ourClaims(long customerId) {
        Instant now = Instant.now();
        return Jwt.issuer("lavish-storefront")
                .audience("lavish-storefront-api")
                .subject(Long.toString(customerId))
                .claim("shop", SHOP)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("jti", UUID.randomUUID().toString());
    }

    static String signWith(JwtClaimsBuilder claims, String secret) {
        return claims.jws()
                .algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    static void assertBearerChallenge(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void signedInCustomerGetsAShortLivedBearerToken() throws Exception {
        long before = Instant.now().getEpochSecond();
        String token = session(signedQuery(ann))
                .statusCode(200)
                .contentType(containsString("application/json"))
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(600))
                .body("token", notNullValue())
                .extract()
                .path("token");
        JsonNode claims = claims(token);
        assertEquals(Long.toString(ann), claims.get("sub").asText());
        assertTrue(claims.get("sub").isTextual(), "sub is a string: ids exceed 2^53");
        assertEquals(SHOP, claims.get("shop").asText());
        assertEquals("lavish-storefront", claims.get("iss").asText());
        assertTrue(claims.get("aud").toString().contains("lavish-storefront-api"));
        long iat = claims.get("iat").asLong();
        assertTrue(iat >= before - 1 && iat <= Instant.now().getEpochSecond() + 1, "iat " + iat);
        assertEquals(iat + 600, claims.get("exp").asLong());
        assertTrue(claims.hasNonNull("jti"));
        assertNotEquals(claims.get("jti"), claims(tokenFor(ann)).get("jti"));
    }

    @Tag("security")
    @Test
    void anonymousVisitorGetsNoSessionToken() {
        session(signedQuery(null))
                .statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("token", nullValue());
    }

    @Tag("security")
    @Test
    void forgedAppProxySignatureGetsNoSessionToken() {
        session(signedQuery("not-our-secret", SHOP, ann, Instant.now()))
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
        String forged = signedQuery(bob).replace("logged_in_customer_id=" + bob, "logged_in_customer_id=" + ann);
        session(forged).statusCode(401).contentType(containsString("application/problem+json"));
    }

    @Test
    void bearerTokenServesThatCustomersProfileOnTheDirectApi() {
        apiMe(tokenFor(ann))
                .statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("id", equalTo(Long.toString(ann)))
                .body("first_name", equalTo("Ann"))
                .body("default_address.city", equalTo("Ottawa"));
    }

    @Test
    void directApiAnswersExactlyAsTheAppProxyDoes() {
        String viaProxy = given().urlEncodingEnabled(false)
                .get("/proxy/customers/me?" + signedQuery(bob))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String direct = apiMe(tokenFor(bob)).statusCode(200).extract().asString();
        assertEquals(viaProxy, direct);
    }

    @Tag("security")
    @Test
    void tokenForOneCustomerNeverYieldsAnothersData() {
        String annsToken = tokenFor(ann);
        apiMe(annsToken)
                .statusCode(200)
                .body("id", allOf(equalTo(Long.toString(ann)), not(equalTo(Long.toString(bob)))))
                .body("first_name", not(equalTo("Bob")));
        // a signature naming Bob next to Ann's token changes nothing: /api reads the token alone
        given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + annsToken)
                .get("/api/customers/me?" + signedQuery(bob))
                .then()
                .statusCode(200)
                .body("id", equalTo(Long.toString(ann)));
    }

    @Tag("security")
    @Test
    void directApiWithoutTokenIsUnauthorized() {
        assertBearerChallenge(given().get("/api/customers/me")
                .then()
                .header("WWW-Authenticate", equalTo("Bearer realm=\"lavish-storefront\""))
                .body("detail", equalTo("send a session token from POST /proxy/session as Authorization: Bearer")));
    }

    @Tag("security")
    @Test
    void expiredTokenIsUnauthorized() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = signWith(ourClaims(ann).issuedAt(past).expiresAt(past.plusSeconds(600)), TOKEN_SECRET);
        assertBearerChallenge(apiMe(expired));
        apiMe(expired).header("WWW-Authenticate", containsString("invalid_token"));
    }

    @Tag("security")
    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() {
        assertBearerChallenge(apiMe(signWith(ourClaims(ann), "another-key-of-at-least-thirty-two-bytes!")));
    }

    @Tag("security")
    @Test
    void tokenForAnotherIssuerOrAudienceIsUnauthorized() {
        assertBearerChallenge(apiMe(signWith(ourClaims(ann).issuer("someone-else"), TOKEN_SECRET)));
        assertBearerChallenge(apiMe(signWith(ourClaims(ann).audience("another-api"), TOKEN_SECRET)));
    }

    @Tag("security")
    @Test
    void tamperedTokenIsUnauthorized() throws Exception {
        String[] parts = tokenFor(ann).split("\\.");
        String bobsPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(Long.toString(ann), Long.toString(bob))
                        .getBytes(StandardCharsets.UTF_8));
        assertBearerChallenge(apiMe(parts[0] + "." + bobsPayload + "." + parts[2]));
        assertBearerChallenge(apiMe("not-a-jwt"));
    }

    @Tag("security")
    @Test
    void appProxySignatureIsNotAcceptedOnTheDirectApi() {
        assertBearerChallenge(given().urlEncodingEnabled(false)
                .get("/api/customers/me?" + signedQuery(ann))
                .then());
    }

    @Tag("security")
    @Test
    void bearerTokenIsNotAcceptedOnTheAppProxyPaths() {
        given().header("Authorization", "Bearer " + tokenFor(ann))
                .get("/proxy/customers/me")
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer " + tokenFor(ann))
                .contentType("application/json")
                .post("/proxy/session")
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Tag("security")
    @Test
    void aFormAnotherSitePostsThroughTheAppProxyIsRefusedBeforeItActs() {
        // Shopify signs it with the shopper's session all the same; only its shape gives it away
        given().urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded")
                .body("a=1")
                .post("/proxy/session?" + signedQuery(ann))
                .then()
                .statusCode(415)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("application/json"));
        given().urlEncodingEnabled(false)
                .post("/proxy/session?" + signedQuery(ann))
                .then()
                .statusCode(415);
        given().urlEncodingEnabled(false)
                .contentType("application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .post("/proxy/session?" + signedQuery(ann))
                .then()
                .statusCode(403)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void preflightFromAShopOriginIsAllowedWithTheApiHeaders() {
        given().header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, last-event-id")
                .options("/api/customers/me")
                .then()
                .statusCode(allOf(greaterThan(199), lessThanOrEqualTo(204)))
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header(
                        "Access-Control-Allow-Headers",
                        allOf(
                                containsString("Authorization"),
                                containsString("Content-Type"),
                                containsString("Idempotency-Key"),
                                containsString("Last-Event-ID")))
                .header("Access-Control-Max-Age", "600");
        given().header("Origin", "https://lavish-library.myshopify.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/customers/me")
                .then()
                .header("Access-Control-Allow-Origin", "https://lavish-library.myshopify.com");
    }

    @Tag("security")
    @Test
    void preflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/customers/me")
                .then()
                .statusCode(403)
                .contentType(containsString("application/problem+json"))
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
    }

    @Test
    void requestFromAShopOriginMayBeReadByThePage() {
        apiMe(tokenFor(ann)).statusCode(200);
        given().header("Origin", ALLOWED_ORIGIN)
                .header("Authorization", "Bearer " + tokenFor(ann))
                .get("/api/customers/me")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Vary", containsString("Origin"));
        // the page can read why it was refused, too
        given().header("Origin", ALLOWED_ORIGIN)
                .get("/api/customers/me")
                .then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN);
    }

    @Tag("security")
    @Test
    void requestFromAnotherOriginGetsNoAllowOrigin() {
        given().header("Origin", "https://evil.example")
                .header("Authorization", "Bearer " + tokenFor(ann))
                .get("/api/customers/me")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void appProxyPathsGetNoCorsHeaders() {
        given().urlEncodingEnabled(false)
                .header("Origin", ALLOWED_ORIGIN)
                .get("/proxy/customers/me?" + signedQuery(ann))
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
