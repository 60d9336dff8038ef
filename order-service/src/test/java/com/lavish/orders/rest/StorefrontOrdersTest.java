package com.lavish.orders.rest;

import static com.lavish.orders.support.OrderEventFixture.fulfillment;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static com.lavish.orders.support.OrderEventFixture.proxyGet;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.session.StorefrontSessionTokens;
import com.lavish.orders.support.OrderEventFixture;
import com.lavish.orders.support.OrderTestSupport;
import com.lavish.shopifyfake.AppProxySigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** GET orders and orders/{number}: the signed-in customer's own orders, through the app proxy and the direct API. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class StorefrontOrdersTest extends OrderTestSupport {

    @Inject
    StorefrontSessionTokens tokens;

    /** Creates the customer's order processed at the given time (null: no date at all) and waits for it. */
    private static long placeOrder(long customer, long number, String processedAt) {
        long id = newId();
        ObjectNode body = order(id, customer, number, "2026-07-01T10:00:00Z");
        body.put("processed_at", processedAt);
        if (processedAt == null) {
            body.putNull("created_at");
        }
        fixture.awaitApplied(fixture.send("orders/create", id, body));
        return id;
    }

    @Test
    void listIsTheCustomersOwnNewestFirstInPagesWithANextCursor() {
        long ada = newId();
        long oldest = placeOrder(ada, 3001, "2026-01-01T10:00:00+10:00");
        long newest = placeOrder(ada, 3003, "2026-03-01T10:00:00Z");
        // the same instant as the oldest, written with another offset: ordered after it by id
        long middle = placeOrder(ada, 3002, "2026-02-01T00:00:00Z");
        placeOrder(newId(), 3004, "2026-04-01T00:00:00Z"); // someone else's

        Response first = proxyGet(ada, "orders", "limit=2");
        first.then()
                .statusCode(200)
                .header("Cache-Control", "private, no-store")
                .header("Link", startsWith("<?cursor="))
                .body("orders", hasSize(2))
                .body("orders[0].id", equalTo(Long.toString(newest)))
                .body("orders[0].number", equalTo(3003))
                .body("orders[0].name", equalTo("#3003"))
                .body("orders[0].total_price", equalTo("414.95"))
                .body("orders[0].currency", equalTo("USD"))
                .body("orders[0].financial_status", equalTo("paid"))
                .body("orders[0].item_count", equalTo(5))
                .body("orders[1].id", equalTo(Long.toString(middle)))
                .body("next", not(nullValue()));

        proxyGet(ada, "orders", "limit=2", "cursor=" + first.path("next"))
                .then()
                .statusCode(200)
                .body("orders", hasSize(1))
                .body("orders[0].id", equalTo(Long.toString(oldest)))
                .body("next", nullValue());
    }

    @Test
    void listPutsUndatedOrdersLastAndCountsTheItemsLeftAfterAnEdit() {
        long ada = newId();
        long january = placeOrder(ada, 3101, "2026-01-01T10:00:00Z");
        long march = placeOrder(ada, 3102, "2026-03-01T10:00:00Z");
        long undated = placeOrder(ada, 3103, null);
        long alsoUndated = placeOrder(ada, 3104, null);
        // an edit: the first line removed (current_quantity 0), four of the second, the last line gone
        ObjectNode edited =
                order(january, ada, 3101, "2026-07-02T10:00:00Z").put("processed_at", "2026-01-01T10:00:00Z");
        ArrayNode lines = (ArrayNode) edited.get("line_items");
        ((ObjectNode) lines.get(0)).put("current_quantity", 0);
        ((ObjectNode) lines.get(1)).put("quantity", 4).remove("current_quantity");
        lines.remove(4);
        fixture.awaitApplied(fixture.send("orders/updated", january, edited));

        String newerUndated = Long.toString(Math.max(undated, alsoUndated));
        String olderUndated = Long.toString(Math.min(undated, alsoUndated));
        Response first = proxyGet(ada, "orders", "limit=3");
        first.then()
                .statusCode(200)
                .body("orders.id", equalTo(List.of(Long.toString(march), Long.toString(january), newerUndated)))
                .body("orders.item_count", equalTo(List.of(5, 6, 5)))
                .body("next", not(nullValue()));
        // the cursor of an undated order: the rest of the undated ones, by id
        proxyGet(ada, "orders", "limit=3", "cursor=" + first.path("next"))
                .then()
                .statusCode(200)
                .body("orders.id", equalTo(List.of(olderUndated)))
                .body("next", nullValue());
    }

    @Test
    void orderByNumberHasLinesTotalsAddressAndTracking() {
        long ada = newId();
        long id = placeOrder(ada, 4001, "2026-05-01T10:00:00Z");
        long shipment = newId();
        fixture.awaitApplied(fixture.send(
                "fulfillments/create", id, fulfillment(shipment, id, "33TST0001", "2026-05-02T10:00:00Z")));

        proxyGet(ada, "orders/4001")
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("id", equalTo(Long.toString(id)))
                .body("admin_graphql_api_id", equalTo("gid://shopify/Order/" + id))
                .body("financial_status", equalTo("paid"))
                .body("subtotal_price", equalTo("414.95"))
                .body("total_shipping_price", equalTo("0.00"))
                .body("total_tax", equalTo("0.00"))
                .body("total_discounts", equalTo("0.00"))
                .body("total_price", equalTo("414.95"))
                .body("line_items", hasSize(5))
                .body("line_items[0].id", equalTo("487817672276298554"))
                .body("line_items[0].product_id", equalTo("788032119674292922"))
                .body("line_items[0].price", equalTo("89.99"))
                .body("line_items[0].quantity", equalTo(1))
                .body("shipping_address.city", equalTo("Shippington"))
                .body("fulfillments[0].id", equalTo(Long.toString(shipment)))
                .body("fulfillments[0].tracking_number", equalTo("33TST0001"))
                .body("fulfillments[0].tracking_company", equalTo("Australia Post"))
                .body("$", not(org.hamcrest.Matchers.hasKey("note")));
    }

    @Tag("security")
    @Test
    void anotherCustomersOrderNumberIsNotFoundAndShowsNothing() {
        long bob = newId();
        placeOrder(bob, 5001, "2026-05-01T10:00:00Z");

        proxyGet(newId(), "orders/5001")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("line_items", nullValue())
                .body(not(containsString("Shippington")));
        // and the owner does see it: the 404 is about whose order it is
        proxyGet(bob, "orders/5001").then().statusCode(200).body("shipping_address.city", equalTo("Shippington"));
    }

    @Tag("security")
    @Test
    void badNumberLimitAndCursorAreBadRequestsNamingTheField() {
        long ada = newId();
        proxyGet(ada, "orders/12ab")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("number"));
        proxyGet(ada, "orders", "limit=51").then().statusCode(400).body("field", equalTo("limit"));
        proxyGet(ada, "orders", "limit=0").then().statusCode(400).body("field", equalTo("limit"));
        proxyGet(ada, "orders", "cursor=bm90LWEtY3Vyc29y")
                .then()
                .statusCode(400)
                .body("field", equalTo("cursor"));
    }

    @Tag("security")
    @Test
    void anonymousVisitorIsUnauthorized() {
        given().urlEncodingEnabled(false)
                .get("/proxy/orders?"
                        + new AppProxySigner(OrderEventFixture.SECRET).query(OrderEventFixture.SHOP, null))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/orders").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void directApiWithASessionTokenAnswersTheSame() {
        long ada = newId();
        long id = placeOrder(ada, 6001, "2026-05-01T10:00:00Z");
        String token = tokens.issue(new StorefrontCustomer(OrderEventFixture.SHOP, ada))
                .token();

        given().header("Authorization", "Bearer " + token)
                .get("/api/orders")
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("orders", hasSize(1))
                .body("orders[0].id", equalTo(Long.toString(id)));
        given().header("Authorization", "Bearer " + token)
                .get("/api/orders/6001")
                .then()
                .statusCode(200)
                .body("name", equalTo("#6001"));
    }

    @Test
    void openApiDocumentDescribesTheOrderPathsWithExamples() {
        ManagementPort.given()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/{entry}/orders'.get.operationId", equalTo("listOrders"))
                .body(
                        "paths.'/{entry}/orders/{number}'.get.responses.'404'.content.'application/problem+json'"
                                + ".examples.notFound.value.status",
                        equalTo(404))
                .body(containsString("\"selling_plan_id\""));
    }
}
