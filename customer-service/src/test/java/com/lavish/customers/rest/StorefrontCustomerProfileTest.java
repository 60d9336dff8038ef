package com.lavish.customers.rest;

import static com.lavish.customers.support.CustomerEventFixture.SECRET;
import static com.lavish.customers.support.CustomerEventFixture.SHOP;
import static com.lavish.customers.support.CustomerEventFixture.customer;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.customers.support.CustomerEventFixture;
import com.lavish.devstack.DevStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class StorefrontCustomerProfileTest {

    private static final String ME = "/proxy/customers/me";

    @Inject
    AgroalDataSource database;

    private static CustomerEventFixture fixture;
    private static long ann;
    private static long bob;

    /** Ann and Bob, created once for the class (an instance method: the data source is injected). */
    @BeforeEach
    void createTwoCustomersOnce() {
        if (fixture == null) {
            fixture = new CustomerEventFixture(database);
            ann = newCustomerId();
            bob = newCustomerId();
            ObjectNode bobBody = customer(bob, "2026-01-01T10:00:00-05:00", "Bob");
            bobBody.put("phone", "+61 400 000 000");
            fixture.createAndAwaitRows(customer(ann, "2026-01-01T10:00:00-05:00", "Ann"), bobBody);
        }
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static ValidatableResponse get(String query) {
        return given().urlEncodingEnabled(false)
                .when()
                .get(ME + (query == null ? "" : "?" + query))
                .then();
    }

    @Test
    void createdCustomerIsServedToThemWithAddressesAndDefaultAddress() {
        get(signedQuery(ann))
                .statusCode(200)
                .contentType(containsString("application/json"))
                .header("Cache-Control", "private, no-store")
                .body("id", equalTo(Long.toString(ann)))
                .body("admin_graphql_api_id", equalTo("gid://shopify/Customer/" + ann))
                .body("first_name", equalTo("Ann"))
                .body("last_name", equalTo("Biller"))
                .body("email", equalTo("customer-" + ann + "@example.com"))
                .body("state", equalTo("disabled"))
                .body("currency", equalTo("AUD"))
                .body("created_at", equalTo("2026-01-01T14:00:00Z"))
                .body("addresses", hasSize(1))
                .body("addresses[0].id", equalTo(Long.toString(ann + 1)))
                .body("addresses[0].city", equalTo("Ottawa"))
                .body("addresses[0].province_code", equalTo("ON"))
                .body("addresses[0].is_default", equalTo(true))
                .body("default_address.id", equalTo(Long.toString(ann + 1)))
                .body("default_address.address1", equalTo("151 O'Connor Street"))
                // the merchant's note is theirs, not the customer's
                .body("note", nullValue());
    }

    @Tag("security")
    @Test
    void anotherCustomersSignatureSeesOnlyTheirOwnProfile() {
        get(signedQuery(bob))
                .statusCode(200)
                .body("id", equalTo(Long.toString(bob)))
                .body("first_name", equalTo("Bob"))
                .body("phone", equalTo("+61 400 000 000"))
                .body("id", not(equalTo(Long.toString(ann))))
                .body("email", not(containsString(Long.toString(ann))));
    }

    @Tag("security")
    @Test
    void anonymousVisitorIsUnauthorized() {
        get(signedQuery(null))
                .statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("log in to the storefront to use this path"))
                // only Shopify can sign: there is nothing to challenge for
                .header("WWW-Authenticate", nullValue());
    }

    @Tag("security")
    @Test
    void forgedCustomerIdIsUnauthorized() {
        // Bob's valid signature, with Ann's id put in its place
        String forged = signedQuery(bob).replace("logged_in_customer_id=" + bob, "logged_in_customer_id=" + ann);
        get(forged).statusCode(401).contentType(containsString("application/problem+json"));
    }

    @Tag("security")
    @Test
    void signatureMadeWithAnotherSecretIsUnauthorized() {
        get(signedQuery("not-our-secret", SHOP, ann, Instant.now()))
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Tag("security")
    @Test
    void requestWithoutAnySignatureIsUnauthorized() {
        get("shop=" + SHOP + "&logged_in_customer_id=" + ann + "&timestamp="
                        + Instant.now().getEpochSecond())
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
        get(null).statusCode(401).contentType(containsString("application/problem+json"));
    }

    @Tag("security")
    @Test
    void staleTimestampIsUnauthorized() {
        get(signedQuery(SECRET, SHOP, ann, Instant.now().minusSeconds(120)))
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Tag("security")
    @Test
    void refusalDoesNotSayWhichPartOfTheSignatureFailed() {
        String stale = get(signedQuery(SECRET, SHOP, ann, Instant.now().minusSeconds(120)))
                .statusCode(401)
                .extract()
                .path("detail");
        String wrongSecret = get(signedQuery("not-our-secret", SHOP, ann, Instant.now()))
                .statusCode(401)
                .extract()
                .path("detail");
        String unsigned = get("shop=" + SHOP + "&logged_in_customer_id=" + ann + "&timestamp="
                        + Instant.now().getEpochSecond())
                .statusCode(401)
                .extract()
                .path("detail");
        assertEquals(stale, wrongSecret);
        assertEquals(stale, unsigned);
    }

    @Test
    void previousSecretIsAcceptedDuringARotation() {
        get(signedQuery(CustomerEventFixture.PREVIOUS_SECRET, SHOP, ann, Instant.now()))
                .statusCode(200)
                .body("id", equalTo(Long.toString(ann)));
    }

    @Tag("security")
    @Test
    void shopThisServiceDoesNotServeIsForbidden() {
        get(signedQuery(SECRET, "stranger.myshopify.com", ann, Instant.now()))
                .statusCode(403)
                .contentType(containsString("application/problem+json"));
    }

    @Tag("security")
    @Test
    void customerOfAnotherServedShopIsNotFound() {
        // Ann's id, signed for the other shop this suite serves: her record belongs to lavish-test only
        get(signedQuery(SECRET, "other-test.myshopify.com", ann, Instant.now()))
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void signedInCustomerWithoutRecordIsNotFound() {
        get(signedQuery(newCustomerId()))
                .statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404));
    }
}
