package com.lavish.shopifyfake.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    static final String CREATE_GROUP = """
            mutation CreateGroup($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
              sellingPlanGroupCreate(input: $input, resources: $resources) {
                sellingPlanGroup { id name merchantCode sellingPlans(first: 5) { nodes { id name } }
                  products(first: 5) { nodes { id } } }
                userErrors { field message code }
              }
            }""";

    static final String FIND_GROUPS = """
            query FindGroups($query: String) {
              sellingPlanGroups(first: 10, query: $query) {
                edges { cursor node { id name merchantCode } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private FakeAdmin admin;

    @BeforeEach
    void start() throws Exception {
        admin = new FakeAdmin();
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
    }

    static Map<String, Object> monthlyPlan(
            String name, String billing, int billingCount, String delivery, int deliveryCount) {
        return Map.of(
                "name",
                name,
                "options",
                List.of(name),
                "category",
                "SUBSCRIPTION",
                "billingPolicy",
                Map.of("recurring", Map.of("interval", billing, "intervalCount", billingCount)),
                "deliveryPolicy",
                Map.of("recurring", Map.of("interval", delivery, "intervalCount", deliveryCount)),
                "pricingPolicies",
                List.of(Map.of(
                        "fixed",
                        Map.of("adjustmentType", "PERCENTAGE", "adjustmentValue", Map.of("percentage", 10.0)))));
    }

    private static String graphqlBody(String query, Map<String, Object> variables) throws Exception {
        return SampleWebhooks.JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    }

    private String firstProductId() throws Exception {
        return admin.graphql("{ products(first: 1) { nodes { id } } }", null)
                .at("/data/products/nodes/0/id")
                .asText();
    }

    private JsonNode createGroup(String name, String merchantCode, Map<String, Object> plan, List<String> productIds)
            throws Exception {
        return admin.graphql(
                CREATE_GROUP,
                Map.of(
                        "input",
                                Map.of(
                                        "name",
                                        name,
                                        "merchantCode",
                                        merchantCode,
                                        "options",
                                        List.of("Delivery every"),
                                        "sellingPlansToCreate",
                                        List.of(plan)),
                        "resources", Map.of("productIds", productIds)));
    }

    @Test
    void invalidDocumentIsRefusedWithShopifyStyleErrorsAndNoData() throws Exception {
        JsonNode answer = admin.graphql("{ shop { name nonsenseField } }", null);

        assertTrue(answer.path("data").isMissingNode(), answer.toString());
        JsonNode error = answer.at("/errors/0");
        assertTrue(error.path("message").asText().contains("nonsenseField"), error.toString());
        assertEquals("undefinedField", error.at("/extensions/code").asText());
        assertEquals(1, error.at("/locations/0/line").asInt());
        assertEquals("query", error.at("/path/0").asText());
        assertTrue(admin.graphql("{ shop { name ", null)
                        .at("/errors/0/message")
                        .asText()
                        .length()
                > 0);
    }

    @Test
    void wrongOrMissingTokenIsRefusedAsShopifyDoesAndUnknownVersionIsNotFound() throws Exception {
        String body = "{\"query\":\"{ shop { name } }\"}";
        HttpResponse<String> wrong = admin.send(
                "POST",
                "/admin/api/2026-07/graphql.json",
                body,
                "X-Shopify-Access-Token",
                "shpat_wrong",
                "Content-Type",
                "application/json");
        HttpResponse<String> missing =
                admin.send("POST", "/admin/api/2026-07/graphql.json", body, "Content-Type", "application/json");
        HttpResponse<String> unknownVersion = admin.send(
                "POST",
                "/admin/api/2031-13/graphql.json",
                body,
                "X-Shopify-Access-Token",
                FakeAdmin.TOKEN,
                "Content-Type",
                "application/json");

        assertEquals(401, wrong.statusCode());
        assertEquals(
                "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}",
                wrong.body());
        assertEquals(401, missing.statusCode());
        assertEquals(404, unknownVersion.statusCode());
        assertEquals(
                "lavish-test.myshopify.com",
                admin.graphql("{ shop { myshopifyDomain } }", null)
                        .at("/data/shop/myshopifyDomain")
                        .asText());
    }

    @Test
    void createdGroupIsFoundByItsMerchantCodeAndName() throws Exception {
        String productId = firstProductId();
        JsonNode created = createGroup(
                "Monthly book box",
                "lavish-cmd-7d1c",
                monthlyPlan("Every month", "MONTH", 1, "MONTH", 1),
                List.of(productId));
        assertEquals(0, created.at("/data/sellingPlanGroupCreate/userErrors").size(), created.toString());
        String groupId =
                created.at("/data/sellingPlanGroupCreate/sellingPlanGroup/id").asText();
        assertEquals(
                productId,
                created.at("/data/sellingPlanGroupCreate/sellingPlanGroup/products/nodes/0/id")
                        .asText());
        createGroup(
                "Quarterly book box",
                "lavish-cmd-0000",
                monthlyPlan("Every quarter", "MONTH", 3, "MONTH", 3),
                List.of());

        JsonNode byCode = admin.graphql(FIND_GROUPS, Map.of("query", "lavish-cmd-7d1c"));
        JsonNode byName = admin.graphql(FIND_GROUPS, Map.of("query", "name:'Monthly book box'"));

        assertEquals(1, byCode.at("/data/sellingPlanGroups/edges").size(), byCode.toString());
        assertEquals(
                groupId, byCode.at("/data/sellingPlanGroups/edges/0/node/id").asText());
        assertEquals(
                groupId, byName.at("/data/sellingPlanGroups/edges/0/node/id").asText());
        assertEquals(1, byName.at("/data/sellingPlanGroups/edges").size());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("selling_plan_groups/create").stream()
                                .filter(w ->
                                        w.json().path("merchant_code").asText().equals("lavish-cmd-7d1c"))
                                .count()
                        == 1);
    }

    @Test
    void unknownSearchFieldIsIgnoredWithAWarningAsShopifyDoes() throws Exception {
        createGroup("Monthly book box", "lavish-a", monthlyPlan("Every month", "MONTH", 1, "MONTH", 1), List.of());
        createGroup("Other box", "lavish-b", monthlyPlan("Every month", "MONTH", 1, "MONTH", 1), List.of());

        JsonNode answer = admin.graphql(FIND_GROUPS, Map.of("query", "merchant_code:lavish-a"));

        assertEquals(2, answer.at("/data/sellingPlanGroups/edges").size(), "an unknown field filters nothing");
        assertEquals(
                "merchant_code",
                answer.at("/extensions/search/0/warnings/0/field").asText(),
                answer.toString());
    }

    @Test
    void billingCycleThatIsNoMultipleOfDeliveryIsAUserErrorAndCreatesNothing() throws Exception {
        JsonNode answer = createGroup("Odd box", "lavish-odd", monthlyPlan("Odd", "MONTH", 3, "MONTH", 2), List.of());

        JsonNode error = answer.at("/data/sellingPlanGroupCreate/userErrors/0");
        assertEquals(
                "SELLING_PLAN_BILLING_CYCLE_MUST_BE_A_MULTIPLE_OF_DELIVERY_CYCLE",
                error.path("code").asText(),
                answer.toString());
        assertTrue(answer.at("/data/sellingPlanGroupCreate/sellingPlanGroup").isNull());
        assertEquals(
                0,
                admin.control("GET", "/fake/admin/selling-plan-groups", null)
                        .path("sellingPlanGroups")
                        .size());

        JsonNode blank =
                createGroup(" ", "lavish-blank", monthlyPlan("Every month", "MONTH", 1, "MONTH", 1), List.of());
        assertEquals(
                "BLANK",
                blank.at("/data/sellingPlanGroupCreate/userErrors/0/code").asText());
        JsonNode noProduct = createGroup(
                "Box",
                "lavish-np",
                monthlyPlan("Every month", "MONTH", 1, "MONTH", 1),
                List.of("gid://shopify/Product/1"));
        assertEquals(
                "PRODUCT_DOES_NOT_EXIST",
                noProduct.at("/data/sellingPlanGroupCreate/userErrors/0/code").asText());
        JsonNode noGroup = admin.graphql(
                "mutation { sellingPlanGroupDelete(id: \"gid://shopify/SellingPlanGroup/1\") "
                        + "{ deletedSellingPlanGroupId userErrors { code } } }",
                null);
        assertEquals(
                "GROUP_DOES_NOT_EXIST",
                noGroup.at("/data/sellingPlanGroupDelete/userErrors/0/code").asText());
    }

    /** A checkout on a monthly plan: the contract's gid. */
    private String subscribe() throws Exception {
        JsonNode group = createGroup(
                "Monthly book box",
                "lavish-m",
                monthlyPlan("Every month", "MONTH", 1, "MONTH", 1),
                List.of(firstProductId()));
        String planId = group.at("/data/sellingPlanGroupCreate/sellingPlanGroup/sellingPlans/nodes/0/id")
                .asText();
        String variantId = admin.control("GET", "/fake/admin/products", null)
                .at("/products/0/variants/0/id")
                .asText();
        JsonNode checkout = admin.control(
                "POST",
                "/fake/admin/checkouts",
                Map.of(
                        "customerId",
                        "9007199254740993",
                        "variantId",
                        variantId,
                        "sellingPlanId",
                        planId,
                        "quantity",
                        2));
        return checkout.path("contractId").asText();
    }

    static final String BILL = """
            mutation Bill($id: ID!, $key: String!) {
              subscriptionBillingAttemptCreate(subscriptionContractId: $id,
                  subscriptionBillingAttemptInput: {idempotencyKey: $key}) {
                subscriptionBillingAttempt { id idempotencyKey ready }
                userErrors { field message code }
              }
            }""";

    @Test
    void billingAttemptWithTheSameIdempotencyKeyIsOneAttemptAndOneCharge() throws Exception {
        String contractId = subscribe();

        JsonNode first = admin.graphql(BILL, Map.of("id", contractId, "key", "contract-1/cycle-1"));
        JsonNode second = admin.graphql(BILL, Map.of("id", contractId, "key", "contract-1/cycle-1"));

        String attemptId = first.at("/data/subscriptionBillingAttemptCreate/subscriptionBillingAttempt/id")
                .asText();
        assertTrue(attemptId.startsWith("gid://shopify/SubscriptionBillingAttempt/"), first.toString());
        assertEquals(
                attemptId,
                second.at("/data/subscriptionBillingAttemptCreate/subscriptionBillingAttempt/id")
                        .asText());
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        admin.webhooks("subscription_billing_attempts/success").size() == 1);
        JsonNode contract = admin.control("GET", "/fake/admin/subscription-contracts/" + Gids.number(contractId), null);
        assertEquals(1, contract.path("billingAttempts").size());
        assertEquals(2, contract.path("orderIds").size(), "the origin order and one billed order");
        JsonNode success =
                admin.webhooks("subscription_billing_attempts/success").get(0).json();
        assertEquals("contract-1/cycle-1", success.path("idempotency_key").asText());
        assertEquals(
                Gids.number(contractId),
                success.path("subscription_contract_id").asLong());
        assertEquals(2, admin.webhooks("orders/create").size(), "checkout order and billing order");
        assertEquals(
                2L,
                admin.control("GET", "/fake/admin/requests", null)
                        .at("/mutations/subscriptionBillingAttemptCreate")
                        .asLong());
    }

    @Test
    void scriptedFailureFailsThenSucceedsAndPausedContractCannotBeBilled() throws Exception {
        String contractId = subscribe();
        admin.control(
                "POST",
                "/fake/admin/billing-script",
                Map.of("contractId", contractId, "errorCode", "insufficient_funds", "failures", 1));

        admin.graphql(BILL, Map.of("id", contractId, "key", "k1"));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        admin.webhooks("subscription_billing_attempts/failure").size() == 1);
        admin.graphql(BILL, Map.of("id", contractId, "key", "k2"));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        admin.webhooks("subscription_billing_attempts/success").size() == 1);

        assertEquals(
                "insufficient_funds",
                admin.webhooks("subscription_billing_attempts/failure")
                        .get(0)
                        .json()
                        .path("error_code")
                        .asText());
        JsonNode paused = admin.graphql(
                "mutation($id: ID!) { subscriptionContractPause(subscriptionContractId: $id) "
                        + "{ contract { status revisionId } userErrors { code } } }",
                Map.of("id", contractId));
        assertEquals(
                "PAUSED",
                paused.at("/data/subscriptionContractPause/contract/status").asText());
        JsonNode refused = admin.graphql(BILL, Map.of("id", contractId, "key", "k3"));
        assertEquals(
                "CONTRACT_PAUSED",
                refused.at("/data/subscriptionBillingAttemptCreate/userErrors/0/code")
                        .asText());
        admin.graphql(
                "mutation($id: ID!) { subscriptionContractCancel(subscriptionContractId: $id) "
                        + "{ contract { status } userErrors { code } } }",
                Map.of("id", contractId));
        JsonNode terminated = admin.graphql(
                "mutation($id: ID!) { subscriptionContractActivate(subscriptionContractId: $id) "
                        + "{ contract { status } userErrors { code } } }",
                Map.of("id", contractId));
        assertEquals(
                "CONTRACT_TERMINATED",
                terminated
                        .at("/data/subscriptionContractActivate/userErrors/0/code")
                        .asText());
    }

    @Test
    void burstIsThrottledAndTheBucketRefillsAtTheRestoreRate() throws Exception {
        admin.control("POST", "/fake/admin/throttle", Map.of("maximumAvailable", 30, "restoreRate", 5));
        String query = "{ products(first: 10) { nodes { id } } }";

        JsonNode first = admin.graphql(query, null);
        JsonNode second = admin.graphql(query, null);
        JsonNode third = admin.graphql(query, null);

        assertEquals(12, first.at("/extensions/cost/requestedQueryCost").asInt());
        assertEquals(6, first.at("/extensions/cost/actualQueryCost").asInt(), "4 seeded products: 2 + 4");
        assertEquals(
                24,
                first.at("/extensions/cost/throttleStatus/currentlyAvailable").asInt());
        assertEquals(
                18,
                second.at("/extensions/cost/throttleStatus/currentlyAvailable").asInt());
        assertEquals(
                12,
                third.at("/extensions/cost/throttleStatus/currentlyAvailable").asInt());
        JsonNode burst = admin.graphql("{ products(first: 20) { nodes { id } } }", null);
        assertEquals("THROTTLED", burst.at("/errors/0/extensions/code").asText(), burst.toString());
        assertTrue(burst.path("data").isMissingNode());
        assertTrue(burst.at("/extensions/cost/actualQueryCost").isNull());
        assertEquals(22, burst.at("/extensions/cost/requestedQueryCost").asInt());

        admin.clock.advance(Duration.ofSeconds(2));
        JsonNode refilled = admin.graphql("{ products(first: 20) { nodes { id } } }", null);
        assertTrue(refilled.path("errors").isMissingNode(), refilled.toString());
        assertEquals(
                30.0,
                refilled.at("/extensions/cost/throttleStatus/maximumAvailable").asDouble());
        assertEquals(
                5.0, refilled.at("/extensions/cost/throttleStatus/restoreRate").asDouble());
        assertEquals(
                1L,
                admin.control("GET", "/fake/admin/requests", null)
                        .path("throttled")
                        .asLong());
    }

    @Test
    void mutationCostsTenAndAQueryOverTheMaximumIsRefused() throws Exception {
        JsonNode mutation = admin.graphql(
                "mutation { sellingPlanGroupDelete(id: \"gid://shopify/SellingPlanGroup/1\") "
                        + "{ userErrors { code } } }",
                null);
        JsonNode tooDear =
                admin.graphql("{ products(first: 250) { nodes { id variants(first: 250) { nodes { id } } } } }", null);

        assertEquals(10, mutation.at("/extensions/cost/requestedQueryCost").asInt());
        assertEquals(
                "MAX_COST_EXCEEDED", tooDear.at("/errors/0/extensions/code").asText(), tooDear.toString());
    }

    @Test
    void changeWebhookArrivesSignedAsShopifySignsIt() throws Exception {
        createGroup(
                "Monthly book box",
                "lavish-signed",
                monthlyPlan("Every month", "MONTH", 1, "MONTH", 1),
                List.of(firstProductId()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("selling_plan_groups/create").size() == 1
                        && admin.webhooks("products/update").size() == 1);
        FakeAdmin.Received webhook =
                admin.webhooks("selling_plan_groups/create").get(0);
        assertEquals(
                WebhookSigner.hmac(FakeAdmin.SECRET, webhook.body()),
                webhook.headers().get("X-Shopify-Hmac-Sha256"));
        assertEquals(FakeAdmin.SHOP, webhook.headers().get("X-Shopify-Shop-Domain"));
        assertEquals("lavish-signed", webhook.json().path("merchant_code").asText());
        assertEquals(
                "month",
                webhook.json().at("/selling_plans/0/billing_policy/interval").asText());
        assertTrue(webhook.json().path("id").isIntegralNumber());
    }

    @Test
    void mutedWebhookIsNotSentWhileTheChangeIsMade() throws Exception {
        admin.control(
                "POST",
                "/fake/admin/webhooks/mute",
                Map.of("topics", List.of("selling_plan_groups/create"), "count", 1));

        createGroup("Muted box", "lavish-muted", monthlyPlan("Every month", "MONTH", 1, "MONTH", 1), List.of());
        createGroup("Heard box", "lavish-heard", monthlyPlan("Every month", "MONTH", 1, "MONTH", 1), List.of());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("selling_plan_groups/create").size() == 1);
        assertEquals(
                "lavish-heard",
                admin.webhooks("selling_plan_groups/create")
                        .get(0)
                        .json()
                        .path("merchant_code")
                        .asText());
        assertEquals(
                2,
                admin.control("GET", "/fake/admin/selling-plan-groups", null)
                        .path("sellingPlanGroups")
                        .size());
    }

    @Test
    void bulkOperationEndsWithJsonlOfParentsAndChildren() throws Exception {
        JsonNode started = admin.graphql("""
                mutation { bulkOperationRunQuery(query: "{ products { edges { node { id title variants { edges { node { id sku } } } } } } }") {
                  bulkOperation { id status } userErrors { field message code } } }""", null);
        String id = started.at("/data/bulkOperationRunQuery/bulkOperation/id").asText();
        assertTrue(id.startsWith("gid://shopify/BulkOperation/"), started.toString());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.graphql("{ currentBulkOperation { status } }", null)
                        .at("/data/currentBulkOperation/status")
                        .asText()
                        .equals("COMPLETED"));
        JsonNode done = admin.graphql(
                "query($id: ID!) { node(id: $id) { ... on BulkOperation { status url objectCount "
                        + "rootObjectCount } } }",
                Map.of("id", id));
        String url = done.at("/data/node/url").asText();
        HttpResponse<String> file = admin.send("GET", url.substring(url.indexOf("/fake/")), null);

        List<String> lines = file.body().lines().toList();
        assertEquals(4, done.at("/data/node/rootObjectCount").asInt());
        assertEquals(lines.size(), done.at("/data/node/objectCount").asInt());
        JsonNode product = SampleWebhooks.JSON.readTree(lines.get(0));
        JsonNode variant = SampleWebhooks.JSON.readTree(lines.get(1));
        assertTrue(product.path("id").asText().startsWith("gid://shopify/Product/"), lines.get(0));
        assertFalse(product.has("variants"), "children are lines of their own");
        assertEquals(product.path("id").asText(), variant.path("__parentId").asText());
        assertNull(product.get("__parentId"));
    }

    @Test
    void injectedFaultsAnswer5xxOrDropTheConnectionBeforeAnythingChanges() throws Exception {
        admin.control("POST", "/fake/admin/faults", Map.of("failNext5xx", 1, "dropNextConnections", 1));
        String create = graphqlBody(
                CREATE_GROUP,
                Map.of(
                        "input",
                        Map.of(
                                "name",
                                "Box",
                                "merchantCode",
                                "lavish-fault",
                                "sellingPlansToCreate",
                                List.of(monthlyPlan("Every month", "MONTH", 1, "MONTH", 1)))));

        boolean dropped;
        try {
            admin.send(
                    "POST",
                    "/admin/api/2026-07/graphql.json",
                    create,
                    "X-Shopify-Access-Token",
                    FakeAdmin.TOKEN,
                    "Content-Type",
                    "application/json");
            dropped = false;
        } catch (java.io.IOException e) {
            dropped = true;
        }
        HttpResponse<String> unavailable = admin.send(
                "POST",
                "/admin/api/2026-07/graphql.json",
                create,
                "X-Shopify-Access-Token",
                FakeAdmin.TOKEN,
                "Content-Type",
                "application/json");
        HttpResponse<String> served = admin.send(
                "POST",
                "/admin/api/2026-07/graphql.json",
                create,
                "X-Shopify-Access-Token",
                FakeAdmin.TOKEN,
                "Content-Type",
                "application/json");

        assertTrue(dropped, "the first connection is closed unanswered");
        assertEquals(503, unavailable.statusCode());
        assertEquals(200, served.statusCode());
        assertEquals(
                1,
                admin.control("GET", "/fake/admin/selling-plan-groups", null)
                        .path("sellingPlanGroups")
                        .size(),
                "only the served request created a group");
        assertEquals(
                1L,
                admin.control("GET", "/fake/admin/requests", null)
                        .at("/mutations/sellingPlanGroupCreate")
                        .asLong());
    }

    @Test
    void productsJoinAndLeaveGroupsFromEitherSide() throws Exception {
        JsonNode products = admin.graphql("{ products(first: 2) { nodes { id } } }", null);
        String first = products.at("/data/products/nodes/0/id").asText();
        String second = products.at("/data/products/nodes/1/id").asText();
        String groupId = createGroup(
                        "Monthly", "lavish-join", monthlyPlan("Every month", "MONTH", 1, "MONTH", 1), List.of())
                .at("/data/sellingPlanGroupCreate/sellingPlanGroup/id")
                .asText();

        JsonNode added = admin.graphql(
                "mutation($id: ID!, $p: [ID!]!) { sellingPlanGroupAddProducts(id: $id, productIds: $p) "
                        + "{ sellingPlanGroup { productsCount { count } } userErrors { code } } }",
                Map.of("id", groupId, "p", List.of(first)));
        JsonNode joined = admin.graphql(
                "mutation($id: ID!, $g: [ID!]!) { productJoinSellingPlanGroups(id: $id, "
                        + "sellingPlanGroupIds: $g) { product { sellingPlanGroups(first: 5) { nodes { id } } } userErrors { code } } }",
                Map.of("id", second, "g", List.of(groupId)));
        JsonNode removed = admin.graphql(
                "mutation($id: ID!, $p: [ID!]!) { sellingPlanGroupRemoveProducts(id: $id, "
                        + "productIds: $p) { removedProductIds userErrors { code } } }",
                Map.of("id", groupId, "p", List.of(first)));
        JsonNode left = admin.graphql(
                "mutation($id: ID!, $g: [ID!]!) { productLeaveSellingPlanGroups(id: $id, "
                        + "sellingPlanGroupIds: $g) { product { id } userErrors { code } } }",
                Map.of("id", second, "g", List.of("gid://shopify/SellingPlanGroup/1")));
        JsonNode applies = admin.graphql(
                "query($id: ID!, $p: ID!, $q: ID!) { sellingPlanGroup(id: $id) { "
                        + "a: appliesToProduct(productId: $p) b: appliesToProduct(productId: $q) } }",
                Map.of("id", groupId, "p", first, "q", second));

        assertEquals(
                1,
                added.at("/data/sellingPlanGroupAddProducts/sellingPlanGroup/productsCount/count")
                        .asInt());
        assertEquals(
                groupId,
                joined.at("/data/productJoinSellingPlanGroups/product/sellingPlanGroups/nodes/0/id")
                        .asText());
        assertEquals(
                first,
                removed.at("/data/sellingPlanGroupRemoveProducts/removedProductIds/0")
                        .asText());
        assertEquals(
                "GROUP_DOES_NOT_EXIST",
                left.at("/data/productLeaveSellingPlanGroups/userErrors/0/code").asText());
        assertFalse(applies.at("/data/sellingPlanGroup/a").asBoolean());
        assertTrue(applies.at("/data/sellingPlanGroup/b").asBoolean());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("products/update").size() == 3);
    }

    @Test
    void groupUpdateRenamesAddsAndDeletesPlans() throws Exception {
        JsonNode created =
                createGroup("Monthly", "lavish-upd", monthlyPlan("Every month", "MONTH", 1, "MONTH", 1), List.of());
        String groupId =
                created.at("/data/sellingPlanGroupCreate/sellingPlanGroup/id").asText();
        String planId = created.at("/data/sellingPlanGroupCreate/sellingPlanGroup/sellingPlans/nodes/0/id")
                .asText();
        String update = """
                mutation($id: ID!, $input: SellingPlanGroupInput!) { sellingPlanGroupUpdate(id: $id, input: $input) {
                  deletedSellingPlanIds sellingPlanGroup { name sellingPlans(first: 5) { nodes { id name
                    billingPolicy { ... on SellingPlanRecurringBillingPolicy { interval intervalCount } } } } }
                  userErrors { field code } } }""";

        JsonNode duplicate = admin.graphql(
                update,
                Map.of(
                        "id",
                        groupId,
                        "input",
                        Map.of("sellingPlansToCreate", List.of(monthlyPlan("Every month", "MONTH", 2, "MONTH", 2)))));
        JsonNode updated = admin.graphql(
                update,
                Map.of(
                        "id",
                        groupId,
                        "input",
                        Map.of(
                                "name",
                                "Book club",
                                "sellingPlansToCreate",
                                List.of(monthlyPlan("Every two months", "MONTH", 2, "MONTH", 1)),
                                "sellingPlansToDelete",
                                List.of(planId))));

        assertEquals(
                "SELLING_PLAN_DUPLICATE_NAME",
                duplicate.at("/data/sellingPlanGroupUpdate/userErrors/0/code").asText(),
                duplicate.toString());
        assertEquals(
                planId,
                updated.at("/data/sellingPlanGroupUpdate/deletedSellingPlanIds/0")
                        .asText(),
                updated.toString());
        assertEquals(
                "Book club",
                updated.at("/data/sellingPlanGroupUpdate/sellingPlanGroup/name").asText());
        JsonNode plans = updated.at("/data/sellingPlanGroupUpdate/sellingPlanGroup/sellingPlans/nodes");
        assertEquals(1, plans.size());
        assertEquals(2, plans.at("/0/billingPolicy/intervalCount").asInt());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("selling_plan_groups/update").size() == 1);
    }
}
