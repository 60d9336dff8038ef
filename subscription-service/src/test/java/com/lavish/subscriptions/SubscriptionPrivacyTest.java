package com.lavish.subscriptions;

import static com.lavish.subscriptions.SubscriptionFixture.asAdmin;
import static com.lavish.subscriptions.SubscriptionFixture.contractNode;
import static com.lavish.subscriptions.SubscriptionFixture.newId;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.shopifyfake.SampleWebhooks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Shopify's privacy requests against the subscription schema, and a record that cannot be applied going to the
 * dead letters while the ones after it are applied.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SubscriptionPrivacyTest extends SubscriptionTestSupport {

    static final Instant NEXT_BILLING = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.DAYS);

    private static ShopifyEvent compliance(String type, long customerId) {
        String body = SampleWebhooks.variant(type).customerId(customerId).shopDomain(SubscriptionFixture.SHOP).tree()
                .toString();
        return new ShopifyEvent(UUID.randomUUID().toString(), type, SubscriptionFixture.SHOP, Instant.now().toString(),
                Long.toString(customerId), "2026-07", UUID.randomUUID().toString(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitPrivacyRequest(String ceId) {
        await().atMost(SubscriptionFixture.WAIT).until(() -> !fixture.rows(
                "select 1 from subscription.privacy_request where ce_id = ?", ceId).isEmpty());
    }

    @Test
    void customersRedactTakesTheDeliveryAddressAndKeepsItTaken() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        String ceId = fixture.send(Topics.COMPLIANCE, compliance("customers/redact", ada));
        awaitPrivacyRequest(ceId);

        await().atMost(SubscriptionFixture.WAIT).until(() ->
                fixture.contractRow(contract).get("delivery_address1") == null);
        assertNull(fixture.contractRow(contract).get("delivery_city"));
        assertEquals("active", fixture.contractRow(contract).get("status"));
        // a later whole contract does not bring the address back
        fixture.publishNode(contractNode(contract, ada, 200, "ACTIVE", NEXT_BILLING, null));
        assertNull(fixture.contractRow(contract).get("delivery_address1"));
        assertEquals(new BigDecimal("200"), fixture.contractRow(contract).get("revision_id"));
    }

    @Test
    void theDataRequestExportHoldsTheCustomersSubscriptions() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        String ceId = fixture.send(Topics.COMPLIANCE, compliance("customers/data_request", ada));
        awaitPrivacyRequest(ceId);

        asAdmin().get("/admin/subscriptions/privacy/data-requests/" + ceId + "/export").then().statusCode(200)
                .body("service", equalTo("subscription-service"))
                .body("data_request.customer_id", equalTo(Long.toString(ada)))
                .body("subscriptions[0].id", equalTo(Long.toString(contract)))
                .body("subscriptions[0].delivery_address.city", equalTo("Sydney"));
    }

    @Test
    void aContractWebhookWithoutAnIdGoesToTheDeadLettersAndTheNextOneIsApplied() {
        long contract = newId();
        var broken = SubscriptionFixture.contractWebhook(contract, newId(), 1, "active");
        broken.remove("id");
        String brokenId = fixture.send(Topics.SUBSCRIPTIONS, "subscription_contracts/update", contract, broken);
        fixture.contractEvent("subscription_contracts/create", contract,
                SubscriptionFixture.contractWebhook(contract, newId(), 2, "active"));

        await().atMost(SubscriptionFixture.WAIT).untilAsserted(() -> asAdmin()
                .get("/admin/dead-letters/" + Topics.SUBSCRIPTIONS + "?limit=500").then().statusCode(200)
                .body("dead_letters.ce_id", hasItem(brokenId)));
    }
}
