package com.lavish.customers.rest;

import static com.lavish.customers.support.AdminCredentials.ADMIN;
import static com.lavish.customers.support.AdminCredentials.asAdmin;
import static com.lavish.customers.support.AdminCredentials.asAuditor;
import static com.lavish.customers.support.CustomerEventFixture.SHOP;
import static com.lavish.customers.support.CustomerEventFixture.customer;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.customers.support.CustomerEventFixture;
import com.lavish.customers.support.CustomerTestSupport;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The admin's list and replay of dead letters (event-consumer's DeadLetterResource) on customer-service's topics,
 * through the real broker, and the admin credential in front of them.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class AdminDeadLetterTest extends CustomerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DEAD_LETTERS = "/admin/dead-letters/" + Topics.CUSTOMERS;

    @Inject
    MeterRegistry metrics;

    /** The dead letter of this delivery, found by paging through the topic's dead letters from the start. */
    private static Optional<Map<String, Object>> deadLetter(String topic, String ceId) {
        String next = "";
        while (next != null) {
            JsonPath page = asAdmin()
                    .get("/admin/dead-letters/" + topic + "?limit=20" + next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> letters = page.getList("dead_letters");
            Optional<Map<String, Object>> found =
                    letters.stream().filter(l -> ceId.equals(l.get("ce_id"))).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Map<String, Object> position = page.getMap("next");
            next = position == null
                    ? null
                    : "&partition=" + position.get("partition") + "&from=" + position.get("offset");
        }
        return Optional.empty();
    }

    private static Map<String, Object> awaitDeadLetter(String topic, String ceId) {
        return await().atMost(WAIT)
                .until(() -> deadLetter(topic, ceId), Optional::isPresent)
                .orElseThrow();
    }

    private static void assertProblem(ValidatableResponse response, int status) {
        response.statusCode(status)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(status));
    }

    @Test
    void malformedCustomerEventIsListedWithItsReasonAndWithoutItsBody() {
        long id = newCustomerId();
        byte[] notJson = "{\"id\": 1, this is not JSON".getBytes(StandardCharsets.UTF_8);
        String ceId = fixture.send(
                "customers/create",
                id,
                notJson,
                UUID.randomUUID().toString(),
                Instant.now().toString());

        Map<String, Object> letter = awaitDeadLetter(Topics.CUSTOMERS, ceId);

        assertTrue(
                String.valueOf(letter.get("reason")).contains("not valid JSON"), String.valueOf(letter.get("reason")));
        assertEquals(SHOP + "/" + id, letter.get("key"));
        assertEquals("customers/create", letter.get("ce_type"));
        assertEquals(SHOP, letter.get("ce_source"));
        assertEquals(notJson.length, letter.get("body_bytes"));
        assertNotNull(letter.get("source_offset"), "where it was consumed from");
        assertNotNull(letter.get("timestamp"));
        assertFalse(letter.toString().contains("this is not JSON"), "the body is never shown: " + letter);
    }

    @Test
    void replayedDeadLetterIsAppliedAndASecondReplayChangesNothing() {
        long id = newCustomerId();
        byte[] body = CustomerEventFixture.bytes(customer(id, "2026-03-01T10:00:00Z", "Replayed"));
        ShopifyEvent event = new ShopifyEvent(
                UUID.randomUUID().toString(),
                "customers/create",
                SHOP,
                Instant.now().toString(),
                Long.toString(id),
                "2026-07",
                UUID.randomUUID().toString(),
                body);
        // as SmallRye writes a dead letter: the record as it was, plus the failure's headers
        Headers headers = event.toHeaders();
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_REASON, "a failure since mended".getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, Topics.CUSTOMERS.getBytes(StandardCharsets.UTF_8));
        fixture.publish(Topics.deadLetterOf(Topics.CUSTOMERS), event.recordKey().toString(), body, headers);
        Map<String, Object> letter = awaitDeadLetter(Topics.CUSTOMERS, event.id());
        assertEquals("a failure since mended", letter.get("reason"));
        assertTrue(fixture.customerRow(id).isEmpty(), "nothing applied it yet");
        String replay = DEAD_LETTERS + "/" + letter.get("partition") + "/" + letter.get("offset") + "/replay";
        double replayedBefore = metrics.counter("dead-letters.replayed", "topic", Topics.CUSTOMERS)
                .count();

        asAdmin()
                .post(replay)
                .then()
                .statusCode(200)
                .body("topic", equalTo(Topics.CUSTOMERS))
                .body(
                        "replayed_from",
                        equalTo(Topics.deadLetterOf(Topics.CUSTOMERS) + "/" + letter.get("partition") + "/"
                                + letter.get("offset")));

        await().atMost(WAIT).until(() -> fixture.applied(event.id()));
        assertEquals("Replayed", fixture.customerRow(id).get("first_name"));
        assertEquals(
                replayedBefore + 1,
                metrics.counter("dead-letters.replayed", "topic", Topics.CUSTOMERS)
                        .count());

        double duplicatesBefore = duplicates();
        asAdmin().post(replay).then().statusCode(200);
        await().atMost(WAIT).until(() -> duplicates() > duplicatesBefore);
        assertEquals("Replayed", fixture.customerRow(id).get("first_name"));
        assertEquals(1, fixture.addressCount(id), "applied once");
    }

    private double duplicates() {
        return metrics.counter("customer.events", "type", "customers/create", "outcome", "duplicate")
                .count();
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() {
        for (int i = 0; i < 3; i++) {
            long id = newCustomerId();
            fixture.send(
                    "customers/create",
                    id,
                    "not json".getBytes(StandardCharsets.UTF_8),
                    UUID.randomUUID().toString(),
                    Instant.now().toString());
        }
        await().atMost(WAIT)
                .until(() -> asAdmin()
                                .get(DEAD_LETTERS + "?limit=500")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("dead_letters")
                                .size()
                        >= 3);

        JsonPath first = asAdmin()
                .get(DEAD_LETTERS + "?limit=2")
                .then()
                .statusCode(200)
                .body("topic", equalTo(Topics.CUSTOMERS))
                .body("dead_letter_topic", equalTo(Topics.deadLetterOf(Topics.CUSTOMERS)))
                .extract()
                .jsonPath();
        assertEquals(2, first.getList("dead_letters").size());
        Map<String, Object> next = first.getMap("next");
        assertNotNull(next, "more dead letters follow");
        JsonPath second = asAdmin()
                .get(DEAD_LETTERS + "?limit=2&partition=" + next.get("partition") + "&from=" + next.get("offset"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> firstPage = first.<Map<String, Object>>getList("dead_letters").stream()
                .map(l -> l.get("partition") + "/" + l.get("offset"))
                .toList();
        Map<String, Object> secondFirst = second.getMap("dead_letters[0]");
        assertEquals(
                next.get("partition") + "/" + next.get("offset"),
                secondFirst.get("partition") + "/" + secondFirst.get("offset"),
                "the next page starts at next");
        assertFalse(
                firstPage.contains(secondFirst.get("partition") + "/" + secondFirst.get("offset")),
                firstPage + " overlaps " + secondFirst);
    }

    @Test
    void complianceDeadLettersAreListedToo() {
        asAdmin()
                .get("/admin/dead-letters/" + Topics.COMPLIANCE)
                .then()
                .statusCode(200)
                .body("dead_letter_topic", equalTo(Topics.deadLetterOf(Topics.COMPLIANCE)));
    }

    @Test
    void aTopicThisServiceDoesNotConsumeIsNotFound() {
        assertProblem(asAdmin().get("/admin/dead-letters/" + Topics.ORDERS).then(), 404);
        assertProblem(
                asAdmin()
                        .post("/admin/dead-letters/" + Topics.ORDERS + "/0/0/replay")
                        .then(),
                404);
    }

    @Test
    void replayOfAnOffsetWithNoDeadLetterIsNotFound() {
        assertProblem(asAdmin().post(DEAD_LETTERS + "/0/999999999/replay").then(), 404);
        assertProblem(asAdmin().post(DEAD_LETTERS + "/999/0/replay").then(), 404);
    }

    @Test
    void aLimitOutOfRangeIsABadRequest() {
        assertProblem(asAdmin().get(DEAD_LETTERS + "?limit=0").then(), 400);
        asAdmin().get(DEAD_LETTERS + "?limit=501").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Tag("security")
    @Test
    void withoutACredentialTheAdminGetsABasicChallenge() {
        ValidatableResponse response = given().get(DEAD_LETTERS).then();
        assertProblem(response, 401);
        // the scheme is case-insensitive (RFC 9110 §11.1); Quarkus writes it in lower case
        response.header("WWW-Authenticate", equalToIgnoringCase("Basic realm=\"lavish-admin\""));
        assertProblem(
                given().contentType("application/json")
                        .post(DEAD_LETTERS + "/0/0/replay")
                        .then(),
                401);
    }

    @Tag("security")
    @Test
    void aWrongPasswordIsUnauthorized() {
        assertProblem(
                given().auth()
                        .preemptive()
                        .basic(ADMIN, "not-the-password")
                        .get(DEAD_LETTERS)
                        .then(),
                401);
        assertProblem(
                given().auth()
                        .preemptive()
                        .basic("nobody", "test-only-admin-password")
                        .get(DEAD_LETTERS)
                        .then(),
                401);
    }

    @Tag("security")
    @Test
    void anAuthenticatedUserWithoutTheAdminRoleIsForbidden() {
        assertProblem(asAuditor().get(DEAD_LETTERS).then(), 403);
        assertProblem(asAuditor().post(DEAD_LETTERS + "/0/0/replay").then(), 403);
    }

    @Tag("security")
    @Test
    void aStorefrontSessionTokenDoesNotOpenTheAdminPaths() {
        String token = StorefrontSessionTest.tokenFor(newCustomerId());
        assertProblem(
                given().header("Authorization", "Bearer " + token)
                        .get(DEAD_LETTERS)
                        .then(),
                401);
        assertNotEquals(
                401,
                given().header("Authorization", "Bearer " + token)
                        .get("/api/customers/me")
                        .then()
                        .extract()
                        .statusCode(),
                "the same token is good on /api");
    }
}
