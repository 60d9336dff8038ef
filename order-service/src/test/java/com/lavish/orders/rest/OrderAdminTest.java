package com.lavish.orders.rest;

import static com.lavish.orders.support.OrderEventFixture.SHOP;
import static com.lavish.orders.support.OrderEventFixture.compliance;
import static com.lavish.orders.support.OrderEventFixture.fulfillment;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.Topics;
import com.lavish.orders.support.OrderEventFixture;
import com.lavish.shopifyfake.SampleWebhooks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * order-service's admin paths (ADR 0006): its part of a customers/data_request export, which completes the
 * request here, and the dead letters of shopify.orders; the admin credential in front of both.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrderAdminTest {

    private static final String DATA_REQUESTS = "/admin/orders/privacy/data-requests";
    private static final String DEAD_LETTERS = "/admin/dead-letters/" + Topics.ORDERS;

    @Inject
    AgroalDataSource database;

    /** The test users of event-consumer's %test admin realm and of this service's %test config. */
    private static RequestSpecification asAdmin() {
        return given().contentType("application/json").auth().preemptive().basic("admin", "test-only-admin-password");
    }

    private static RequestSpecification asAuditor() {
        return given().contentType("application/json")
                .auth()
                .preemptive()
                .basic("auditor", "test-only-auditor-password");
    }

    private static String awaitDataRequest(OrderEventFixture fixture, String shop, long customerId) {
        String body = SampleWebhooks.variant("customers/data_request")
                .customerId(customerId)
                .shopDomain(shop)
                .tree()
                .toString();
        String ceId = fixture.send(Topics.COMPLIANCE, compliance("customers/data_request", shop, customerId, body));
        fixture.awaitPrivacyRequest(ceId);
        return ceId;
    }

    @Test
    void theExportHoldsTheCustomersOrdersAndCompletesTheRequest() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            long customer = newId();
            long id = newId();
            long shipment = newId();
            long othersOrder = newId();
            fixture.awaitApplied(fixture.send("orders/create", id, order(id, customer, 9101, "2026-07-01T10:00:00Z")));
            fixture.awaitApplied(fixture.send(
                    "fulfillments/create", id, fulfillment(shipment, id, "TRACK-EXPORT", "2026-07-02T10:00:00Z")));
            fixture.awaitApplied(fixture.send(
                    "orders/create", othersOrder, order(othersOrder, newId(), 9102, "2026-07-01T10:00:00Z")));
            String requestId = awaitDataRequest(fixture, SHOP, customer);

            asAdmin()
                    .get(DATA_REQUESTS + "?shop=" + SHOP)
                    .then()
                    .statusCode(200)
                    .body("id", hasItem(requestId))
                    .body("find { it.id == '" + requestId + "' }.customer_id", equalTo(Long.toString(customer)))
                    .body("find { it.id == '" + requestId + "' }.completed_at", nullValue());

            asAdmin()
                    .get(DATA_REQUESTS + "/" + requestId + "/export")
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", containsString("no-store"))
                    .body("service", equalTo("order-service"))
                    .body("data_request.id", equalTo(requestId))
                    .body("data_request.shop", equalTo(SHOP))
                    .body("data_request.customer_id", equalTo(Long.toString(customer)))
                    .body("data_request.completed_at", notNullValue())
                    .body("orders.size()", equalTo(1))
                    .body("orders[0].id", equalTo(Long.toString(id)))
                    .body("orders[0].number", equalTo(9101))
                    .body("orders[0].name", equalTo("#9101"))
                    .body("orders[0].created_at", notNullValue())
                    .body("orders[0].financial_status", equalTo("paid"))
                    .body("orders[0].total_price", equalTo("414.95"))
                    .body("orders[0].line_items.size()", equalTo(5))
                    .body("orders[0].shipping_address.city", equalTo("Shippington"))
                    .body("orders[0].fulfillments.size()", equalTo(1))
                    .body("orders[0].fulfillments[0].id", equalTo(Long.toString(shipment)))
                    .body("orders[0].fulfillments[0].tracking_number", equalTo("TRACK-EXPORT"));

            assertNotNull(fixture.awaitPrivacyRequest(requestId).get("completed_at"), "the request is carried out");
            asAdmin()
                    .get(DATA_REQUESTS + "?shop=" + SHOP)
                    .then()
                    .body("find { it.id == '" + requestId + "' }.completed_at", notNullValue());
        }
    }

    @Test
    void aCustomerWithoutOrdersHasAnEmptyExport() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            String shop = "privacy-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
            String requestId = awaitDataRequest(fixture, shop, newId());

            asAdmin()
                    .get(DATA_REQUESTS + "/" + requestId + "/export")
                    .then()
                    .statusCode(200)
                    .body("data_request.shop", equalTo(shop))
                    .body("orders", equalTo(List.of()));
        }
    }

    @Test
    void aLimitOutOfRangeIsABadRequest() {
        asAdmin().get(DATA_REQUESTS + "?limit=501").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Tag("security")
    @Test
    void withoutACredentialTheExportIsUnauthorizedAndStaysOwed() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            String requestId = awaitDataRequest(fixture, SHOP, newId());
            String export = DATA_REQUESTS + "/" + requestId + "/export";

            given().get(export)
                    .then()
                    .statusCode(401)
                    .contentType(containsString("application/problem+json"))
                    .header("WWW-Authenticate", equalToIgnoringCase("Basic realm=\"lavish-admin\""));
            given().get(DATA_REQUESTS).then().statusCode(401);
            given().auth()
                    .preemptive()
                    .basic("admin", "not-the-password")
                    .get(export)
                    .then()
                    .statusCode(401);

            assertNull(fixture.awaitPrivacyRequest(requestId).get("completed_at"), "no refused fetch completes it");
        }
    }

    @Tag("security")
    @Test
    void aUserWithoutTheAdminRoleIsForbidden() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            String requestId = awaitDataRequest(fixture, SHOP, newId());

            asAuditor()
                    .get(DATA_REQUESTS + "/" + requestId + "/export")
                    .then()
                    .statusCode(403)
                    .contentType(containsString("application/problem+json"));
            asAuditor().get(DATA_REQUESTS).then().statusCode(403);
            asAuditor().get(DEAD_LETTERS).then().statusCode(403);

            assertNull(fixture.awaitPrivacyRequest(requestId).get("completed_at"), "no refused fetch completes it");
        }
    }

    @Test
    void theAdminListsTheDeadLettersOfShopifyOrders() {
        try (OrderEventFixture fixture = new OrderEventFixture(database)) {
            long id = newId();
            byte[] notJson = "{\"id\": 1, not JSON".getBytes(StandardCharsets.UTF_8);
            String ceId =
                    fixture.send("orders/create", id, notJson, UUID.randomUUID().toString());

            await().atMost(OrderEventFixture.WAIT)
                    .until(() -> asAdmin()
                            .get(DEAD_LETTERS + "?limit=500")
                            .then()
                            .statusCode(200)
                            .body("topic", equalTo(Topics.ORDERS))
                            .body("dead_letter_topic", equalTo(Topics.deadLetterOf(Topics.ORDERS)))
                            .extract()
                            .jsonPath()
                            .<String>getList("dead_letters.ce_id")
                            .contains(ceId));
            given().get(DEAD_LETTERS).then().statusCode(401);
            // shopify.compliance's dead letters are customer-service's to list and replay
            asAdmin().get("/admin/dead-letters/" + Topics.COMPLIANCE).then().statusCode(404);
        }
    }
}
