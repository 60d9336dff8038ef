package com.lavish.sync.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.sync.ReconcileType;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.support.FakeShopify;
import com.lavish.sync.support.ShopifyFakeAdminResource;
import com.lavish.sync.support.SyncFixture;
import com.lavish.sync.support.SyncTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What Shopify changed without a webhook reaching the suite (the fake's webhooks muted) is published by a
 * reconciliation pass into its shopify.* topic: the shop's first load as a bulk operation, later passes page by page
 * from the cursor.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class ReconciliationTest extends SyncTestBase {

    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void restoreTheFake() {
        FakeShopify.unmuteWebhooks();
    }

    @Test
    void anOrderAndAContractChangedWithoutAWebhookAreReconciledIntoTheirTopics() throws Exception {
        FakeShopify.muteWebhooks();
        SyncFixture.Subscription subscription = fixture.subscribe();
        // the shop's first load, whatever ran before: bulk operations
        fixture.rows("delete from sync.reconcile_cursor where shop_domain = ? returning resource", SyncFixture.SHOP);
        long orderId = ShopifyGid.numericId(subscription.orderGid());
        long contractId = ShopifyGid.numericId(subscription.contractGid());

        run().then()
                .statusCode(200)
                .body("passes.type", hasItem(ReconcileType.ORDERS.eventType()))
                .body("passes.find { it.type == 'reconcile/orders' }.error", equalTo(null))
                .body("passes.find { it.type == 'reconcile/orders' }.mode", equalTo("bulk"))
                .body("passes.find { it.type == 'reconcile/orders' }.published", greaterThanOrEqualTo(1));

        ConsumerRecord<String, byte[]> order = fixture.awaitEvent(
                Topics.ORDERS,
                e -> e.type().equals(ReconcileType.ORDERS.eventType())
                        && Long.toString(orderId).equals(e.subject()));
        ShopifyEvent orderEvent = SyncFixture.event(order);
        JsonNode orderNode = JSON.readTree(orderEvent.payload());
        assertEquals(SyncFixture.SHOP + "/" + orderId, order.key());
        assertEquals(
                "reconcile:" + subscription.orderGid() + ":"
                        + orderNode.get("updatedAt").asText(),
                orderEvent.id());
        assertEquals(SyncFixture.SHOP, orderEvent.shopDomain());
        assertTrue(orderNode
                .path("lineItems")
                .path("nodes")
                .get(0)
                .path("sellingPlan")
                .hasNonNull("sellingPlanId"));
        assertTrue(orderNode.path("totalPriceSet").path("shopMoney").hasNonNull("amount"));
        fixture.awaitEvent(
                Topics.SUBSCRIPTIONS,
                e -> e.type().equals(ReconcileType.SUBSCRIPTION_CONTRACTS.eventType())
                        && Long.toString(contractId).equals(e.subject()));

        // paused in Shopify; its webhook never arrives
        fixture.assertSucceeded(SyncFixture.contractCommand(SyncCommandType.CONTRACT_PAUSE, contractId));
        String revision = FakeShopify.contract(subscription.contractGid()).getString("revisionId");
        run().then()
                .statusCode(200)
                .body("passes.find { it.type == 'reconcile/subscription_contracts' }.mode", equalTo("pages"))
                .body(
                        "passes.find { it.type == 'reconcile/subscription_contracts' }.published",
                        greaterThanOrEqualTo(1));

        ConsumerRecord<String, byte[]> paused = fixture.awaitEvent(
                Topics.SUBSCRIPTIONS, e -> e.id().equals("reconcile:" + subscription.contractGid() + ":" + revision));
        JsonNode contract = JSON.readTree(SyncFixture.event(paused).payload());
        assertEquals("PAUSED", contract.get("status").asText());
        assertEquals(SyncFixture.SHOP + "/" + contractId, paused.key());
        assertTrue(contract.path("lines").path("nodes").size() > 0);
    }

    @Tag("security")
    @Test
    void onlyTheAdminMayRunAPass() {
        given().contentType("application/json")
                .post("/admin/reconciliation/runs")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .auth()
                .preemptive()
                .basic("admin", SyncFixture.ADMIN_PASSWORD)
                .queryParam("resource", "invoices")
                .post("/admin/reconciliation/runs")
                .then()
                .statusCode(400);
    }

    @Tag("security")
    @Test
    void aBadAdminParameterIsABadRequestNamingIt() {
        asAdmin()
                .queryParam("resource", "invoices")
                .post("/admin/reconciliation/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("resource"));
        asAdmin()
                .queryParam("shop", "elsewhere.myshopify.com")
                .post("/admin/reconciliation/runs")
                .then()
                .statusCode(400)
                .body("field", equalTo("shop"));
        asAdmin().get("/admin/sync/commands").then().statusCode(400).body("field", equalTo("shop"));
        asAdmin()
                .queryParam("shop", SyncFixture.SHOP)
                .queryParam("state", "lost")
                .get("/admin/sync/commands")
                .then()
                .statusCode(400)
                .body("field", equalTo("state"));
        asAdmin()
                .queryParam("shop", SyncFixture.SHOP)
                .queryParam("limit", 501)
                .get("/admin/sync/commands")
                .then()
                .statusCode(400)
                .body("field", equalTo("limit"))
                .body("detail", equalTo("limit is 1 to 500"));
        asAdmin()
                .queryParam("shop", SyncFixture.SHOP)
                .queryParam("state", "failed")
                .get("/admin/sync/commands")
                .then()
                .statusCode(200);
    }

    private static RequestSpecification asAdmin() {
        return given().contentType("application/json").auth().preemptive().basic("admin", SyncFixture.ADMIN_PASSWORD);
    }

    @Test
    void theCursorMovesWithWhatWasPublished() {
        run().then().statusCode(200);
        Map<String, Object> cursor = fixture.rows(
                        "select * from sync.reconcile_cursor where shop_domain = ? " + "and resource = 'ORDERS'",
                        SyncFixture.SHOP)
                .get(0);
        assertNull(cursor.get("bulk_operation_id"));
        assertTrue(cursor.get("updated_since") != null);
    }

    private static io.restassured.response.Response run() {
        return given().contentType("application/json")
                .auth()
                .preemptive()
                .basic("admin", SyncFixture.ADMIN_PASSWORD)
                .post("/admin/reconciliation/runs");
    }
}
