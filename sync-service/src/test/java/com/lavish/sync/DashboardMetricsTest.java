package com.lavish.sync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.sync.SyncCommandType;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric deploy/kubernetes/metrics/sync-service.csv assigns to this service (what the operations dashboard,
 * the alerts and the autoscaler read) is at /q/metrics, once an admin request, a command and a dead letter have
 * happened.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class DashboardMetricsTest extends SyncTestBase {

    private static boolean exercised;

    @BeforeEach
    void exerciseWhatTheMetricsCount() {
        if (exercised) {
            return;
        }
        // an HTTP request
        given().post("/admin/reconciliation/runs").then().statusCode(401);
        // a command: Postgres statements, the Admin API, the bucket
        fixture.assertSucceeded(SyncFixture.contractCommand(SyncCommandType.CONTRACT_FETCH,
                ShopifyGid.numericId(fixture.subscribe().contractGid())));
        // a record that cannot be read goes to the dead letters at once
        fixture.sendRaw(SyncFixture.SHOP + "/" + UUID.randomUUID(), "not JSON".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/metrics").asString()
                .contains("dead_letters_written_total{"));
        exercised = true;
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/sync-service.csv")
    void exportsEveryMetricTheDashboardAlertsAndAutoscalerReadFromIt(String metric) {
        given().get("/q/metrics").then().statusCode(200).body(matchesPattern("(?s).*\\n" + metric + "[{ ].*"));
    }
}
