package com.lavish.subscriptions.service;

import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static com.lavish.subscriptions.support.SubscriptionFixture.proxyPath;
import static com.lavish.subscriptions.support.SubscriptionFixture.storefront;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import com.lavish.events.Topics;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.support.SubscriptionFixture;
import com.lavish.subscriptions.support.SubscriptionTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The billing schedule and dunning, with time given to the run (no sleeping): a due contract is billed exactly once
 * however many runs race for it; success moves the next billing date on; failures walk the configured dunning path to
 * its end (the %test profile: payment 7d,7d,7d then pause; inventory 1d then cancel).
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class BillingTest extends SubscriptionTestSupport {

    @Inject
    BillingRun billing;

    /** A contract whose next billing date passed yesterday. */
    private static Instant dueSinceYesterday() {
        return Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    private int bill(Instant at) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> billing.billDue(at));
        } catch (Throwable e) {
            throw new IllegalStateException("the billing run failed", e);
        }
    }

    private List<SyncCommand> attemptsOf(long contract) {
        return fixture.commands(c -> c.type() == SyncCommandType.BILLING_ATTEMPT_CREATE
                && Long.valueOf(contract).equals(c.contractId()));
    }

    private static ObjectNode attemptWebhook(long contract, String key, String errorCode) {
        ObjectNode body = SubscriptionFixture.JSON.createObjectNode();
        long id = newId();
        body.put("admin_graphql_api_id", "gid://shopify/SubscriptionBillingAttempt/" + id);
        body.put("id", id);
        body.put("idempotency_key", key);
        body.put("subscription_contract_id", contract);
        body.put("admin_graphql_api_subscription_contract_id", "gid://shopify/SubscriptionContract/" + contract);
        body.put("ready", true);
        if (errorCode == null) {
            long order = newId();
            body.put("order_id", order);
            body.put("admin_graphql_api_order_id", "gid://shopify/Order/" + order);
            body.putNull("error_code");
            body.putNull("error_message");
        } else {
            body.putNull("order_id");
            body.putNull("admin_graphql_api_order_id");
            body.put("error_code", errorCode);
            body.put("error_message", "The card was declined (" + errorCode + ")");
        }
        return body;
    }

    private void report(long contract, SyncCommand attempt, String topic, String errorCode) {
        fixture.awaitApplied(fixture.succeed(attempt, null));
        fixture.awaitApplied(fixture.send(
                Topics.SUBSCRIPTIONS, topic, contract, attemptWebhook(contract, attempt.idempotencyKey(), errorCode)));
    }

    @Test
    void aDueContractIsBilledExactlyOnceEvenWhenTwoRunsRaceForIt() throws Exception {
        List<Long> contracts = new ArrayList<>();
        Instant due = dueSinceYesterday();
        for (int i = 0; i < 3; i++) {
            long contract = newId();
            fixture.createContract(contract, newId(), due, null);
            contracts.add(contract);
        }
        Instant now = Instant.now();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> run = () -> {
                start.await();
                return bill(now);
            };
            Future<Integer> first = two.submit(run);
            Future<Integer> second = two.submit(run);
            start.countDown();
            first.get();
            second.get();
        } finally {
            two.shutdown();
        }
        // and a rerun after both: the attempts are in flight, nothing is asked again
        bill(now);
        fixture.awaitOutboxSent();

        String cycle = LocalDate.ofInstant(due, ZoneOffset.UTC).toString();
        for (long contract : contracts) {
            List<SyncCommand> attempts = attemptsOf(contract);
            assertEquals(1, attempts.size(), "one BILLING_ATTEMPT_CREATE for contract " + contract);
            assertEquals(
                    "billing/" + contract + "/" + cycle + "/1", attempts.get(0).idempotencyKey());
            assertEquals(cycle, attempts.get(0).billingCycle().date());
            assertEquals(
                    1,
                    fixture.rows("select 1 from subscription.billing_attempt where contract_shopify_id = ?", contract)
                            .size());
        }
    }

    @Test
    void aSuccessMovesTheNextBillingDateOnByOneInterval() {
        long ada = newId();
        long contract = newId();
        Instant due = dueSinceYesterday();
        fixture.createContract(contract, ada, due, null);
        bill(Instant.now());
        SyncCommand attempt = fixture.awaitCommand(SyncCommandType.BILLING_ATTEMPT_CREATE, contract);
        // the date does not move before the outcome
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("next_billing_date", equalTo(due.toString()))
                .body("billing.last_attempt.state", equalTo("requested"));

        report(contract, attempt, "subscription_billing_attempts/success", null);
        Instant next =
                OffsetDateTime.ofInstant(due, ZoneOffset.UTC).plusMonths(1).toInstant();
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("next_billing_date", equalTo(next.toString()))
                .body("billing.last_attempt.state", equalTo("succeeded"))
                .body("billing.last_attempt.amount", equalTo("53.91"))
                .body("billing.steps[0].step", equalTo("billed"))
                .body("billing.failed_attempts", equalTo(0));

        // no longer due: a run now bills nothing more
        bill(Instant.now());
        fixture.awaitOutboxSent();
        assertEquals(1, attemptsOf(contract).size());
    }

    @Tag("security")
    @Test
    void anAdminRunBroughtForwardBillsWhatIsDueByThenAndNoFurther() {
        long contract = newId();
        Instant due = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        fixture.createContract(contract, newId(), due, null);

        SubscriptionFixture.asAdmin()
                .post("/admin/subscriptions/billing/run?as_of=not-a-time")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("as_of"));
        SubscriptionFixture.asAdmin()
                .post("/admin/subscriptions/billing/run?as_of=" + Instant.now().plus(400, ChronoUnit.DAYS))
                .then()
                .statusCode(400)
                .body("detail", containsString("62 days"));
        assertTrue(attemptsOf(contract).isEmpty(), "a refused run bills nothing");

        SubscriptionFixture.asAdmin()
                .post("/admin/subscriptions/billing/run?as_of=" + due.plus(1, ChronoUnit.HOURS))
                .then()
                .statusCode(200);
        SyncCommand attempt = fixture.awaitCommand(SyncCommandType.BILLING_ATTEMPT_CREATE, contract);
        assertEquals(
                due.atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                attempt.billingCycle().date());
    }

    @Test
    void aFailedPaymentWalksTheDunningScheduleToAPause() {
        long ada = newId();
        long contract = newId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        fixture.createContract(contract, ada, dueSinceYesterday(), null);

        for (int n = 1; n <= 4; n++) {
            Instant at = start.plus(Duration.ofDays(8L * (n - 1)));
            bill(at);
            String suffix = "/" + n;
            SyncCommand attempt = fixture.awaitCommand(c -> c.type() == SyncCommandType.BILLING_ATTEMPT_CREATE
                    && Long.valueOf(contract).equals(c.contractId())
                    && c.idempotencyKey().endsWith(suffix));
            report(contract, attempt, "subscription_billing_attempts/failure", "insufficient_funds");
            if (n < 4) {
                storefront()
                        .get(proxyPath(ada, "subscriptions/" + contract))
                        .then()
                        .body("status", equalTo("active"))
                        .body("billing.failed_attempts", equalTo(n))
                        .body(
                                "billing.next_retry_at",
                                equalTo(at.plus(Duration.ofDays(7)).toString()))
                        .body("billing.steps[0].step", equalTo("retry_scheduled"))
                        .body("billing.steps[0].message", equalTo("retry " + n + " of 3"))
                        .body("billing.steps[1].step", equalTo("failed"))
                        .body("billing.steps[1].path", equalTo("payment"))
                        .body("billing.steps[1].error_code", equalTo("insufficient_funds"));
                // before the retry is due, a run asks nothing
                bill(at.plus(Duration.ofDays(1)));
                fixture.awaitOutboxSent();
                assertEquals(n, attemptsOf(contract).size());
            }
        }

        // the end of the schedule: a pause, sent to Shopify like the customer's own
        SyncCommand pause = fixture.awaitCommand(SyncCommandType.CONTRACT_PAUSE, contract);
        assertTrue(pause.idempotencyKey().startsWith("dunning/" + contract + "/"));
        assertEquals(SyncCommand.ACTOR_PARTNER, pause.actor(), "Shopify is told the app paused it, not the customer");
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("pending.action", equalTo("pause"))
                .body("billing.failed_attempts", equalTo(4))
                .body("billing.next_retry_at", nullValue())
                .body("billing.steps[0].step", equalTo("paused"))
                .body("billing.steps[0].message", equalTo("dunning ended after 4 failed attempts: pause requested"));
        SubscriptionEvent exhausted = fixture.awaitEvent(SubscriptionEventType.DUNNING_EXHAUSTED, contract);
        assertEquals("paused", exhausted.dunning().outcome());
        assertEquals(4, exhausted.dunning().attempt());
        fixture.awaitApplied(fixture.succeed(pause, "PAUSED"));
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("status", equalTo("paused"))
                .body("last_action.state", equalTo("confirmed"));
        assertEquals(
                "paused",
                fixture.awaitEvent(SubscriptionEventType.PAUSED, contract)
                        .contract()
                        .status());
        ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("subscription_dunning_steps_total{path=\"payment\",step=\"paused\"}"));
    }

    @Test
    void aCardFailureIsToldWithItsDunningStepAndAsksForOnePaymentMethodEmailPerRun() {
        long contract = newId();
        Instant due = dueSinceYesterday();
        String cycle = LocalDate.ofInstant(due, ZoneOffset.UTC).toString();
        fixture.createContract(contract, newId(), due, null);

        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        bill(start);
        report(
                contract,
                fixture.awaitCommand(SyncCommandType.BILLING_ATTEMPT_CREATE, contract),
                "subscription_billing_attempts/failure",
                "insufficient_funds");
        SubscriptionEvent failed = fixture.awaitEvent(SubscriptionEventType.BILLING_FAILED, contract);
        assertEquals("insufficient_funds", failed.dunning().errorCode());
        assertEquals(1, failed.dunning().attempt());
        assertEquals(start.plus(Duration.ofDays(7)).toString(), failed.dunning().nextRetryAt());
        assertEquals(cycle, failed.billing().billingDate());
        assertEquals(0, new BigDecimal("53.91").compareTo(failed.billing().amount()));
        SyncCommand email = fixture.awaitCommand(SyncCommandType.PAYMENT_METHOD_UPDATE_EMAIL, contract);
        assertEquals("payment-method-email/" + contract + "/" + cycle, email.idempotencyKey());
        assertEquals(SyncCommand.ACTOR_PARTNER, email.actor());

        // the retry fails on the card too: the same dunning run, so no second email
        bill(start.plus(Duration.ofDays(8)));
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> attemptsOf(contract).size() == 2);
        report(contract, attemptsOf(contract).get(1), "subscription_billing_attempts/failure", "card_declined");
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> fixture.events(SubscriptionEventType.BILLING_FAILED, contract)
                                .size()
                        == 2);
        assertEquals(
                2,
                fixture.events(SubscriptionEventType.BILLING_FAILED, contract)
                        .get(1)
                        .dunning()
                        .attempt());
        fixture.awaitOutboxSent();
        assertEquals(
                1,
                fixture.commands(c -> c.type() == SyncCommandType.PAYMENT_METHOD_UPDATE_EMAIL
                                && Long.valueOf(contract).equals(c.contractId()))
                        .size());
    }

    @Test
    void anInventoryFailureTakesItsOwnPathToACancel() {
        long ada = newId();
        long contract = newId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        fixture.createContract(contract, ada, dueSinceYesterday(), null);

        bill(start);
        report(
                contract,
                fixture.awaitCommand(SyncCommandType.BILLING_ATTEMPT_CREATE, contract),
                "subscription_billing_attempts/failure",
                "insufficient_inventory");
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("billing.steps[1].path", equalTo("inventory"))
                .body(
                        "billing.next_retry_at",
                        equalTo(start.plus(Duration.ofDays(1)).toString()));

        bill(start.plus(Duration.ofDays(2)));
        report(
                contract,
                fixture.awaitCommand(c -> c.type() == SyncCommandType.BILLING_ATTEMPT_CREATE
                        && Long.valueOf(contract).equals(c.contractId())
                        && c.idempotencyKey().endsWith("/2")),
                "subscription_billing_attempts/failure",
                "insufficient_inventory");
        fixture.awaitCommand(SyncCommandType.CONTRACT_CANCEL, contract);
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("pending.action", equalTo("cancel"))
                .body("billing.steps.step", hasItem("cancelled"));
    }

    @Test
    void aSkippedCycleIsPassedOverWithoutBilling() {
        long ada = newId();
        long contract = newId();
        Instant due = dueSinceYesterday();
        fixture.createContract(contract, ada, due, null);
        fixture.awaitApplied(fixture.send(
                Topics.SUBSCRIPTIONS,
                "subscription_billing_cycles/skip",
                contract,
                SubscriptionFixture.cycleSkipWebhook(contract, due)));

        bill(Instant.now());
        fixture.awaitOutboxSent();
        assertEquals(0, attemptsOf(contract).size());
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body(
                        "next_billing_date",
                        equalTo(OffsetDateTime.ofInstant(due, ZoneOffset.UTC)
                                .plusMonths(1)
                                .toInstant()
                                .toString()))
                .body("billing.steps[0].step", equalTo("skipped"));
    }

    @Test
    void anAttemptSyncServiceCouldNotDeliverIsSentAgainWithTheSameKey() {
        long ada = newId();
        long contract = newId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        fixture.createContract(contract, ada, dueSinceYesterday(), null);
        bill(start);
        SyncCommand first = fixture.awaitCommand(SyncCommandType.BILLING_ATTEMPT_CREATE, contract);
        fixture.awaitApplied(fixture.answer(first, SyncResult.SyncOutcome.FAILED, null, List.of(), null, null));
        assertEquals(
                "unsent",
                fixture.rows(
                                "select state from subscription.billing_attempt where idempotency_key = ?",
                                first.idempotencyKey())
                        .get(0)
                        .get("state"));
        assertTrue(fixture.contractRow(contract).get("next_retry_at") != null);

        bill(start.plus(Duration.ofHours(1)));
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> attemptsOf(contract).size() == 2);
        SyncCommand again = attemptsOf(contract).get(1);
        assertEquals(first.idempotencyKey(), again.idempotencyKey(), "Shopify's idempotency key is the same");
        assertTrue(!first.commandId().equals(again.commandId()));
        storefront()
                .get(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .body("billing.last_attempt.state", equalTo("requested"))
                .body("billing.failed_attempts", equalTo(0))
                .body("next_billing_date", notNullValue());
    }
}
