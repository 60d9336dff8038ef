package com.lavish.customers.rest;

import static com.lavish.customers.support.AdminCredentials.asAdmin;
import static com.lavish.customers.support.AdminCredentials.asAuditor;
import static com.lavish.customers.support.CustomerEventFixture.SHOP;
import static com.lavish.customers.support.CustomerEventFixture.customer;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.customers.support.ComplianceEventFixture;
import com.lavish.devstack.DevStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * customers/data_request from shopify.compliance to the shop owner: the admin lists the requests and fetches
 * everything customer-service holds about the customer, which completes the request.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DataRequestExportTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DATA_REQUESTS = "/admin/customers/privacy/data-requests";

    @Inject
    AgroalDataSource database;

    private static ComplianceEventFixture fixture;

    @BeforeEach
    void openFixture() {
        if (fixture == null) {
            fixture = new ComplianceEventFixture(database);
        }
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private String awaitDataRequest(String shop, long customerId) {
        String ceId = fixture.send(
                "customers/data_request",
                shop,
                customerId,
                """
                {"shop_id":954889,"shop_domain":"%s","orders_requested":[299938,280263,220458],
                 "customer":{"id":%d,"email":"john@example.com","phone":"555-625-1199"},
                 "data_request":{"id":9999}}""".formatted(shop, customerId),
                UUID.randomUUID().toString(),
                "2026-08-03T10:00:00Z");
        await().atMost(WAIT).until(() -> fixture.privacyRequestCount(ceId) == 1);
        return ceId;
    }

    @Test
    void theExportHoldsEverythingStoredAboutTheCustomerAndCompletesTheRequest() {
        long id = newCustomerId();
        ObjectNode body = customer(id, "2026-01-01T10:00:00Z", "Dana");
        body.put("phone", "+61400000001");
        body.put("tags", "vip, book club");
        ObjectNode consent = body.putObject("email_marketing_consent");
        consent.put("state", "subscribed");
        consent.put("opt_in_level", "confirmed_opt_in");
        consent.put("consent_updated_at", "2026-01-01T09:30:00Z");
        String created = fixture.customers.send("customers/create", id, body);
        await().atMost(WAIT).until(() -> fixture.customers.applied(created));
        String requestId = awaitDataRequest(SHOP, id);

        asAdmin()
                .get(DATA_REQUESTS + "?shop=" + SHOP)
                .then()
                .statusCode(200)
                .body("id", hasItem(requestId))
                .body("find { it.id == '" + requestId + "' }.customer_id", equalTo(Long.toString(id)))
                .body("find { it.id == '" + requestId + "' }.shop", equalTo(SHOP))
                .body("find { it.id == '" + requestId + "' }.received_at", containsString("2026-08-03T10:00"))
                .body("find { it.id == '" + requestId + "' }.completed_at", nullValue());

        asAdmin()
                .get(DATA_REQUESTS + "/" + requestId + "/export")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("service", equalTo("customer-service"))
                .body("data_request.id", equalTo(requestId))
                .body("data_request.completed_at", notNullValue())
                .body("customer.id", equalTo(Long.toString(id)))
                .body("customer.email", equalTo("customer-" + id + "@example.com"))
                .body("customer.first_name", equalTo("Dana"))
                .body("customer.phone", equalTo("+61400000001"))
                .body("customer.note", equalTo("This customer loves ice cream"))
                // the tags as stored since the per-tag merge (customer_tag, present ones in alphabetical order)
                .body("customer.tags", equalTo(java.util.List.of("book club", "vip")))
                .body("customer.email_marketing_consent.state", equalTo("subscribed"))
                .body("customer.email_marketing_consent.opt_in_level", equalTo("confirmed_opt_in"))
                .body("customer.addresses.size()", equalTo(1))
                .body("customer.addresses[0].id", equalTo(Long.toString(id + 1)))
                .body("customer.addresses[0].address1", equalTo("151 O'Connor Street"));

        assertNotNull(fixture.privacyRequest(requestId).get("completed_at"), "the request is carried out");
        asAdmin()
                .get(DATA_REQUESTS + "?shop=" + SHOP)
                .then()
                .body("find { it.id == '" + requestId + "' }.completed_at", notNullValue());
    }

    @Test
    void aCustomerThisServiceNeverSawHasAnEmptyExport() {
        String shop = ComplianceEventFixture.newShop();
        String requestId = awaitDataRequest(shop, newCustomerId());

        asAdmin()
                .get(DATA_REQUESTS + "/" + requestId + "/export")
                .then()
                .statusCode(200)
                .body("data_request.shop", equalTo(shop))
                .body("customer", nullValue());
        asAdmin()
                .get(DATA_REQUESTS + "?shop=" + shop)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(requestId));
    }

    @Test
    void anUnknownRequestIsNotFound() {
        asAdmin()
                .get(DATA_REQUESTS + "/" + UUID.randomUUID() + "/export")
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aRedactRequestIsNoDataRequest() {
        long id = newCustomerId();
        String redact = fixture.send("customers/redact", SHOP, id, ComplianceEventFixture.customersRedact(SHOP, id));
        await().atMost(WAIT).until(() -> fixture.privacyRequestCount(redact) == 1);

        asAdmin().get(DATA_REQUESTS + "/" + redact + "/export").then().statusCode(404);
        asAdmin().get(DATA_REQUESTS).then().statusCode(200).body("id", not(hasItem(redact)));
    }

    @Tag("security")
    @Test
    void onlyTheAdminFetchesExports() {
        String requestId = awaitDataRequest(SHOP, newCustomerId());
        String export = DATA_REQUESTS + "/" + requestId + "/export";

        given().get(export).then().statusCode(401).contentType(containsString("application/problem+json"));
        given().get(DATA_REQUESTS).then().statusCode(401);
        asAuditor().get(export).then().statusCode(403).contentType(containsString("application/problem+json"));
        String token = StorefrontSessionTest.tokenFor(newCustomerId());
        given().header("Authorization", "Bearer " + token).get(export).then().statusCode(401);

        assertNull(fixture.privacyRequest(requestId).get("completed_at"), "no refused fetch completes it");
    }
}
