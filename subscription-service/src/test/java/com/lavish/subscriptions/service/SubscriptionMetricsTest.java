package com.lavish.subscriptions.service;

import static com.lavish.subscriptions.support.SubscriptionFixture.asAdmin;
import static com.lavish.subscriptions.support.SubscriptionFixture.contractWebhook;
import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.ManagementPort;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.support.SubscriptionFixture;
import com.lavish.subscriptions.support.SubscriptionTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The subscription figures: gauges on /q/metrics, and the admin's figures with churn and revenue per month. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SubscriptionMetricsTest extends SubscriptionTestSupport {

    private static final Pattern ACTIVE = Pattern.compile("(?m)^subscriptions_active(?:\\{[^}]*\\})? ([0-9.E]+)$");

    @Inject
    BillingRun billing;

    @Test
    void theMetricsEndpointShowsActiveSubscriptions() {
        long contract = newId();
        fixture.contractEvent(
                "subscription_contracts/create", contract, contractWebhook(contract, newId(), 1, "active"));
        // refreshed every second in tests; other tests' contracts may change it, never below what was counted
        await().atMost(SubscriptionFixture.WAIT).until(() -> {
            Matcher gauge = ACTIVE.matcher(ManagementPort.given()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            return gauge.find() && Double.parseDouble(gauge.group(1)) >= 1;
        });
        asAdmin()
                .get("/admin/subscriptions/metrics?shop=" + SubscriptionFixture.SHOP)
                .then()
                .statusCode(200)
                .body("active", greaterThanOrEqualTo(1));
    }

    @Test
    void churnAndRevenueAreCountedForTheAdmin() throws Throwable {
        String shop = SubscriptionFixture.SHOP;
        long cancelled = newId();
        fixture.contractEvent(
                "subscription_contracts/cancel", cancelled, contractWebhook(cancelled, newId(), 3, "cancelled"));
        long billed = newId();
        fixture.createContract(
                billed, newId(), Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS), null);
        VertxContextSupport.subscribeAndAwait(() -> billing.billDue(Instant.now()));
        SyncCommand attempt = fixture.awaitCommand(SyncCommandType.BILLING_ATTEMPT_CREATE, billed);
        var success = SubscriptionFixture.JSON.createObjectNode();
        success.put("id", newId());
        success.put("idempotency_key", attempt.idempotencyKey());
        success.put("subscription_contract_id", billed);
        success.put("order_id", newId());
        success.put("ready", true);
        success.putNull("error_code");
        success.putNull("error_message");
        fixture.awaitApplied(
                fixture.send(Topics.SUBSCRIPTIONS, "subscription_billing_attempts/success", billed, success));

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        var figures = asAdmin()
                .get("/admin/subscriptions/metrics?shop=" + shop)
                .then()
                .statusCode(200)
                .body("shop", equalTo(shop))
                .body("churned_30d", greaterThanOrEqualTo(1))
                .body("revenue_by_month.month", hasItem(month))
                .extract();
        BigDecimal revenue = new BigDecimal(figures.path(
                        "revenue_by_month.find { it.month == '" + month + "' && it.currency_code == 'AUD' }.amount")
                .toString());
        assertTrue(revenue.compareTo(new BigDecimal("53.91")) >= 0, "this month's revenue holds the attempt billed");
        assertTrue(new BigDecimal(figures.path("churn_rate_30d").toString()).signum() > 0);
    }
}
