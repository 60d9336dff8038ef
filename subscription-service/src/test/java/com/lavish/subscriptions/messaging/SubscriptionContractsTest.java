package com.lavish.subscriptions.messaging;

import static com.lavish.subscriptions.support.SubscriptionFixture.contractNode;
import static com.lavish.subscriptions.support.SubscriptionFixture.contractWebhook;
import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static com.lavish.subscriptions.support.SubscriptionFixture.proxyPath;
import static com.lavish.subscriptions.support.SubscriptionFixture.storefront;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.session.StorefrontSessionTokens;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.support.SubscriptionFixture;
import com.lavish.subscriptions.support.SubscriptionTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Contracts from shopify.subscriptions: the thin webhook, the CONTRACT_FETCH it asks for and the whole contract
 * sync-service answers with, the revision guard, and what the customer sees of it.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SubscriptionContractsTest extends SubscriptionTestSupport {

    @Inject
    StorefrontSessionTokens tokens;

    /** Far enough ahead that no billing run of another test bills these contracts. */
    static final Instant NEXT_BILLING = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.DAYS);

    @Test
    void contractWebhookShowsUpForItsCustomerAndIsCompletedFromTheAdminApi() {
        long ada = newId();
        long contract = newId();
        fixture.contractEvent(
                "subscription_contracts/create", contract, contractWebhook(contract, ada, 7232252373L, "active"));

        // the webhook alone: visible at once, without lines or a next billing date
        storefront()
                .get(proxyPath(ada, "subscriptions"))
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("subscriptions", hasSize(1))
                .body("subscriptions[0].id", equalTo(Long.toString(contract)))
                .body("subscriptions[0].status", equalTo("active"))
                .body("subscriptions[0].billing_policy.interval", equalTo("month"))
                .body("subscriptions[0].lines", hasSize(0))
                .body("subscriptions[0].next_billing_date", nullValue());

        SyncCommand fetch = fixture.awaitCommand(SyncCommandType.CONTRACT_FETCH, contract);
        assertEquals("subscription-service", fetch.origin());
        assertEquals(SubscriptionFixture.SHOP, fetch.shop());

        fixture.publishNode(contractNode(contract, ada, 7232252373L, "ACTIVE", NEXT_BILLING, 690875514L));
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("next_billing_date", equalTo(NEXT_BILLING.toString()))
                .body("next_delivery", equalTo(NEXT_BILLING.toString()))
                .body("currency_code", equalTo("AUD"))
                .body("lines", hasSize(1))
                .body("lines[0].id", startsWith("gid://shopify/SubscriptionLine/"))
                .body("lines[0].product_id", equalTo("788032119674292922"))
                .body("lines[0].price", equalTo("53.91"))
                .body("lines[0].quantity", equalTo(1))
                .body("lines[0].selling_plan_id", equalTo("690875514"))
                .body("plan.name", equalTo("Monthly book box, 10% off"))
                .body("delivery_address.city", equalTo("Sydney"))
                .body("delivery_address.country_code", equalTo("AU"))
                .body("billing.failed_attempts", equalTo(0));

        // the address is stored encrypted
        String stored = (String) fixture.contractRow(contract).get("delivery_address1");
        assertTrue(stored.startsWith(PersonalDataCipher.ROW_BOUND_PREFIX), "the delivery address is encrypted at rest");
    }

    @Tag("security")
    @Test
    void anotherCustomersContractIsNotFoundAndShowsNothing() {
        long bob = newId();
        long contract = newId();
        fixture.createContract(contract, bob, NEXT_BILLING, null);

        storefront()
                .get(proxyPath(newId(), "subscriptions/" + contract))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(not(containsString("Sydney")));
        storefront()
                .post(proxyPath(newId(), "subscriptions/" + contract + "/pause"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        storefront()
                .get(proxyPath(newId(), "subscriptions"))
                .then()
                .statusCode(200)
                .body("subscriptions", hasSize(0));
        storefront()
                .get(proxyPath(bob, "subscriptions/" + contract))
                .then()
                .statusCode(200)
                .body("delivery_address.city", equalTo("Sydney"));
    }

    @Test
    void olderRevisionDoesNotOverwriteNewer() {
        long ada = newId();
        long contract = newId();
        fixture.contractEvent("subscription_contracts/pause", contract, contractWebhook(contract, ada, 20, "paused"));
        // revision 9 arriving late
        fixture.contractEvent("subscription_contracts/activate", contract, contractWebhook(contract, ada, 9, "active"));
        assertEquals("paused", fixture.contractRow(contract).get("status"));

        // numeric, not textual, order: "100" is newer than "20"
        fixture.contractEvent(
                "subscription_contracts/activate", contract, contractWebhook(contract, ada, 100, "active"));
        assertEquals("active", fixture.contractRow(contract).get("status"));
        assertEquals(
                1,
                fixture.rows("select 1 from subscription.subscription_contract where shopify_id = ?", contract)
                        .size());
    }

    @Test
    void aNewerWholeContractBringsItsLinesToThatVersionKeepingTheLinesItStillHas() {
        long ada = newId();
        long contract = newId();
        ObjectNode first = contractNode(contract, ada, 5, "ACTIVE", NEXT_BILLING, null);
        fixture.publishNode(first);
        String gone = first.at("/lines/nodes/0/id").asText();

        ObjectNode second = contractNode(contract, ada, 6, "ACTIVE", NEXT_BILLING, null);
        ArrayNode lines = (ArrayNode) second.at("/lines/nodes");
        ObjectNode kept = lines.addObject().setAll((ObjectNode) lines.get(0).deepCopy());
        kept.put("id", "gid://shopify/SubscriptionLine/" + newId())
                .put("title", "Bookmark")
                .put("quantity", 2);
        fixture.publishNode(second);
        List<Map<String, Object>> afterSecond = lineRows(contract);
        assertEquals(2, afterSecond.size());
        assertTrue(afterSecond.stream().noneMatch(row -> gone.equals(row.get("shopify_line_id"))));
        Object keptRowId = afterSecond.stream()
                .filter(row -> kept.get("id").asText().equals(row.get("shopify_line_id")))
                .findFirst()
                .orElseThrow()
                .get("id");

        // the next version drops the first line and changes the quantity of the one it keeps: updated in place
        ObjectNode third = contractNode(contract, ada, 7, "ACTIVE", NEXT_BILLING, null);
        ((ArrayNode) third.at("/lines/nodes")).removeAll().add(kept.deepCopy().put("quantity", 3));
        fixture.publishNode(third);
        List<Map<String, Object>> afterThird = lineRows(contract);
        assertEquals(1, afterThird.size());
        assertEquals(keptRowId, afterThird.get(0).get("id"));
        assertEquals(3, ((Number) afterThird.get(0).get("quantity")).intValue());
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(200)
                .body("lines.size()", equalTo(1))
                .body("lines[0].title", equalTo("Bookmark"))
                .body("lines[0].quantity", equalTo(3));
    }

    private List<Map<String, Object>> lineRows(long contract) {
        return fixture.rows(
                "select l.* from subscription.subscription_line l join subscription.subscription_contract c "
                        + "on c.id = l.contract_id where c.shopify_id = ? order by l.id",
                contract);
    }

    @Test
    void contractKeepsWhatTheWebhookCarriedWhenTheFetchNeverComes() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        // a later webhook (cancelled), whose fetch is never answered: lines and next billing date stay
        fixture.contractEvent(
                "subscription_contracts/cancel", contract, contractWebhook(contract, ada, 101, "cancelled"));

        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("lines", hasSize(1))
                .body("next_billing_date", equalTo(NEXT_BILLING.toString()))
                .body("delivery_address.city", equalTo("Sydney"));
        // the whole contract of an older revision, answered late, changes nothing
        ObjectNode stale = contractNode(contract, ada, 100, "ACTIVE", NEXT_BILLING, null);
        fixture.publishNode(stale);
        assertEquals("cancelled", fixture.contractRow(contract).get("status"));
    }

    @Test
    void aDuplicateDeliveryIsAppliedOnceAndFetchesOnce() {
        long ada = newId();
        long contract = newId();
        ObjectNode body = contractWebhook(contract, ada, 5, "active");
        ShopifyEvent event = new ShopifyEvent(
                UUID.randomUUID().toString(),
                "subscription_contracts/create",
                SubscriptionFixture.SHOP,
                Instant.now().toString(),
                Long.toString(contract),
                "2026-07",
                null,
                body.toString().getBytes(StandardCharsets.UTF_8));
        fixture.send(Topics.SUBSCRIPTIONS, event);
        fixture.send(Topics.SUBSCRIPTIONS, event);
        // an older revision after them, on the same key: once it is applied, so are the two before it
        fixture.contractEvent("subscription_contracts/update", contract, contractWebhook(contract, ada, 4, "paused"));

        assertEquals("active", fixture.contractRow(contract).get("status"));
        assertEquals(
                1,
                fixture.rows(
                                "select 1 from subscription.sync_command_outbox where type = 'CONTRACT_FETCH' "
                                        + "and record_key = ?",
                                SubscriptionFixture.SHOP + "/contract-" + contract)
                        .size(),
                "one fetch for the revision, however often its webhook arrives");
    }

    @Test
    void revisionsOutOfOrderInOnePollLeaveTheNewestAndFetchItOnce() {
        long ada = newId();
        long contract = newId();
        double stale = SubscriptionFixture.counter(
                "subscription_events_total", "outcome=\"stale\",type=\"subscription_contracts/update\"");
        List<Double> polls = SubscriptionFixture.settledSubscriptionPolls();
        List<String> ceIds = fixture.sendTogether(
                Topics.SUBSCRIPTIONS,
                List.of(
                        SubscriptionFixture.webhookEvent(
                                "subscription_contracts/pause", contract, contractWebhook(contract, ada, 30, "paused")),
                        SubscriptionFixture.webhookEvent(
                                "subscription_contracts/update",
                                contract,
                                contractWebhook(contract, ada, 10, "active")),
                        SubscriptionFixture.webhookEvent(
                                "subscription_contracts/update",
                                contract,
                                contractWebhook(contract, ada, 20, "cancelled")),
                        // the same revision again, as Shopify sends two topics of one change
                        SubscriptionFixture.webhookEvent(
                                "subscription_contracts/update",
                                contract,
                                contractWebhook(contract, ada, 30, "paused"))));
        ceIds.forEach(fixture::awaitApplied);

        assertEquals("paused", fixture.contractRow(contract).get("status"));
        assertEquals(new BigDecimal("30"), fixture.contractRow(contract).get("revision_id"));
        assertEquals(
                List.of("contract-fetch/" + contract + "/30"),
                fixture
                        .rows(
                                "select idempotency_key from "
                                        + "subscription.sync_command_outbox where type = 'CONTRACT_FETCH' and record_key = ?",
                                SubscriptionFixture.SHOP + "/contract-" + contract)
                        .stream()
                        .map(row -> row.get("idempotency_key"))
                        .toList(),
                "one fetch, for the revision that won");
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> SubscriptionFixture.counter(
                                        "subscription_events_total",
                                        "outcome=\"stale\",type=\"subscription_contracts/update\"")
                                - stale
                        == 3);
        assertAppliedInOnePoll(polls);
    }

    /** The records went through one poll, none of it split off around a failure and tried again. */
    private static void assertAppliedInOnePoll(List<Double> before) {
        List<Double> after = SubscriptionFixture.settledSubscriptionPolls();
        assertEquals(1, after.get(0) - before.get(0), "polls applied");
        assertEquals(0, after.get(1) - before.get(1), "polls split");
    }

    @Test
    void aDuplicateInsideOnePollIsAppliedOnceAndFetchesOnce() {
        long ada = newId();
        long contract = newId();
        String duplicates = "outcome=\"duplicate\",type=\"subscription_contracts/create\"";
        double before = SubscriptionFixture.counter("subscription_events_total", duplicates);
        List<Double> polls = SubscriptionFixture.settledSubscriptionPolls();
        ShopifyEvent created = SubscriptionFixture.webhookEvent(
                "subscription_contracts/create", contract, contractWebhook(contract, ada, 5, "active"));
        fixture.sendTogether(Topics.SUBSCRIPTIONS, List.of(created, created));
        fixture.awaitApplied(created.id());

        assertEquals("active", fixture.contractRow(contract).get("status"));
        assertEquals(
                1,
                fixture.rows(
                                "select 1 from subscription.sync_command_outbox where type = 'CONTRACT_FETCH' "
                                        + "and record_key = ?",
                                SubscriptionFixture.SHOP + "/contract-" + contract)
                        .size());
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> SubscriptionFixture.counter("subscription_events_total", duplicates) - before == 1);
        assertAppliedInOnePoll(polls);
    }

    @Test
    void directApiWithASessionTokenAnswersTheSame() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        String token = tokens.issue(new StorefrontCustomer(SubscriptionFixture.SHOP, ada))
                .token();

        given().header("Authorization", "Bearer " + token)
                .get("/api/subscriptions")
                .then()
                .statusCode(200)
                .body("subscriptions", hasSize(1))
                .body("subscriptions[0].id", equalTo(Long.toString(contract)));
        given().header("Authorization", "Bearer " + token)
                .get("/api/subscriptions/" + contract)
                .then()
                .statusCode(200)
                .body("lines", hasSize(1));
        given().header("Authorization", "Bearer " + token)
                .get("/api/subscriptions/12ab")
                .then()
                .statusCode(400)
                .body("field", equalTo("id"));
    }

    @Test
    void openApiDocumentDescribesTheSubscriptionPathsWithExamples() {
        ManagementPort.given()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/{entry}/subscriptions'.get.operationId", equalTo("listSubscriptions"))
                .body(
                        "paths.'/{entry}/subscriptions/{id}/{action}'.post.responses.'202'.content."
                                + "'application/json'.examples.pausing.value.pending.action",
                        equalTo("pause"))
                .body(containsString("\"next_delivery\""));
    }
}
