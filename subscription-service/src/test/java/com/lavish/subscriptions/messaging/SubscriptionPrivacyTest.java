package com.lavish.subscriptions.messaging;

import static com.lavish.subscriptions.support.SubscriptionFixture.asAdmin;
import static com.lavish.subscriptions.support.SubscriptionFixture.contractNode;
import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static com.lavish.subscriptions.support.SubscriptionFixture.proxyPath;
import static com.lavish.subscriptions.support.SubscriptionFixture.storefront;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.subscriptions.support.SubscriptionFixture;
import com.lavish.subscriptions.support.SubscriptionTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Shopify's privacy requests against the subscription schema, and a record that cannot be applied going to the
 * dead letters while the ones after it are applied.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SubscriptionPrivacyTest extends SubscriptionTestSupport {

    static final Instant NEXT_BILLING = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.DAYS);

    private static ShopifyEvent compliance(String type, long customerId) {
        String body = SampleWebhooks.variant(type)
                .customerId(customerId)
                .shopDomain(SubscriptionFixture.SHOP)
                .tree()
                .toString();
        return new ShopifyEvent(
                UUID.randomUUID().toString(),
                type,
                SubscriptionFixture.SHOP,
                Instant.now().toString(),
                Long.toString(customerId),
                "2026-07",
                UUID.randomUUID().toString(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitPrivacyRequest(String ceId) {
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> !fixture.rows("select 1 from subscription.privacy_request where ce_id = ?", ceId)
                        .isEmpty());
    }

    @Test
    void customersRedactTakesTheDeliveryAddressAndKeepsItTaken() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        String ceId = fixture.send(Topics.COMPLIANCE, compliance("customers/redact", ada));
        awaitPrivacyRequest(ceId);

        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> fixture.contractRow(contract).get("delivery_address1") == null);
        assertNull(fixture.contractRow(contract).get("delivery_city"));
        assertEquals("active", fixture.contractRow(contract).get("status"));
        // a later whole contract does not bring the address back
        fixture.publishNode(contractNode(contract, ada, 200, "ACTIVE", NEXT_BILLING, null));
        assertNull(fixture.contractRow(contract).get("delivery_address1"));
        assertEquals(new BigDecimal("200"), fixture.contractRow(contract).get("revision_id"));
    }

    @Tag("security")
    @Test
    void customersRedactAlsoErasesTheAddresssCopiesInActionsSentCommandsAndStoredAnswers() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        String key = UUID.randomUUID().toString();
        storefront()
                .header("Idempotency-Key", key)
                .body(Map.of(
                        "delivery_address",
                        Map.of(
                                "first_name",
                                "Ada",
                                "address1",
                                "1 Collins Street",
                                "city",
                                "Melbourne",
                                "province_code",
                                "VIC",
                                "country_code",
                                "AU",
                                "zip",
                                "3000")))
                .patch(proxyPath(ada, "subscriptions/" + contract))
                .then()
                .statusCode(202);
        SyncCommand update = fixture.awaitCommand(SyncCommandType.CONTRACT_UPDATE, contract);
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> !fixture.rows(
                                "select 1 from "
                                        + "subscription.sync_command_outbox where command_id = ? and sent_at is not null",
                                update.commandId())
                        .isEmpty());
        String answer = (String) fixture.rows(
                        "select response_body from subscription.idempotent_request "
                                + "where shopify_customer_id = ? and idempotency_key = ?",
                        ada,
                        key)
                .get(0)
                .get("response_body");
        assertTrue(
                answer.startsWith(PersonalDataCipher.ROW_BOUND_PREFIX) && !answer.contains("Collins"),
                "the stored answer is encrypted");

        String ceId = fixture.send(Topics.COMPLIANCE, compliance("customers/redact", ada));
        awaitPrivacyRequest(ceId);

        assertTrue(
                fixture.rows("select 1 from subscription.idempotent_request where shopify_customer_id = ?", ada)
                        .isEmpty(),
                "the stored answers");
        assertFalse(
                fixture.rows("select 1 from subscription.contract_action where contract_shopify_id = ?", contract)
                        .isEmpty(),
                "the action itself stays");
        assertTrue(
                fixture.rows(
                                "select 1 from subscription.contract_action where contract_shopify_id = ? "
                                        + "and edit is not null",
                                contract)
                        .isEmpty(),
                "its edit");
        assertTrue(
                fixture.rows("select 1 from subscription.sync_command_outbox where command_id = ?", update.commandId())
                        .isEmpty(),
                "the command already sent");
    }

    @Test
    void theDataRequestExportHoldsTheCustomersSubscriptions() {
        long ada = newId();
        long contract = newId();
        fixture.createContract(contract, ada, NEXT_BILLING, null);
        String ceId = fixture.send(Topics.COMPLIANCE, compliance("customers/data_request", ada));
        awaitPrivacyRequest(ceId);

        asAdmin()
                .get("/admin/subscriptions/privacy/data-requests/" + ceId + "/export")
                .then()
                .statusCode(200)
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
        fixture.contractEvent(
                "subscription_contracts/create",
                contract,
                SubscriptionFixture.contractWebhook(contract, newId(), 2, "active"));

        await().atMost(SubscriptionFixture.WAIT)
                .untilAsserted(() -> asAdmin()
                        .get("/admin/dead-letters/" + Topics.SUBSCRIPTIONS + "?limit=500")
                        .then()
                        .statusCode(200)
                        .body("dead_letters.ce_id", hasItem(brokenId)));
    }
}
