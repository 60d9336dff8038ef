package com.lavish.subscriptions.rest;

import static com.lavish.subscriptions.support.SubscriptionFixture.asAdmin;
import static com.lavish.subscriptions.support.SubscriptionFixture.contractWebhook;
import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static com.lavish.subscriptions.support.SubscriptionFixture.proxyPath;
import static com.lavish.subscriptions.support.SubscriptionFixture.storefront;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.shopifyfake.AppProxySigner;
import com.lavish.subscriptions.EncryptedColumns;
import com.lavish.subscriptions.service.IdempotentRequests;
import com.lavish.subscriptions.support.SubscriptionFixture;
import com.lavish.subscriptions.support.SubscriptionTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The customer's actions: each a command to sync-service, 202 with the change pending, confirmed by sync.results
 * (or the contract webhook), Shopify's refusal shown; forbidden ones 409; Idempotency-Key repeats answered once.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SubscriptionActionsTest extends SubscriptionTestSupport {

    @Inject
    IdempotentRequests idempotentRequests;

    static final Instant NEXT_BILLING = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.DAYS);

    @Test
    void pauseIsPendingUntilShopifyConfirmsIt() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);

        storefront()
                .post(proxyPath(ada, "subscriptions/" + contract + "/pause"))
                .then()
                .statusCode(202)
                .header("Cache-Control", "private, no-store")
                .body("status", equalTo("active"))
                .body("pending.action", equalTo("pause"))
                .body("last_action.state", equalTo("pending"));
        SyncCommand pause = fixture.awaitCommand(SyncCommandType.CONTRACT_PAUSE, contract);
        assertEquals(SubscriptionFixture.SHOP, pause.shop());
        assertEquals(SyncCommand.ACTOR_CUSTOMER, pause.actor(), "Shopify is told the customer paused it");
        storefront().get(proxyPath(ada, "subscriptions/" + contract)).then().body("pending.action", equalTo("pause"));

        fixture.awaitApplied(fixture.succeed(pause, "PAUSED"));
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(200)
                .body("status", equalTo("paused"))
                .body("pending", nullValue())
                .body("last_action.action", equalTo("pause"))
                .body("last_action.state", equalTo("confirmed"));
        assertEquals(
                "paused",
                fixture.awaitEvent(SubscriptionEventType.PAUSED, contract)
                        .contract()
                        .status());

        // and back: resume, confirmed by Shopify's webhook before its result
        storefront()
                .post(proxyPath(ada, "subscriptions/" + contract + "/resume"))
                .then()
                .statusCode(202)
                .body("pending.action", equalTo("resume"));
        fixture.awaitCommand(SyncCommandType.CONTRACT_ACTIVATE, contract);
        fixture.contractEvent(
                "subscription_contracts/activate", contract, contractWebhook(contract, ada, 102, "active"));
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("status", equalTo("active"))
                .body("pending", nullValue())
                .body("last_action.state", equalTo("confirmed"));
        assertEquals(
                "active",
                fixture.awaitEvent(SubscriptionEventType.RESUMED, contract)
                        .contract()
                        .status());
        fixture.awaitOutboxSent();
        assertEquals(1, fixture.events(SubscriptionEventType.PAUSED, contract).size());
    }

    @Test
    void rejectedActionShowsShopifysMessage() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);

        storefront()
                .post(proxyPath(ada, "subscriptions/" + contract + "/cancel"))
                .then()
                .statusCode(202);
        SyncCommand cancel = fixture.awaitCommand(SyncCommandType.CONTRACT_CANCEL, contract);
        fixture.awaitApplied(fixture.answer(
                cancel,
                SyncResult.SyncOutcome.REJECTED,
                null,
                List.of(new SyncResult.UserError(
                        List.of("subscriptionContractId"),
                        "Cannot cancel a contract with a billing attempt in progress",
                        "INVALID")),
                null,
                null));

        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("pending", nullValue())
                .body("last_action.action", equalTo("cancel"))
                .body("last_action.state", equalTo("rejected"))
                .body("last_action.message", equalTo("Cannot cancel a contract with a billing attempt in progress"));
    }

    @Test
    void anActionTheStatusForbidsIsAConflictWithItsReason() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);

        storefront()
                .post(proxyPath(ada, "subscriptions/" + contract + "/resume"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", equalTo("the subscription is active; only a paused subscription can be resumed"));
        storefront()
                .post(proxyPath(ada, "subscriptions/" + contract + "/unskip"))
                .then()
                .statusCode(409)
                .body("detail", equalTo("no upcoming delivery of this subscription is skipped"));

        // a change still waiting for Shopify holds the next one back
        storefront()
                .post(proxyPath(ada, "subscriptions/" + contract + "/pause"))
                .then()
                .statusCode(202);
        storefront()
                .post(proxyPath(ada, "subscriptions/" + contract + "/cancel"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertEquals(
                0,
                fixture.rows(
                                "select 1 from subscription.contract_action where contract_shopify_id = ? "
                                        + "and action = 'cancel'",
                                contract)
                        .size());
    }

    @Test
    @Tag("security")
    void anIdempotencyKeysStoredAnswerIsForgottenOnceItIsOlderThanTheRetention() throws Throwable {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        String key = UUID.randomUUID().toString();
        storefront()
                .header("Idempotency-Key", key)
                .post(proxyPath(ada, "subscriptions/" + contract + "/skip"))
                .then()
                .statusCode(202);
        fixture.awaitApplied(fixture.succeed(fixture.awaitCommand(SyncCommandType.BILLING_CYCLE_SKIP, contract), null));
        String row =
                "select 1 from subscription.idempotent_request where shopify_customer_id = ? and idempotency_key = ?";

        VertxContextSupport.subscribeAndAwait(idempotentRequests::expire);
        assertEquals(1, fixture.rows(row, ada, key).size(), "a fresh answer stays for its retries");

        // a day and an hour later (subscriptions.idempotency.retention is a day)
        try (var connection = database.getConnection();
                var age = connection.prepareStatement(
                        "update subscription.idempotent_request set created_at = created_at - interval '25 hours' "
                                + "where shopify_customer_id = ? and idempotency_key = ?")) {
            age.setLong(1, ada);
            age.setString(2, key);
            assertEquals(1, age.executeUpdate());
        }
        VertxContextSupport.subscribeAndAwait(idempotentRequests::expire);

        assertEquals(0, fixture.rows(row, ada, key).size(), "the stored answer, address and all, is gone");
        // the key is free again: another request with it is new work, not a 422 for a different body
        storefront()
                .header("Idempotency-Key", key)
                .post(proxyPath(ada, "subscriptions/" + contract + "/cancel"))
                .then()
                .statusCode(202);
    }

    @Test
    void aRepeatedIdempotencyKeyDoesTheWorkOnce() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        String key = UUID.randomUUID().toString();

        Response first =
                storefront().header("Idempotency-Key", key).post(proxyPath(ada, "subscriptions/" + contract + "/skip"));
        first.then().statusCode(202).body("pending.action", equalTo("skip"));
        Response again =
                storefront().header("Idempotency-Key", key).post(proxyPath(ada, "subscriptions/" + contract + "/skip"));
        again.then().statusCode(202);
        assertEquals(first.asString(), again.asString(), "the repeat gets the first answer");

        SyncCommand skip = fixture.awaitCommand(SyncCommandType.BILLING_CYCLE_SKIP, contract);
        assertEquals(
                LocalDate.ofInstant(NEXT_BILLING, ZoneOffset.UTC).toString(),
                skip.billingCycle().date());
        assertEquals(
                1,
                fixture.rows("select 1 from subscription.contract_action where contract_shopify_id = ?", contract)
                        .size(),
                "one action for the two requests");

        // the same key for another request
        storefront()
                .header("Idempotency-Key", key)
                .post(proxyPath(ada, "subscriptions/" + contract + "/cancel"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"));

        // once Shopify confirms it, the next delivery is the cycle after
        fixture.awaitApplied(fixture.succeed(skip, null));
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("skipped_cycles", hasSize(1))
                .body("next_billing_date", equalTo(NEXT_BILLING.toString()))
                .body(
                        "next_delivery",
                        equalTo(NEXT_BILLING
                                .atZone(ZoneOffset.UTC)
                                .plusMonths(1)
                                .toInstant()
                                .toString()));
        assertEquals(
                1,
                fixture.commands(c -> c.type() == SyncCommandType.BILLING_CYCLE_SKIP
                                && Long.valueOf(contract).equals(c.contractId()))
                        .size());
    }

    @Test
    void frequencyChangeGoesToAnotherPlanOfTheGroupAndComesBackConfirmed() {
        long ada = newId();
        long contract = newId();
        long monthly = newId();
        long quarterly = newId();
        // a live group with two plans, made through the admin API and confirmed
        String groupId = asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "shop",
                        SubscriptionFixture.SHOP,
                        "name",
                        "Book box " + contract,
                        "plans",
                        List.of(
                                Map.of(
                                        "name",
                                        "Monthly book box, 10% off",
                                        "interval",
                                        "month",
                                        "interval_count",
                                        1,
                                        "percentage_off",
                                        10),
                                Map.of("name", "Every 3 months", "interval", "month", "interval_count", 3))))
                .post("/admin/subscriptions/selling-plan-groups")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        SyncCommand create = fixture.awaitCommand(c -> c.type() == SyncCommandType.SELLING_PLAN_GROUP_CREATE
                && ("Book box " + contract).equals(c.sellingPlanGroup().name()));
        fixture.awaitApplied(fixture.answer(
                create,
                SyncResult.SyncOutcome.SUCCEEDED,
                null,
                List.of(),
                newId(),
                Map.of("Monthly book box, 10% off", monthly, "Every 3 months", quarterly)));
        asAdmin()
                .get("/admin/subscriptions/selling-plan-groups/" + groupId)
                .then()
                .body("state", equalTo("live"));
        fixture.createContract(contract, ada, NEXT_BILLING, monthly);

        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("plan.id", equalTo(Long.toString(monthly)))
                .body("plan.alternatives", hasSize(1))
                .body("plan.alternatives[0].id", equalTo(Long.toString(quarterly)));
        // not a plan of this group
        storefront()
                .contentType("application/json")
                .body(Map.of("selling_plan_id", "123456"))
                .patch(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(400)
                .body("field", equalTo("selling_plan_id"));

        storefront()
                .contentType("application/json")
                .body(Map.of("selling_plan_id", "gid://shopify/SellingPlan/" + quarterly, "quantity", 2))
                .patch(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(202)
                .body("pending.action", equalTo("update"));
        SyncCommand update = fixture.awaitCommand(SyncCommandType.CONTRACT_UPDATE, contract);
        assertEquals("MONTH", update.contractEdit().interval());
        assertEquals(3, update.contractEdit().intervalCount());
        assertEquals(quarterly, update.contractEdit().sellingPlanId());
        assertEquals(2, update.contractEdit().quantity());
        assertNotNull(update.contractEdit().lineId());

        fixture.awaitApplied(fixture.succeed(update, "ACTIVE"));
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("pending", nullValue())
                .body("billing_policy.interval_count", equalTo(3))
                .body("plan.id", equalTo(Long.toString(quarterly)))
                .body("plan.name", equalTo("Every 3 months"))
                .body("lines[0].quantity", equalTo(2));
        SubscriptionEvent frequency = fixture.awaitEvent(SubscriptionEventType.FREQUENCY_CHANGED, contract);
        assertEquals(3, frequency.contract().intervalCount());
        assertEquals("Every 3 months", frequency.contract().planName());
        assertEquals(
                2,
                fixture.awaitEvent(SubscriptionEventType.QUANTITY_CHANGED, contract)
                        .contract()
                        .lines()
                        .get(0)
                        .quantity());
    }

    @Test
    void deliveryAddressChangeIsCheckedAndSent() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);

        storefront()
                .contentType("application/json")
                .body(Map.of(
                        "delivery_address",
                        Map.of("address1", "1 Main St", "city", "Melbourne", "country_code", "Australia")))
                .patch(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(400)
                .body("field", equalTo("delivery_address.country_code"));
        storefront()
                .contentType("application/json")
                .body(Map.of(
                        "delivery_address",
                        Map.of(
                                "first_name",
                                "Ada",
                                "address1",
                                "1 Collins Street",
                                "city",
                                "Melbourne",
                                "province_code",
                                "VIC",
                                "country_code",
                                "au",
                                "zip",
                                "3000")))
                .patch(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(202);
        SyncCommand update = fixture.awaitCommand(SyncCommandType.CONTRACT_UPDATE, contract);
        assertEquals("AU", update.contractEdit().deliveryAddress().countryCode());
        fixture.awaitApplied(fixture.succeed(update, "ACTIVE"));
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("delivery_address.city", equalTo("Melbourne"))
                .body("delivery_address.zip", equalTo("3000"));
        fixture.awaitEvent(SubscriptionEventType.ADDRESS_CHANGED, contract);
        String told = new String(
                fixture.eventRecords(SubscriptionEventType.ADDRESS_CHANGED, contract)
                        .get(0)
                        .value(),
                StandardCharsets.UTF_8);
        assertFalse(told.contains("Collins") || told.contains("Melbourne"), "the event tells of it, without it");
    }

    @Tag("security")
    @Test
    void aChangeOfTheWrongShapeIsABadRequestNamingItsFieldAndNotItsValue() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);

        storefront()
                .contentType("application/json")
                .body(Map.of("quantity", 0))
                .patch(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("quantity"))
                .body("detail", equalTo("quantity must be between 1 and 100"));
        storefront()
                .contentType("application/json")
                .body(Map.of("selling_plan_id", "every-fortnight"))
                .patch(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(400)
                .body("field", equalTo("selling_plan_id"))
                .body(not(containsString("every-fortnight")));
        storefront()
                .contentType("application/json")
                .body(Map.of("delivery_address", Map.of("address1", "1 Main St", "city", " ", "country_code", "AU")))
                .patch(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(400)
                .body("field", equalTo("delivery_address.city"))
                .body(not(containsString("Main St")));
        storefront()
                .contentType("application/json")
                .body(Map.of("quantity", 2))
                .patch(proxyPath(ada, "subscriptions/12ab"))
                .then()
                .statusCode(400)
                .body("field", equalTo("id"));
        assertEquals(
                0,
                fixture.rows("select 1 from subscription.contract_action where contract_shopify_id = ?", contract)
                        .size(),
                "a refused change starts nothing");
    }

    @Test
    void anAnonymousVisitorIsUnauthorized() {
        storefront()
                .get("/proxy/subscriptions?"
                        + new AppProxySigner(SubscriptionFixture.SECRET).query(SubscriptionFixture.SHOP, null))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        storefront().get("/api/subscriptions").then().statusCode(401);
    }

    @Test
    void aCommandLeftInTheOutboxByACrashIsSentByTheRelaySchedule() throws Exception {
        long contract = newId();
        SyncCommand left = new SyncCommand(
                UUID.randomUUID().toString(),
                "contract-fetch/" + contract + "/1",
                SubscriptionFixture.SHOP,
                SyncCommandType.CONTRACT_FETCH,
                "subscription-service",
                Instant.now().toString(),
                contract,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        // committed, never relayed: as the outbox is after a crash between the commit and the send
        try (var connection = database.getConnection();
                var insert = connection.prepareStatement("""
                insert into subscription.sync_command_outbox (shop_domain, command_id, idempotency_key, type,
                    record_key, payload) values (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, left.shop());
            insert.setString(2, left.commandId());
            insert.setString(3, left.idempotencyKey());
            insert.setString(4, left.type().name());
            insert.setString(5, left.recordKey().toString());
            // as the service stores it: encrypted, bound to its row
            insert.setString(
                    6,
                    SubscriptionFixture.cipher()
                            .encrypt(
                                    new String(SyncMessages.write(left), StandardCharsets.UTF_8),
                                    EncryptedColumns.COMMAND_PAYLOAD,
                                    EncryptedColumns.commandKey(left.shop(), left.commandId())));
            insert.executeUpdate();
        }
        SyncCommand sent = fixture.awaitCommand(SyncCommandType.CONTRACT_FETCH, contract);
        assertEquals(left.commandId(), sent.commandId());
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> fixture.rows(
                                        "select sent_at from "
                                                + "subscription.sync_command_outbox where command_id = ?",
                                        left.commandId())
                                .get(0)
                                .get("sent_at")
                        != null);
    }
}
