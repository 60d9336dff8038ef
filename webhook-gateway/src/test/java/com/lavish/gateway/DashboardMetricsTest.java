package com.lavish.gateway;

import static com.lavish.gateway.support.TestWebhooks.post;
import static com.lavish.gateway.support.TestWebhooks.utf8;

import com.lavish.devstack.DashboardMetricsCheck;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.gateway.support.TestWebhooks;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every metric deploy/kubernetes/metrics/webhook-gateway.csv assigns to this service (what the operations dashboard
 * and the alerts read: response times, error and webhook success rates) is at /q/metrics once a webhook came in.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
@Order(4)
class DashboardMetricsTest extends DashboardMetricsCheck {

    @Override
    protected void exercise() {
        byte[] order = utf8("{\"id\":7002}");
        post(TestWebhooks.headers("orders/create", order), order).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/webhook-gateway.csv")
    void exportsEveryMetricTheDashboardAndAlertsReadFromIt(String metric) {
        assertExported(metric);
    }
}
