package com.lavish.customers.rest;

import static com.lavish.customers.support.AdminCredentials.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Input this service cannot read is answered in the client's terms (issue 13, item 9): a refusal that names nothing
 * of the code behind it, never a converter's or parser's message with its class and type names. And the management
 * paths are not on the application's port, however the path is spelt (item 8).
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@Tag("security")
class MalformedRequestAnswerTest {

    /** A class or package name, an exception, or a converter's own words. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(java|javax|jakarta|com|org|io)\\.[a-z]+\\.|Exception|Jackson|NumberFormat|For input string");

    private static final Matcher<Integer> CLIENT_ERROR = allOf(greaterThanOrEqualTo(400), lessThan(500));

    private static final String DATA_REQUESTS = "/admin/customers/privacy/data-requests";
    private static final String DEAD_LETTERS = "/admin/dead-letters/" + Topics.CUSTOMERS;

    @TestHTTPResource("/")
    URI base;

    /** A problem+json refusal whose body names nothing of the code behind it. */
    private static void assertRefusedInClientTerms(ValidatableResponse response, Matcher<Integer> status) {
        response.statusCode(status).contentType(containsString("application/problem+json"));
        String body = response.extract().asString();
        assertFalse(INTERNALS.matcher(body).find(), body);
    }

    @Test
    void anAdminNumberThatIsNoNumberIsRefusedNamingNoClass() {
        // a query number that is none is a 400 naming the parameter; a path that names no dead letter is not found
        assertRefusedInClientTerms(
                asAdmin().get(DATA_REQUESTS + "?limit=abc").then().body("field", equalTo("limit")), equalTo(400));
        assertRefusedInClientTerms(
                asAdmin().get(DATA_REQUESTS + "?limit=99999999999").then(), equalTo(400));
        assertRefusedInClientTerms(
                asAdmin().get(DEAD_LETTERS + "?partition=first&from=1.5").then().body("field", equalTo("partition")),
                equalTo(400));
        assertRefusedInClientTerms(
                asAdmin().post(DEAD_LETTERS + ".dlq/abc/1/replay").then(), CLIENT_ERROR);
        assertRefusedInClientTerms(
                asAdmin()
                        .post(DEAD_LETTERS + ".dlq/0/99999999999999999999/replay")
                        .then(),
                CLIENT_ERROR);
    }

    @Test
    void aBearerTokenThatIsNoTokenIsUnauthorizedNamingNoClass() {
        for (String token : new String[] {"not.a.jwt", "e30.e30.", "eyJhbGciOiJub25lIn0.e30."}) {
            ValidatableResponse response = given().header("Authorization", "Bearer " + token)
                    .get("/api/customers/me")
                    .then();
            assertRefusedInClientTerms(response, equalTo(401));
        }
    }

    @Test
    void aPathOrQueryThatIsNotUrlEncodedIsABadRequestNamingNoClass() throws IOException {
        for (String target : new String[] {
            "/api/locations/countries/%zz/states", "/proxy/customers/me?shop=%zz", DATA_REQUESTS + "?limit=%zz"
        }) {
            String answer = rawGet(target);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), target + ": " + answer);
            assertFalse(INTERNALS.matcher(answer).find(), answer);
        }
    }

    @Test
    void managementPathsAreNotOnTheApplicationPortHoweverSpelt() throws IOException {
        for (String target : new String[] {
            "/q/metrics",
            "/q/health/ready",
            "/q/openapi",
            "/api/locations/../../q/metrics",
            "/api/locations/%2e%2e/%2e%2e/q/metrics"
        }) {
            String answer = rawGet(target);
            assertTrue(
                    answer.startsWith("HTTP/1.1 404 ") || answer.startsWith("HTTP/1.1 400 "), target + ": " + answer);
            assertFalse(answer.contains("# TYPE") || answer.contains("\"UP\"") || answer.contains("openapi"), answer);
        }
    }

    /** The request line as written, which an HTTP client library would refuse or normalise first. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
