package com.lavish.sync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.lavish.devstack.DashboardMetricsCheck;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.sync.support.ShopifyFakeAdminResource;
import com.lavish.sync.support.SyncFixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every metric deploy/kubernetes/metrics/sync-service.csv assigns to this service (what the operations dashboard,
 * the alerts and the autoscaler read) is at /q/metrics, once an admin request, a command and a dead letter have
 * happened.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class DashboardMetricsTest extends DashboardMetricsCheck {

    @Inject
    AgroalDataSource database;

    @Override
    protected void exercise() {
        // an HTTP request
        given().contentType("application/json")
                .post("/admin/reconciliation/runs")
                .then()
                .statusCode(401);
        try (SyncFixture fixture = new SyncFixture(database)) {
            // a command: Postgres statements, the Admin API, the bucket
            fixture.assertSucceeded(SyncFixture.contractCommand(
                    SyncCommandType.CONTRACT_FETCH,
                    ShopifyGid.numericId(fixture.subscribe().contractGid())));
            // a record that cannot be read goes to the dead letters at once
            fixture.sendRaw(SyncFixture.SHOP + "/" + UUID.randomUUID(), "not JSON".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ManagementPort.given()
                            .get("/q/metrics")
                            .asString()
                            .contains("dead_letters_written_total{"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/sync-service.csv")
    void exportsEveryMetricTheDashboardAlertsAndAutoscalerReadFromIt(String metric) {
        assertExported(metric);
    }
}
