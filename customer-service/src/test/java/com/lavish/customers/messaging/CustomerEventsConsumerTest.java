package com.lavish.customers.messaging;

import static com.lavish.customers.support.CustomerEventFixture.address;
import static com.lavish.customers.support.CustomerEventFixture.addresses;
import static com.lavish.customers.support.CustomerEventFixture.bytes;
import static com.lavish.customers.support.CustomerEventFixture.customer;
import static com.lavish.customers.support.CustomerEventFixture.deletion;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.customers.support.CustomerEventFixture;
import com.lavish.customers.support.CustomerTestSupport;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.ReconcileType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * shopify.customers through the real broker into the real database. Records of one customer share a key and so
 * a partition, and are consumed in order: once a later record's ce_id is in applied_event, every earlier one of
 * that customer has been handled, which is how these tests know a record that changed nothing was consumed.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class CustomerEventsConsumerTest extends CustomerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private void awaitApplied(String ceId) {
        await().atMost(WAIT).until(() -> fixture.applied(ceId));
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    @Test
    void createBecomesARowWithItsAddressesAndDefault() {
        long id = newCustomerId();
        ObjectNode body = customer(id, "2026-01-01T10:00:00-05:00", "Cleo");
        addresses(body).add(address(id + 2, "Cleo", false));
        awaitApplied(fixture.send("customers/create", id, body));

        Map<String, Object> row = fixture.customerRow(id);
        assertEquals("Cleo", row.get("first_name"));
        assertEquals("lavish-test.myshopify.com", row.get("shop_domain"));
        assertEquals(Instant.parse("2026-01-01T15:00:00Z"), instant(row.get("updated_at")));
        assertEquals(2, fixture.addressCount(id));
        given().urlEncodingEnabled(false)
                .get("/proxy/customers/me?" + signedQuery(id))
                .then()
                .statusCode(200)
                .body("addresses", hasSize(2))
                .body("addresses[0].id", equalTo(Long.toString(id + 1)))
                .body("addresses[0].is_default", equalTo(true))
                .body("addresses[1].is_default", equalTo(false))
                .body("default_address.id", equalTo(Long.toString(id + 1)));
        ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("customer_events_total{outcome=\"applied\",type=\"customers/create\"}"));
    }

    @Test
    void customerHealedByReconciliationReadsLikeItsWebhookAndStaysInVersionOrder() {
        long id = newCustomerId();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", "gid://shopify/Customer/" + id)
                .put("firstName", "Ngaio")
                .put("lastName", "Marsh")
                .put("email", "ngaio@example.com")
                .put("state", "ENABLED")
                .put("updatedAt", "2026-05-01T10:00:00+10:00")
                .put("createdAt", "2026-01-01T00:00:00Z");
        node.putArray("tags").add("vip").add("crime");
        node.putObject("emailMarketingConsent")
                .put("marketingState", "SUBSCRIBED")
                .put("marketingOptInLevel", "SINGLE_OPT_IN")
                .put("consentUpdatedAt", "2026-04-01T00:00:00Z");
        // a MailingAddress gid carries a query; its number is the address id
        String addressGid = "gid://shopify/MailingAddress/" + (id + 1) + "?model_name=CustomerAddress";
        node.putObject("defaultAddress").put("id", addressGid);
        node.putArray("addresses")
                .addObject()
                .put("id", addressGid)
                .put("firstName", "Ngaio")
                .put("city", "Christchurch")
                .put("provinceCode", "CAN")
                .put("countryCodeV2", "NZ");
        String ceId = "reconcile:gid://shopify/Customer/" + id + ":2026-05-01T00:00:00Z";
        ShopifyEvent event = new ShopifyEvent(
                ceId,
                ReconcileType.CUSTOMERS.eventType(),
                CustomerEventFixture.SHOP,
                Instant.now().toString(),
                Long.toString(id),
                "2026-07",
                null,
                CustomerEventFixture.bytes(node));
        fixture.publish(event.recordKey().toString(), event.payload(), event.toHeaders());
        awaitApplied(ceId);

        Map<String, Object> row = fixture.customerRow(id);
        assertEquals("Ngaio", row.get("first_name"));
        assertEquals("enabled", row.get("state"), "GraphQL's ENABLED is stored in the webhook's spelling");
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), instant(row.get("updated_at")));
        // a webhook older than the reconciled version arrives late and changes nothing
        awaitApplied(fixture.send("customers/update", id, customer(id, "2026-04-30T00:00:00Z", "Stale")));
        assertEquals("Ngaio", fixture.customerRow(id).get("first_name"));
        given().urlEncodingEnabled(false)
                .get("/proxy/customers/me?" + signedQuery(id))
                .then()
                .statusCode(200)
                .body("addresses", hasSize(1))
                .body("default_address.id", equalTo(Long.toString(id + 1)))
                .body("default_address.city", equalTo("Christchurch"));
    }

    @Test
    void duplicateDeliveryChangesNothingEvenWithDifferentData() {
        long id = newCustomerId();
        String ceId = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        fixture.send("customers/create", id, bytes(customer(id, "2026-02-01T10:00:00Z", "Original")), ceId, now);
        // the same delivery again, carrying a newer version: were it deduplicated by updated_at only, it would apply
        fixture.send("customers/update", id, bytes(customer(id, "2026-02-02T10:00:00Z", "Impostor")), ceId, now);
        String barrier = fixture.send("customers/update", id, customer(id, "2026-01-01T00:00:00Z", "Barrier"));
        awaitApplied(barrier);

        Map<String, Object> row = fixture.customerRow(id);
        assertEquals("Original", row.get("first_name"));
        assertEquals(Instant.parse("2026-02-01T10:00:00Z"), instant(row.get("updated_at")));
    }

    @Test
    void olderUpdateDoesNotOverwriteNewer() {
        long id = newCustomerId();
        fixture.send("customers/create", id, customer(id, "2026-03-01T10:00:00Z", "First"));
        fixture.send("customers/update", id, customer(id, "2026-03-03T10:00:00Z", "Newest"));
        awaitApplied(fixture.send("customers/update", id, customer(id, "2026-03-02T10:00:00Z", "Older")));

        assertEquals("Newest", fixture.customerRow(id).get("first_name"));
    }

    @Test
    void updateWithTheSameUpdatedAtIsIgnored() {
        long id = newCustomerId();
        fixture.send("customers/create", id, customer(id, "2026-03-01T10:00:00Z", "First"));
        awaitApplied(fixture.send("customers/update", id, customer(id, "2026-03-01T10:00:00Z", "Same instant")));

        assertEquals("First", fixture.customerRow(id).get("first_name"));
    }

    @Test
    void updatedAtIsComparedAsAnInstantAcrossOffsets() {
        long id = newCustomerId();
        // 10:00 at -05:00 is 15:00Z; 14:30Z reads later as text but is half an hour earlier
        fixture.send("customers/create", id, customer(id, "2026-01-01T10:00:00-05:00", "Later"));
        awaitApplied(fixture.send("customers/update", id, customer(id, "2026-01-01T14:30:00Z", "Earlier")));

        assertEquals("Later", fixture.customerRow(id).get("first_name"));
    }

    @Test
    void updateThatOvertakesItsCreateWins() {
        long id = newCustomerId();
        ObjectNode update = customer(id, "2026-04-02T10:00:00Z", "Updated");
        addresses(update).add(address(id + 5, "Updated", false));
        fixture.send("customers/update", id, update);
        awaitApplied(fixture.send("customers/create", id, customer(id, "2026-04-01T10:00:00Z", "Created")));

        assertEquals("Updated", fixture.customerRow(id).get("first_name"));
        assertEquals(2, fixture.addressCount(id));
    }

    @Test
    void updateReplacesTheAddressBook() {
        long id = newCustomerId();
        ObjectNode create = customer(id, "2026-04-01T10:00:00Z", "Dana");
        addresses(create).add(address(id + 2, "Dana", false));
        fixture.send("customers/create", id, create);
        // the second address becomes the default and the first is gone
        ObjectNode update = customer(id, "2026-04-02T10:00:00Z", "Dana");
        ObjectNode moved = address(id + 2, "Dana", true);
        moved.put("city", "Melbourne");
        update.putArray("addresses").add(moved);
        update.set("default_address", moved.deepCopy());
        awaitApplied(fixture.send("customers/update", id, update));

        assertEquals(1, fixture.addressCount(id));
        given().urlEncodingEnabled(false)
                .get("/proxy/customers/me?" + signedQuery(id))
                .then()
                .statusCode(200)
                .body("addresses", hasSize(1))
                .body("default_address.id", equalTo(Long.toString(id + 2)))
                .body("default_address.city", equalTo("Melbourne"));
    }

    @Test
    void deleteErasesPersonalDataAndALateOlderUpdateDoesNotResurrect() {
        long id = newCustomerId();
        fixture.send("customers/create", id, customer(id, "2026-05-01T10:00:00Z", "Erin"));
        fixture.send(
                "customers/delete", id, bytes(deletion(id)), UUID.randomUUID().toString(), "2026-05-03T10:00:00Z");
        // a retry of an update made before the delete, arriving after it
        awaitApplied(fixture.send("customers/update", id, customer(id, "2026-05-02T10:00:00Z", "Erin again")));

        Map<String, Object> row = fixture.customerRow(id);
        assertFalse(row.isEmpty(), "the tombstone stays");
        assertEquals(Instant.parse("2026-05-03T10:00:00Z"), instant(row.get("deleted_at")));
        assertNull(row.get("email"));
        assertNull(row.get("first_name"));
        assertNull(row.get("last_name"));
        assertNull(row.get("note"));
        assertEquals(0, fixture.addressCount(id));
        given().urlEncodingEnabled(false)
                .get("/proxy/customers/me?" + signedQuery(id))
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void deleteThatOvertakesItsCreateLeavesATombstone() {
        long id = newCustomerId();
        fixture.send(
                "customers/delete", id, bytes(deletion(id)), UUID.randomUUID().toString(), "2026-05-03T10:00:00Z");
        awaitApplied(fixture.send("customers/create", id, customer(id, "2026-05-01T10:00:00Z", "Ghost")));

        Map<String, Object> row = fixture.customerRow(id);
        assertTrue(row.get("deleted_at") != null);
        assertNull(row.get("first_name"));
    }

    @Test
    void enableAndDisableChangeTheAccountState() {
        long id = newCustomerId();
        fixture.send("customers/create", id, customer(id, "2026-06-01T10:00:00Z", "Finn"));
        ObjectNode enabled = customer(id, "2026-06-02T10:00:00Z", "Finn");
        enabled.put("state", "enabled");
        awaitApplied(fixture.send("customers/enable", id, enabled));
        assertEquals("enabled", fixture.customerRow(id).get("state"));
        given().urlEncodingEnabled(false)
                .get("/proxy/customers/me?" + signedQuery(id))
                .then()
                .statusCode(200)
                .body("state", equalTo("enabled"));

        ObjectNode disabled = customer(id, "2026-06-03T10:00:00Z", "Finn");
        disabled.put("state", "disabled");
        awaitApplied(fixture.send("customers/disable", id, disabled));
        assertEquals("disabled", fixture.customerRow(id).get("state"));
    }

    @Test
    void idsBeyondTwoToThe53StayExactEndToEnd() {
        // the docs' example customer: as a double it would read 706405506930370048
        long id = 706_405_506_930_370_084L;
        long addressId = 9_007_199_254_740_993L; // 2^53 + 1, the first integer a double cannot hold
        String body = """
                {"id":706405506930370084,"created_at":"2026-01-01T09:00:00-05:00","updated_at":"%s",
                 "first_name":"Gid","last_name":"Exact","state":"enabled","email":"gid@example.com","phone":null,
                 "currency":"USD","verified_email":true,"tax_exemptions":[],
                 "admin_graphql_api_id":"gid://shopify/Customer/706405506930370084",
                 "addresses":[{"id":9007199254740993,"customer_id":706405506930370084,"city":"Ottawa","default":true}],
                 "default_address":{"id":9007199254740993,"customer_id":706405506930370084,"city":"Ottawa","default":true}}
                """.formatted(Instant.now().toString());
        awaitApplied(fixture.send(
                "customers/update",
                id,
                body.getBytes(StandardCharsets.UTF_8),
                UUID.randomUUID().toString(),
                Instant.now().toString()));

        assertEquals(id, ((Number) fixture.customerRow(id).get("shopify_id")).longValue());
        String profile = given().urlEncodingEnabled(false)
                .get("/proxy/customers/me?" + signedQuery(id))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(profile.contains("\"id\":\"706405506930370084\""), profile);
        assertTrue(profile.contains("\"id\":\"9007199254740993\""), profile);
    }

    @Test
    void oddFieldsAreToleratedWithoutLosingTheEvent() {
        long id = newCustomerId();
        ObjectNode body = customer(id, "2026-07-01T10:00:00+09:30", "Odd");
        body.put("phone", "call me ☎ maybe"); // not a phone number: stored as given
        body.put("created_at", "the day before yesterday"); // not a timestamp: dropped
        body.put("verified_email", "perhaps"); // not a boolean: dropped
        body.putObject("note").put("unexpected", true); // an object where text belongs: dropped
        body.put("a_field_from_the_future", 42); // unknown: ignored
        body.putNull("email");
        body.put("tags", "vip, wholesale");
        body.put("last_name", "Bil\u0000ler"); // a NUL PostgreSQL cannot store: dropped from the text
        body.putObject("email_marketing_consent")
                .put("state", "subscribed")
                .put("consent_updated_at", "+20000-01-01T00:00:00Z"); // a year PostgreSQL cannot store: dropped
        awaitApplied(fixture.send("customers/create", id, body));

        Map<String, Object> row = fixture.customerRow(id);
        assertEquals("Odd", row.get("first_name"));
        assertEquals("call me ☎ maybe", row.get("phone"));
        assertNull(row.get("created_at"));
        assertNull(row.get("verified_email"));
        assertNull(row.get("note"));
        assertNull(row.get("email"));
        assertEquals("vip, wholesale", row.get("tags"));
        assertEquals("Biller", row.get("last_name"));
        assertEquals("subscribed", row.get("email_marketing_state"));
        assertNull(row.get("email_marketing_updated_at"));
        assertEquals(Instant.parse("2026-07-01T00:30:00Z"), instant(row.get("updated_at")));
    }

    @Test
    void tagsAndConsentAreKeptWhenAPayloadNoLongerCarriesThem() {
        long id = newCustomerId();
        ObjectNode withTags = customer(id, "2026-07-01T10:00:00Z", "Tess");
        withTags.put("tags", "vip");
        withTags.putObject("email_marketing_consent")
                .put("state", "subscribed")
                .put("opt_in_level", "single_opt_in")
                .putNull("consent_updated_at");
        fixture.send("customers/create", id, withTags);
        // API 2026-07 bodies carry neither (Shopify moved them to their own topics in 2025-01)
        awaitApplied(fixture.send("customers/update", id, customer(id, "2026-07-02T10:00:00Z", "Tess")));

        Map<String, Object> row = fixture.customerRow(id);
        assertEquals("vip", row.get("tags"));
        assertEquals("subscribed", row.get("email_marketing_state"));
        assertEquals(Instant.parse("2026-07-02T10:00:00Z"), instant(row.get("updated_at")));
    }

    // The customer topics beyond create/update/delete, in the shapes of Shopify's 2026-07 reference: REST-style
    // consent bodies, GraphQL-style tag and purchasing-summary bodies that name the customer by a gid.

    private static ObjectNode emailConsent(long id, String state, String consentUpdatedAt) {
        ObjectNode body =
                JSON.createObjectNode().put("customer_id", id).put("email_address", "c" + id + "@example.com");
        body.putObject("email_marketing_consent")
                .put("state", state)
                .put("opt_in_level", "single_opt_in")
                .put("consent_updated_at", consentUpdatedAt);
        return body;
    }

    private static ObjectNode tags(long id, String occurredAt, String... tags) {
        ObjectNode body = JSON.createObjectNode()
                .put("customerId", "gid://shopify/Customer/" + id)
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
        fixture.send(
                "customers_email_marketing_consent/update",
                id,
                emailConsent(id, "subscribed", "2026-08-02T10:00:00+10:00"));
        awaitApplied(fixture.send(
                "customers_email_marketing_consent/update",
                id,
                emailConsent(id, "unsubscribed", "2026-08-01T23:00:00Z")));

        // 23:00Z on the 1st is before 10:00+10:00 on the 2nd (00:00Z): the late one changes nothing
        assertEquals("subscribed", fixture.customerRow(id).get("email_marketing_state"));
    }

    @Test
    void smsConsentComesFromItsOwnTopicAndShowsInTheProfile() {
        long id = newCustomerId();
        fixture.createAndAwaitRows(customer(id, "2026-08-01T10:00:00Z", "Sam"));
        ObjectNode body = JSON.createObjectNode().put("id", id).put("phone", "+61400000001");
        body.putObject("sms_marketing_consent")
                .put("state", "subscribed")
                .put("opt_in_level", "single_opt_in")
                .putNull("consent_updated_at")
                .put("consent_collected_from", "other");
        awaitApplied(fixture.send("customers_marketing_consent/update", id, body));

        given().urlEncodingEnabled(false)
                .when()
                .get("/proxy/customers/me?" + signedQuery(id))
                .then()
                .statusCode(200)
                .body("sms_marketing_state", equalTo("subscribed"));
    }

    @Test
    void consentBeforeTheCreateIsKeptWhenTheCreateComes() {
        long id = newCustomerId();
        fixture.send(
                "customers_email_marketing_consent/update", id, emailConsent(id, "subscribed", "2026-08-02T10:00:00Z"));
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
        ObjectNode summary = JSON.createObjectNode()
                .put("customerId", "gid://shopify/Customer/" + id)
                .put("numberOfOrders", 3)
                .put("lastOrderId", "gid://shopify/Order/1")
                .put("occurredAt", "2026-08-05T10:00:00Z");
        summary.putObject("amountSpent").put("amount", "149.85").put("currencyCode", "AUD");
        fixture.send("customers/purchasing_summary", id, summary);
        ObjectNode older = summary.deepCopy().put("numberOfOrders", 2).put("occurredAt", "2026-08-04T10:00:00Z");
        awaitApplied(fixture.send("customers/purchasing_summary", id, older));

        assertEquals(0, new BigDecimal("149.85").compareTo((BigDecimal)
                        fixture.customerRow(id).get("amount_spent")));
        given().urlEncodingEnabled(false)
                .when()
                .get("/proxy/customers/me?" + signedQuery(id))
                .then()
                .statusCode(200)
                .body("orders_count", equalTo(3))
                .body("total_spent.amount", equalTo("149.85"))
                .body("total_spent.currency", equalTo("AUD"));
    }

    @Test
    void aCompletedMergeErasesTheCustomerMergedAwayAndAFailedOneChangesNothing() {
        long kept = newCustomerId();
        long mergedAway = newCustomerId();
        long untouched = newCustomerId();
        fixture.createAndAwaitRows(
                customer(kept, "2026-08-01T10:00:00Z", "Kept"),
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
        awaitApplied(
                fixture.send("customers/update", mergedAway, customer(mergedAway, "2026-08-09T10:00:00Z", "Back")));
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
