package com.lavish.orders.rest;

import static com.lavish.orders.support.OrderEventFixture.SHOP;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.session.StorefrontSessionTokens;
import com.lavish.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A query, path or header this service cannot read is refused in the client's terms (issue 13, item 9): the field it
 * is about and what it should be, never a converter's message with the class and type names behind it.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@Tag("security")
class MalformedRequestAnswerTest {

    /** A class or package name, an exception, or a converter's own words. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(java|javax|jakarta|com|org|io)\\.[a-z]+\\.|Exception|NumberFormat|For input string|Base64|Illegal");

    @Inject
    StorefrontSessionTokens tokens;

    private RequestSpecification asCustomer() {
        String token = tokens.issue(new StorefrontCustomer(SHOP, newId())).token();
        return given().header("Authorization", "Bearer " + token);
    }

    /** 400 problem+json naming the field, with a detail in the client's terms. */
    private static void assertBadRequestNaming(String field, ValidatableResponse response) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(field));
        String body = response.extract().asString();
        assertFalse(INTERNALS.matcher(body).find(), body);
    }

    @Test
    void aLimitOrCursorThatIsNoNumberOrCursorIsABadRequestNamingTheFieldAndNoClass() {
        assertBadRequestNaming(
                "limit", asCustomer().get("/api/orders?limit=abc").then());
        assertBadRequestNaming(
                "limit", asCustomer().get("/api/orders?limit=99999999999").then());
        assertBadRequestNaming(
                "limit", asCustomer().get("/api/orders?limit=1e1").then());
        // not base64, base64 of nothing this service wrote, and a cursor of the right shape holding no numbers
        assertBadRequestNaming(
                "cursor", asCustomer().get("/api/orders?cursor=%%%").then());
        assertBadRequestNaming(
                "cursor", asCustomer().get("/api/orders?cursor=AAAA").then());
        assertBadRequestNaming(
                "cursor", asCustomer().get("/api/orders?cursor=djE6eDp5").then());
    }

    @Test
    void anOrderNumberThatIsNoNumberIsABadRequestNamingTheFieldAndNoClass() {
        assertBadRequestNaming("number", asCustomer().get("/api/orders/12ab").then());
        assertBadRequestNaming(
                "number", asCustomer().get("/api/orders/123456789012345678901").then());
        assertBadRequestNaming("number", asCustomer().get("/api/orders/-1").then());
    }

    @Test
    void aLastEventIdThatIsNoIdIsABadRequestNamingTheHeaderAndNoClass() {
        assertBadRequestNaming(
                "Last-Event-ID",
                asCustomer()
                        .accept("text/event-stream")
                        .header("Last-Event-ID", "99999999999999999999")
                        .get("/api/orders/events")
                        .then());
        assertBadRequestNaming(
                "Last-Event-ID",
                asCustomer()
                        .accept("text/event-stream")
                        .header("Last-Event-ID", "0x10")
                        .get("/api/orders/events")
                        .then());
    }

    @Test
    void anAdminNumberThatIsNoNumberIsRefusedNamingNoClass() {
        RequestSpecification admin =
                given().contentType("application/json").auth().preemptive().basic("admin", "test-only-admin-password");
        for (String path : new String[] {
            "/admin/orders/privacy/data-requests?limit=abc", "/admin/dead-letters/" + Topics.ORDERS + "?from=yesterday"
        }) {
            ValidatableResponse response = admin.get(path)
                    .then()
                    .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                    .contentType("application/problem+json");
            String body = response.extract().asString();
            assertFalse(INTERNALS.matcher(body).find(), body);
        }
    }
}
