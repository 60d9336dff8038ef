package com.lavish.devstack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every service's {@code DashboardMetricsTest} shares: its list in deploy/kubernetes/metrics (what the dashboard,
 * the alerts and the autoscalers read from it) is checked against its real /q/metrics, on its management port
 * ({@link ManagementPort}), once the test has made happen what those metrics count. A subclass says what that is
 * ({@link #exercise()}, run once per class) and lists the metrics with
 * {@code @CsvFileSource(files = "../deploy/kubernetes/metrics/<service>.csv")}, each checked with
 * {@link #assertExported(String)}; deploy's MetricsContractTest looks for that line.
 */
public abstract class DashboardMetricsCheck {

    private static final Set<Class<?>> EXERCISED = ConcurrentHashMap.newKeySet();

    /** Makes happen what the listed metrics count (a storefront read, a webhook), so each has a sample. */
    protected abstract void exercise();

    @BeforeEach
    protected final void exerciseOnce() {
        if (!EXERCISED.contains(getClass())) {
            exercise();
            EXERCISED.add(getClass());
        }
    }

    /** The application port, the one gateways route to, serves none of the management paths. */
    @Test
    protected final void healthMetricsAndOpenApiAreNotOnTheApplicationPort() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi")) {
            given().get(path).then().statusCode(404);
        }
    }

    /**
     * The service's /q/metrics has a sample of the metric, with or without labels, at once or within 30 seconds: a
     * gauge counted on a schedule is registered when its bean first runs (5 s after the start, say).
     */
    protected static void assertExported(String metric) {
        await(metric)
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> ManagementPort.given()
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .body(matchesPattern("(?s).*\\n" + metric + "[{ ].*")));
    }
}
