package com.lavish.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.lavish.devstack.DashboardMetricsCheck;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.notifications.support.NotificationFixture;
import com.lavish.notifications.support.SmtpServer;
import com.lavish.notifications.support.SmtpTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every metric deploy/kubernetes/metrics/notification-service.csv assigns to this service (what the operations
 * dashboard, the alerts and the autoscaler read) is at /q/metrics, once a request has been answered and an email
 * sent.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class DashboardMetricsTest extends DashboardMetricsCheck {

    @Inject
    AgroalDataSource database;

    @Override
    protected void exercise() {
        // an HTTP request: an unsubscribe link that was not ours
        given().queryParam("shop", NotificationFixture.SHOP)
                .queryParam("customer", 1)
                .queryParam("signature", "x")
                .get("/notifications/unsubscribe")
                .then()
                .statusCode(403);
        // an email: a customer known, an event for them, the message accepted by the SMTP server
        try (NotificationFixture fixture = new NotificationFixture(database);
                SmtpServer smtp =
                        new SmtpServer(ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class))) {
            long customer = NotificationFixture.newCustomerId();
            String address = NotificationFixture.newAddress("metrics.example.com.au");
            fixture.customerCreated(customer, address, "Ada", "en");
            await().atMost(Duration.ofSeconds(60)).until(() -> fixture.recipientKnown(customer));
            fixture.publish(NotificationFixture.event(SubscriptionEventType.PAUSED, customer));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !smtp.receivedFor(address).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "../deploy/kubernetes/metrics/notification-service.csv")
    void exportsEveryMetricTheDashboardAlertsAndAutoscalerReadFromIt(String metric) {
        assertExported(metric);
    }
}
