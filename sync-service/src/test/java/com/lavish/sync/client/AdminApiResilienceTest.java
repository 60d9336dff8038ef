package com.lavish.sync.client;

import static com.lavish.sync.support.SyncFixture.contractCommand;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncResult;
import com.lavish.events.sync.SyncResult.SyncOutcome;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.support.FakeShopify;
import com.lavish.sync.support.ShopifyFakeAdminResource;
import com.lavish.sync.support.SyncFixture;
import com.lavish.sync.support.SyncTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shopify answering 5xx, dropping connections or THROTTLED: commands still arrive, once, and none is lost. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class AdminApiResilienceTest extends SyncTestBase {

    @Inject
    MeterRegistry metrics;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @AfterEach
    void restoreTheFake() {
        // the failures injected here may have opened the circuit: the next test starts with Shopify reachable
        circuitBreakers.resetAll();
        FakeShopify.faults(0, 0, 0);
        // Shopify's Standard bucket again, as the fake starts
        FakeShopify.throttle(2000, 100);
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetried() {
        long contractId = ShopifyGid.numericId(fixture.subscribe().contractGid());
        long pauses = FakeShopify.mutations("subscriptionContractPause");
        FakeShopify.faults(0, 2, 1);

        SyncCommand pause = contractCommand(SyncCommandType.CONTRACT_PAUSE, contractId);
        fixture.send(pause);
        SyncResult result = fixture.awaitResult(pause);

        assertEquals(SyncOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals("PAUSED", result.contractStatus());
        assertEquals(pauses + 1, FakeShopify.mutations("subscriptionContractPause"));
        assertTrue(metrics.counter(
                                "sync.admin-api.requests",
                                "operation",
                                "SubscriptionContractPause",
                                "outcome",
                                "unavailable")
                        .count()
                >= 3);
    }

    @Test
    void whenShopifyStaysDownTheCommandFailsAndIsKeptForItsNextDelivery() {
        long contractId = ShopifyGid.numericId(fixture.subscribe().contractGid());
        // more 5xx answers than the retries take (5 tries in all)
        FakeShopify.faults(0, 5, 0);

        SyncCommand pause = contractCommand(SyncCommandType.CONTRACT_PAUSE, contractId);
        fixture.send(pause);
        SyncResult failed = fixture.awaitResult(pause);
        assertEquals(SyncOutcome.FAILED, failed.outcome());
        assertTrue(failed.message().startsWith("Shopify could not be reached"), failed.message());
        assertEquals("FAILED", fixture.ledger(pause).get("state"));
        assertEquals(
                "ACTIVE",
                FakeShopify.contract(ShopifyGid.of("SubscriptionContract", contractId))
                        .getString("status"));

        // Shopify is back; the command's next delivery (a replay, or the caller asking again) applies it
        SyncCommand again = SyncFixture.reissue(pause);
        fixture.send(again);
        SyncResult applied = fixture.awaitResult(again);
        assertEquals(SyncOutcome.SUCCEEDED, applied.outcome(), applied.message());
        assertEquals("PAUSED", applied.contractStatus());
        assertEquals(2, ((Number) fixture.ledger(pause).get("attempts")).intValue());
    }

    @Test
    void anAdminResendsAFailedCommandFromTheLedger() {
        long contractId = ShopifyGid.numericId(fixture.subscribe().contractGid());
        FakeShopify.faults(0, 5, 0);
        SyncCommand cancel = contractCommand(SyncCommandType.CONTRACT_CANCEL, contractId);
        fixture.send(cancel);
        assertEquals(SyncOutcome.FAILED, fixture.awaitResult(cancel).outcome());
        FakeShopify.faults(0, 0, 0);

        long id = ((Number) fixture.ledger(cancel).get("id")).longValue();
        given().contentType("application/json")
                .auth()
                .preemptive()
                .basic("admin", SyncFixture.ADMIN_PASSWORD)
                .queryParam("shop", SyncFixture.SHOP)
                .get("/admin/sync/commands")
                .then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.state", equalTo("FAILED"))
                .body("find { it.id == " + id + " }.idempotencyKey", equalTo(cancel.idempotencyKey()));
        given().contentType("application/json")
                .auth()
                .preemptive()
                .basic("admin", SyncFixture.ADMIN_PASSWORD)
                .post("/admin/sync/commands/" + id + "/resend")
                .then()
                .statusCode(202)
                .body("commandId", equalTo(cancel.commandId()));

        await().atMost(SyncFixture.WAIT)
                .until(() -> fixture.results().stream()
                        .anyMatch(
                                r -> r.commandId().equals(cancel.commandId()) && r.outcome() == SyncOutcome.SUCCEEDED));
        assertEquals(
                "CANCELLED",
                FakeShopify.contract(ShopifyGid.of("SubscriptionContract", contractId))
                        .getString("status"));
        // answered now: a second resend would change nothing
        given().contentType("application/json")
                .auth()
                .preemptive()
                .basic("admin", SyncFixture.ADMIN_PASSWORD)
                .post("/admin/sync/commands/" + id + "/resend")
                .then()
                .statusCode(409);
        given().contentType("application/json")
                .post("/admin/sync/commands/" + id + "/resend")
                .then()
                .statusCode(401);
    }

    @Test
    void throttledAnswersAreWaitedOutAndABurstIsPacedWithoutLosingACommand() {
        List<Long> contracts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contracts.add(ShopifyGid.numericId(fixture.subscribe().contractGid()));
        }
        // a small, slow bucket: 30 points restoring 15 a second, about one status change a second
        FakeShopify.throttle(30, 15);
        long throttledBefore = FakeShopify.throttledAnswers();
        double retriesBefore = throttledRetries();

        List<SyncCommand> burst = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (long contract : contracts) {
                burst.add(contractCommand(
                        round % 2 == 0 ? SyncCommandType.CONTRACT_PAUSE : SyncCommandType.CONTRACT_ACTIVATE, contract));
            }
        }
        burst.forEach(fixture::send);

        for (SyncCommand command : burst) {
            SyncResult result = fixture.awaitResult(command, Duration.ofSeconds(120));
            assertEquals(SyncOutcome.SUCCEEDED, result.outcome(), result.message());
        }
        for (long contract : contracts) {
            assertEquals(
                    "ACTIVE",
                    FakeShopify.contract(ShopifyGid.of("SubscriptionContract", contract))
                            .getString("status"));
        }
        // the first answers taught the bucket its size; anything Shopify refused was sent again
        assertTrue(
                throttledRetries() - retriesBefore == FakeShopify.throttledAnswers() - throttledBefore,
                "every THROTTLED answer was retried");
        assertTrue(
                metrics.find("sync.throttle.waits").timers().stream()
                                .mapToLong(t -> t.count())
                                .sum()
                        > 0,
                "the bucket paced the burst");
    }

    private double throttledRetries() {
        return metrics.find("sync.admin-api.throttled").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
