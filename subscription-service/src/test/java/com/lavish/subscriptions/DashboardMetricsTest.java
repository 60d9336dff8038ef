package com.lavish.subscriptions;

import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static com.lavish.subscriptions.support.SubscriptionFixture.proxyPath;
import static com.lavish.subscriptions.support.SubscriptionFixture.storefront;

import com.lavish.devstack.DashboardMetricsCheck;
import com.lavish.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every metric deploy/kubernetes/metrics/subscription-service.csv assigns to this service (what the operations
 * dashboard, the alerts and the autoscaler read) is at /q/metrics once a storefront read has happened; the dead-letter
 * counter of each topic it consumes is there before its first dead letter.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DashboardMetricsTest extends DashboardMetricsCheck {

    @Override
    protected void exercise() {
        // a storefront read: an HTTP request and the database queries behind it
        storefront().get(proxyPath(newId(), "subscriptions")).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/subscription-service.csv")
    void exportsEveryMetricTheDashboardAlertsAndAutoscalerReadFromIt(String metric) {
        assertExported(metric);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shopify.subscriptions", "shopify.products", "sync.results", "shopify.compliance"})
    void countsTheDeadLettersOfEveryConsumedTopicFromTheStart(String topic) {
        assertExported("dead_letters_written_total\\{[^}]*topic=\"" + topic.replace(".", "\\.") + "\"[^}]*}");
    }
}
