package com.lavish.customers;

import static com.lavish.customers.CustomerEventFixture.customer;
import static com.lavish.customers.CustomerEventFixture.deletion;
import static com.lavish.customers.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The customer topics beyond create/update/delete, in the shapes Shopify's 2026-07 reference gives (REST-style
 * consent bodies; GraphQL-style tag and purchasing-summary bodies with gids), through the real broker.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class CustomerSideTopicsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource database;

    private static CustomerEventFixture fixture;

    @BeforeEach
    void openFixture() {
        if (fixture == null) {
            fixture = new CustomerEventFixture(database);
        }
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void awaitApplied(String ceId) {
        await().atMost(WAIT).until(() -> fixture.applied(ceId));
    }

    private static ObjectNode emailConsent(long id, String state, String consentUpdatedAt) {
        ObjectNode body = JSON.createObjectNode().put("customer_id", id).put("email_address", "c" + id + "@example.com");
        body.putObject("email_marketing_consent").put("state", state).put("opt_in_level", "single_opt_in")
                .put("consent_updated_at", consentUpdatedAt);
        return body;
    }

    private static ObjectNode tags(long id, String occurredAt, String... tags) {
        ObjectNode body = JSON.createObjectNode().put("customerId", "gid://shopify/Customer/" + id)
                .put("occurredAt", occurredAt);
        for (String tag : tags) {
            body.withArray("tags").add(tag);
        }
        return body;
    }

    private String tagsOf(long id) {
        return (String) fixture.customerRow(id).get("tags");
    }

    @Test
    void emailConsentIsAppliedAndAnOlderConsentArrivingLateIsIgnored() {
        long id = newCustomerId();
        fixture.createAndAwaitRows(customer(id, "2026-08-01T10:00:00Z", "Cora"));
        fixture.send("customers_email_marketing_consent/update", id,
                emailConsent(id, "subscribed", "2026-08-02T10:00:00+10:00"));
        awaitApplied(fixture.send("customers_email_marketing_consent/update", id,
                emailConsent(id, "unsubscribed", "2026-08-01T23:00:00Z")));

        // 23:00Z on the 1st is before 10:00+10:00 on the 2nd (00:00Z): the late one changes nothing
        assertEquals("subscribed", fixture.customerRow(id).get("email_marketing_state"));
    }

    @Test
    void smsConsentComesFromItsOwnTopicAndShowsInTheProfile() {
        long id = newCustomerId();
        fixture.createAndAwaitRows(customer(id, "2026-08-01T10:00:00Z", "Sam"));
        ObjectNode body = JSON.createObjectNode().put("id", id).put("phone", "+61400000001");
        body.putObject("sms_marketing_consent").put("state", "subscribed").put("opt_in_level", "single_opt_in")
                .putNull("consent_updated_at").put("consent_collected_from", "other");
        awaitApplied(fixture.send("customers_marketing_consent/update", id, body));

        given().urlEncodingEnabled(false).when().get("/proxy/customers/me?" + signedQuery(id))
                .then().statusCode(200).body("sms_marketing_state", equalTo("subscribed"));
    }

    @Test
    void consentBeforeTheCreateIsKeptWhenTheCreateComes() {
        long id = newCustomerId();
        fixture.send("customers_email_marketing_consent/update", id,
                emailConsent(id, "subscribed", "2026-08-02T10:00:00Z"));
        awaitApplied(fixture.send("customers/create", id, customer(id, "2026-08-01T10:00:00Z", "Early")));

        assertEquals("subscribed", fixture.customerRow(id).get("email_marketing_state"));
        assertEquals("Early", fixture.customerRow(id).get("first_name"));
    }

    @Test
    void eachTagKeepsItsNewestChangeWhateverOrderTheEventsArriveIn() {
        long id = newCustomerId();
        fixture.createAndAwaitRows(customer(id, "2026-08-01T10:00:00Z", "Tia"));
        fixture.send("customer.tags_added", id, tags(id, "2026-08-03T10:00:00Z", "vip", "book-club"));
        fixture.send("customer.tags_removed", id, tags(id, "2026-08-03T11:00:00Z", "book-club"));
        awaitApplied(fixture.send("customer.tags_added", id, tags(id, "2026-08-03T09:00:00Z", "book-club", "gift")));

        // book-club: added 10:00, removed 11:00, the 09:00 add arrived late and is older → stays removed
        assertEquals("gift, vip", tagsOf(id));
    }

    @Test
    void purchasingSummaryGivesTheProfileItsOrderCountAndTotalSpent() {
        long id = newCustomerId();
        fixture.createAndAwaitRows(customer(id, "2026-08-01T10:00:00Z", "Pia"));
        ObjectNode summary = JSON.createObjectNode().put("customerId", "gid://shopify/Customer/" + id)
                .put("numberOfOrders", 3).put("lastOrderId", "gid://shopify/Order/1")
                .put("occurredAt", "2026-08-05T10:00:00Z");
        summary.putObject("amountSpent").put("amount", "149.85").put("currencyCode", "AUD");
        fixture.send("customers/purchasing_summary", id, summary);
        ObjectNode older = summary.deepCopy().put("numberOfOrders", 2).put("occurredAt", "2026-08-04T10:00:00Z");
        awaitApplied(fixture.send("customers/purchasing_summary", id, older));

        assertEquals(0, new BigDecimal("149.85").compareTo((BigDecimal) fixture.customerRow(id).get("amount_spent")));
        given().urlEncodingEnabled(false).when().get("/proxy/customers/me?" + signedQuery(id))
                .then().statusCode(200)
                .body("orders_count", equalTo(3))
                .body("total_spent.amount", equalTo("149.85"))
                .body("total_spent.currency", equalTo("AUD"));
    }

    @Test
    void aCompletedMergeErasesTheCustomerMergedAwayAndAFailedOneChangesNothing() {
        long kept = newCustomerId();
        long mergedAway = newCustomerId();
        long untouched = newCustomerId();
        fixture.createAndAwaitRows(customer(kept, "2026-08-01T10:00:00Z", "Kept"),
                customer(mergedAway, "2026-08-01T10:00:00Z", "Gone"),
                customer(untouched, "2026-08-01T10:00:00Z", "Stays"));
        fixture.send("customer.tags_added", mergedAway, tags(mergedAway, "2026-08-02T10:00:00Z", "vip"));
        await().atMost(WAIT).until(() -> "vip".equals(tagsOf(mergedAway)));

        ObjectNode failed = merge(kept, untouched, "failed");
        failed.putArray("errors").addObject().put("field", "merge_in_progress").put("message", "being merged");
        fixture.send("customers/merge", kept, failed);
        awaitApplied(fixture.send("customers/merge", kept, merge(kept, mergedAway, "completed")));

        var gone = fixture.customerRow(mergedAway);
        assertNotNull(gone.get("deleted_at"));
        assertNull(gone.get("email"));
        assertNull(gone.get("first_name"));
        assertNull(gone.get("tags"));
        assertEquals(kept, ((Number) gone.get("merged_into_shopify_id")).longValue());
        assertEquals("Stays", fixture.customerRow(untouched).get("first_name"));
        assertEquals("Kept", fixture.customerRow(kept).get("first_name"));
        assertEquals(List.of(), fixture.tagRows(mergedAway));
        // a late update of the customer merged away does not bring them back
        awaitApplied(fixture.send("customers/update", mergedAway, customer(mergedAway, "2026-08-09T10:00:00Z", "Back")));
        assertNull(fixture.customerRow(mergedAway).get("first_name"));
    }

    @Test
    void deleteForgetsTheCustomersTags() {
        long id = newCustomerId();
        fixture.createAndAwaitRows(customer(id, "2026-08-01T10:00:00Z", "Dee"));
        fixture.send("customer.tags_added", id, tags(id, "2026-08-02T10:00:00Z", "vip"));
        awaitApplied(fixture.send("customers/delete", id, deletion(id)));

        assertEquals(List.of(), fixture.tagRows(id));
    }

    private static ObjectNode merge(long kept, long mergedAway, String status) {
        return JSON.createObjectNode()
                .put("admin_graphql_api_customer_kept_id", "gid://shopify/Customer/" + kept)
                .put("admin_graphql_api_customer_deleted_id", "gid://shopify/Customer/" + mergedAway)
                .putNull("admin_graphql_api_job_id")
                .put("status", status);
    }
}
