package com.lavish.subscriptions.rest;

import static com.lavish.subscriptions.support.SubscriptionFixture.asAdmin;
import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.devstack.SharedDevStack;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.support.SubscriptionFixture;
import com.lavish.subscriptions.support.SubscriptionTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The admin's selling plan groups: created here as pending, sent as SELLING_PLAN_GROUP_CREATE, live with Shopify's
 * ids once sync.results confirms it, and one group however often its command or its answer is delivered; products
 * added to and removed from a live group; the catalogue from Shopify's webhooks and nodes; the admin credential.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SellingPlanGroupAdminTest extends SubscriptionTestSupport {

    private static final String GROUPS = "/admin/subscriptions/selling-plan-groups";

    private static Map<String, Object> bookBox(String name, long product) {
        return Map.of(
                "shop",
                SubscriptionFixture.SHOP,
                "name",
                name,
                "options",
                List.of("Delivery every"),
                "plans",
                List.of(
                        Map.of(
                                "name",
                                "Monthly book box, 10% off",
                                "option",
                                "1 month",
                                "interval",
                                "month",
                                "interval_count",
                                1,
                                "percentage_off",
                                10),
                        Map.of(
                                "name",
                                "Every 3 months",
                                "option",
                                "3 months",
                                "interval",
                                "month",
                                "interval_count",
                                3)),
                "product_ids",
                List.of(Long.toString(product)));
    }

    private SyncCommand awaitCreate(String name) {
        return fixture.awaitCommand(c -> c.type() == SyncCommandType.SELLING_PLAN_GROUP_CREATE
                && name.equals(c.sellingPlanGroup().name()));
    }

    @Test
    void aGroupCreatedFromTheAdminApiGoesLiveOnceShopifyConfirmsIt() throws Exception {
        String name = "Book box " + UUID.randomUUID();
        long product = newId();
        String id = asAdmin()
                .contentType("application/json")
                .body(bookBox(name, product))
                .post(GROUPS)
                .then()
                .statusCode(202)
                .body("state", equalTo("pending"))
                .body("shopify_id", nullValue())
                .body("plans", hasSize(2))
                .body("plans[0].adjustment_type", equalTo("percentage"))
                .body("plans[0].adjustment_value", equalTo("10.00"))
                .body("products[0].product_id", equalTo(Long.toString(product)))
                .body("products[0].state", equalTo("adding"))
                .extract()
                .path("id");

        SyncCommand create = awaitCreate(name);
        assertEquals(List.of(product), create.productIds());
        assertTrue(
                create.sellingPlanGroup().merchantCode().contains(create.idempotencyKey()),
                "the merchant code carries the command's idempotency key");
        SyncCommand.SellingPlanSpec monthly = create.sellingPlanGroup().plans().get(0);
        assertEquals("MONTH", monthly.interval());
        assertEquals(0, new BigDecimal("10").compareTo(monthly.percentageOff()));

        // delivered twice (a relay that crashed after sending), answered twice: one group, live, with Shopify's ids
        redeliver(create);
        long groupId = newId();
        long monthlyId = newId();
        long quarterlyId = newId();
        Map<String, Long> planIds = Map.of("Monthly book box, 10% off", monthlyId, "Every 3 months", quarterlyId);
        fixture.awaitApplied(
                fixture.answer(create, SyncResult.SyncOutcome.SUCCEEDED, null, List.of(), groupId, planIds));
        fixture.answer(create, SyncResult.SyncOutcome.SUCCEEDED, null, List.of(), groupId, planIds);

        asAdmin()
                .get(GROUPS + "/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("live"))
                .body("shopify_id", equalTo(Long.toString(groupId)))
                .body("plans[0].shopify_id", equalTo(Long.toString(monthlyId)))
                .body("plans[1].shopify_id", equalTo(Long.toString(quarterlyId)))
                .body("products[0].state", equalTo("live"));
        assertEquals(
                1,
                fixture.rows("select 1 from subscription.selling_plan_group where name = ?", name)
                        .size());

        // Shopify's own webhook of the same group changes nothing of its identity
        fixture.awaitApplied(fixture.send(
                Topics.SUBSCRIPTIONS,
                "selling_plan_groups/update",
                groupId,
                groupWebhook(groupId, name, create.sellingPlanGroup().merchantCode(), product)));
        asAdmin()
                .get(GROUPS + "/" + id)
                .then()
                .body("plans[0].shopify_id", equalTo(Long.toString(monthlyId)))
                .body("products", hasSize(1));
        assertEquals(
                1,
                fixture.rows("select 1 from subscription.selling_plan_group where name = ?", name)
                        .size());
    }

    @Test
    void aRepeatedCreateWithTheSameIdempotencyKeyMakesOneGroupAndOneCommand() {
        String name = "Quarterly box " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = asAdmin()
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(bookBox(name, newId()))
                .post(GROUPS)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String second = asAdmin()
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(bookBox(name, newId()))
                .post(GROUPS)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertEquals(first, second);
        awaitCreate(name);
        fixture.awaitOutboxSent();
        assertEquals(
                1,
                fixture.commands(c -> c.type() == SyncCommandType.SELLING_PLAN_GROUP_CREATE
                                && name.equals(c.sellingPlanGroup().name()))
                        .size());
    }

    @Test
    void aRefusedGroupShowsShopifysMessage() {
        String name = "Refused box " + UUID.randomUUID();
        String id = asAdmin()
                .contentType("application/json")
                .body(bookBox(name, newId()))
                .post(GROUPS)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        fixture.awaitApplied(fixture.answer(
                awaitCreate(name),
                SyncResult.SyncOutcome.REJECTED,
                null,
                List.of(new SyncResult.UserError(
                        List.of("resources", "productIds"), "Product does not exist", "PRODUCT_DOES_NOT_EXIST")),
                null,
                null));
        asAdmin()
                .get(GROUPS + "/" + id)
                .then()
                .body("state", equalTo("rejected"))
                .body("message", equalTo("Product does not exist"));
        // products change only in a live group
        asAdmin()
                .contentType("application/json")
                .body(Map.of("product_ids", List.of("1")))
                .post(GROUPS + "/" + id + "/products")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void productsAreAddedToAndRemovedFromALiveGroup() {
        String name = "Add box " + UUID.randomUUID();
        long first = newId();
        long second = newId();
        String id = asAdmin()
                .contentType("application/json")
                .body(bookBox(name, first))
                .post(GROUPS)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        long groupId = newId();
        fixture.awaitApplied(fixture.answer(
                awaitCreate(name), SyncResult.SyncOutcome.SUCCEEDED, null, List.of(), groupId, Map.of()));

        asAdmin()
                .contentType("application/json")
                .body(Map.of("product_ids", List.of("gid://shopify/Product/" + second)))
                .post(GROUPS + "/" + id + "/products")
                .then()
                .statusCode(202)
                .body("products.state", hasItem("adding"));
        SyncCommand add = fixture.awaitCommand(c -> c.type() == SyncCommandType.SELLING_PLAN_GROUP_ADD_PRODUCTS
                && Long.valueOf(groupId).equals(c.sellingPlanGroupId()));
        assertEquals(List.of(second), add.productIds());
        fixture.awaitApplied(fixture.answer(add, SyncResult.SyncOutcome.SUCCEEDED, null, List.of(), groupId, null));
        asAdmin()
                .get(GROUPS + "/" + id)
                .then()
                .body("products", hasSize(2))
                .body("products.state", equalTo(List.of("live", "live")));

        asAdmin().delete(GROUPS + "/" + id + "/products/" + first).then().statusCode(202);
        SyncCommand remove = fixture.awaitCommand(c -> c.type() == SyncCommandType.SELLING_PLAN_GROUP_REMOVE_PRODUCTS
                && Long.valueOf(groupId).equals(c.sellingPlanGroupId()));
        fixture.awaitApplied(fixture.answer(remove, SyncResult.SyncOutcome.SUCCEEDED, null, List.of(), groupId, null));
        asAdmin()
                .get(GROUPS + "/" + id)
                .then()
                .body("products", hasSize(1))
                .body("products[0].product_id", equalTo(Long.toString(second)));
    }

    @Test
    void theCatalogueFollowsShopifysGroupsAndProducts() {
        long groupId = newId();
        long product = newId();
        String name = "Shopify group " + groupId;
        fixture.awaitApplied(fixture.send(
                Topics.SUBSCRIPTIONS,
                "selling_plan_groups/create",
                groupId,
                groupWebhook(groupId, name, "sub-n-save", product)));
        asAdmin()
                .get(GROUPS + "?shop=" + SubscriptionFixture.SHOP)
                .then()
                .statusCode(200)
                .body("find { it.name == '" + name + "' }.state", equalTo("live"))
                .body("find { it.name == '" + name + "' }.plans[0].interval", equalTo("month"))
                .body("find { it.name == '" + name + "' }.products[0].product_id", equalTo(Long.toString(product)));

        // a product node that no longer lists the group leaves it
        ObjectNode node = SubscriptionFixture.JSON.createObjectNode();
        node.put("id", "gid://shopify/Product/" + product);
        node.put("title", "Monthly book box");
        node.put("handle", "monthly-book-box");
        node.put("status", "ACTIVE");
        node.put("updatedAt", Instant.now().toString());
        ArrayNode variants = node.putObject("variants").putArray("nodes");
        variants.addObject()
                .put("id", "gid://shopify/ProductVariant/39072856")
                .put("title", "Fiction")
                .put("sku", "BOX-FICTION")
                .put("price", "59.90");
        node.putObject("sellingPlanGroups").putArray("nodes");
        fixture.awaitApplied(fixture.send(
                Topics.PRODUCTS,
                new ShopifyEvent(
                        "reconcile:" + product + ":" + UUID.randomUUID(),
                        "reconcile/products",
                        SubscriptionFixture.SHOP,
                        Instant.now().toString(),
                        Long.toString(product),
                        "2026-07",
                        null,
                        node.toString().getBytes(StandardCharsets.UTF_8))));
        assertEquals(
                "monthly-book-box",
                fixture.rows("select handle from subscription.product where shopify_id = ?", product)
                        .get(0)
                        .get("handle"));
        assertEquals(
                new BigDecimal("59.9000"),
                fixture.rows(
                                "select v.price from subscription.product_variant v "
                                        + "join subscription.product p on p.id = v.product_id where p.shopify_id = ?",
                                product)
                        .get(0)
                        .get("price"));
        asAdmin()
                .get(GROUPS + "?shop=" + SubscriptionFixture.SHOP)
                .then()
                .body("find { it.name == '" + name + "' }.products", hasSize(0));
    }

    @Tag("security")
    @Test
    void aGroupOfTheWrongShapeIsABadRequestNamingTheFieldAndSendsNothing() {
        String name = "Fortnightly box " + newId();
        asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "shop",
                        SubscriptionFixture.SHOP,
                        "name",
                        name,
                        "plans",
                        List.of(
                                Map.of("name", "Monthly", "interval", "month", "interval_count", 1),
                                Map.of("name", "Fortnightly", "interval", "fortnight", "interval_count", 1))))
                .post(GROUPS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("plans[1].interval"))
                .body("detail", equalTo("interval is day, week, month or year"));
        asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "shop",
                        SubscriptionFixture.SHOP,
                        "name",
                        name,
                        "plans",
                        List.of(Map.of("name", "Monthly", "interval", "month", "interval_count", 400)),
                        "product_ids",
                        List.of("788032119674292922", "gid://shopify/Product/x")))
                .post(GROUPS)
                .then()
                .statusCode(400)
                .body("field", equalTo("plans[0].interval_count"));
        asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "shop",
                        SubscriptionFixture.SHOP,
                        "name",
                        name,
                        "plans",
                        List.of(Map.of("name", "Monthly", "interval", "month", "interval_count", 1)),
                        "product_ids",
                        List.of("788032119674292922", "gid://shopify/Product/x")))
                .post(GROUPS)
                .then()
                .statusCode(400)
                .body("field", equalTo("product_ids[1]"));
        // a rule over several plans, checked by hand, names the plan the same way
        asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "shop",
                        SubscriptionFixture.SHOP,
                        "name",
                        name,
                        "plans",
                        List.of(
                                Map.of("name", "Monthly", "interval", "month", "interval_count", 1),
                                Map.of("name", "Monthly ", "interval", "month", "interval_count", 2))))
                .post(GROUPS)
                .then()
                .statusCode(400)
                .body("field", equalTo("plans[1].name"));
        asAdmin()
                .get(GROUPS + "?shop=" + SubscriptionFixture.SHOP)
                .then()
                .statusCode(200)
                .body("findAll { it.name == '" + name + "' }", hasSize(0));
    }

    @Tag("security")
    @Test
    void theAdminPathsTakeOnlyTheAdminCredential() {
        given().get(GROUPS).then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("admin", "wrong").get(GROUPS).then().statusCode(401);
        asAdmin()
                .contentType("application/json")
                .body(Map.of("shop", "elsewhere.myshopify.com", "name", "x", "plans", List.of()))
                .post(GROUPS)
                .then()
                .statusCode(400)
                .body("field", equalTo("shop"));
        asAdmin().get("/admin/dead-letters/" + Topics.SUBSCRIPTIONS).then().statusCode(200);
        asAdmin()
                .get("/admin/dead-letters/" + Topics.SYNC_RESULTS)
                .then()
                .statusCode(200)
                .body(containsString("sync.results.dlq"));
    }

    private static ObjectNode groupWebhook(long id, String name, String merchantCode, long product) {
        ObjectNode body = SubscriptionFixture.JSON.createObjectNode();
        body.put("admin_graphql_api_id", "gid://shopify/SellingPlanGroup/" + id);
        body.put("id", id);
        body.put("name", name);
        body.put("merchant_code", merchantCode);
        body.put("admin_graphql_api_app", "gid://shopify/App/2525000003");
        body.putNull("app_id");
        body.putNull("description");
        body.putArray("options").add("Delivery every");
        body.putNull("position");
        body.put("summary", "2 delivery frequencies, 10% discount");
        ArrayNode plans = body.putArray("selling_plans");
        for (String[] plan : new String[][] {{"Monthly book box, 10% off", "1"}, {"Every 3 months", "3"}}) {
            ObjectNode p = plans.addObject();
            p.put("name", plan[0]);
            p.putArray("options").add(plan[1] + " month");
            p.putNull("position");
            p.putNull("description");
            p.putObject("billing_policy")
                    .put("interval", "month")
                    .put("interval_count", Integer.parseInt(plan[1]))
                    .putNull("min_cycles");
            p.putObject("delivery_policy")
                    .put("interval", "month")
                    .put("interval_count", Integer.parseInt(plan[1]))
                    .put("pre_anchor_behavior", "asap");
            p.putArray("pricing_policies");
        }
        body.putArray("product_variants");
        body.putArray("products").addObject().put("id", product).put("title", "Monthly book box");
        return body;
    }

    /** The command again on sync.commands, as a relay that crashed between the send and its commit would send it. */
    private static void redeliver(SyncCommand command) throws Exception {
        java.util.Properties config = new java.util.Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.SYNC_COMMANDS,
                            null,
                            command.recordKey().toString().getBytes(StandardCharsets.UTF_8),
                            SyncMessages.write(command),
                            SyncMessages.headers(command)))
                    .get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fixture.commands(c -> c.commandId().equals(command.commandId()))
                                .size()
                        == 2);
    }
}
