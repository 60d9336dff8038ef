package com.lavish.shopifyfake.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.shopifyfake.SampleWebhooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionContractsApiTest {

    private static final String CONTRACT = """
            query($id: ID!) { subscriptionContract(id: $id) {
              id status revisionId nextBillingDate updatedAt
              customer { id email }
              billingPolicy { interval intervalCount }
              deliveryPolicy { interval intervalCount }
              deliveryMethod { ... on SubscriptionDeliveryMethodShipping { address { address1 city zip countryCodeV2 } } }
              lines(first: 5) { nodes { id quantity sku sellingPlanId variantId currentPrice { amount currencyCode } } }
              originOrder { id name lineItems(first: 5) { nodes { sku sellingPlan { sellingPlanId name } } } }
            } }""";

    private FakeAdmin admin;
    private String contractId;

    @BeforeEach
    void subscribe() throws Exception {
        admin = new FakeAdmin();
        contractId = admin.subscribeMonthly(9007199254740993L);
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
    }

    private JsonNode contract() throws Exception {
        return admin.graphql(CONTRACT, Map.of("id", contractId)).at("/data/subscriptionContract");
    }

    @Test
    void checkoutMakesAContractWithItsOriginOrderAndSendsBothWebhooks() throws Exception {
        JsonNode contract = contract();

        assertEquals("ACTIVE", contract.path("status").asText());
        assertEquals(
                "gid://shopify/Customer/9007199254740993",
                contract.at("/customer/id").asText());
        assertEquals("2026-12-26T00:00:00Z", contract.path("nextBillingDate").asText(), "one month after checkout");
        assertEquals("LBB-MONTHLY-1", contract.at("/lines/nodes/0/sku").asText());
        assertEquals("26.96", contract.at("/lines/nodes/0/currentPrice/amount").asText(), "29.95 less 10%");
        assertEquals(
                contract.at("/lines/nodes/0/sellingPlanId").asText(),
                contract.at("/originOrder/lineItems/nodes/0/sellingPlan/sellingPlanId")
                        .asText());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("subscription_contracts/create").size() == 1
                        && admin.webhooks("orders/create").size() == 1);
        JsonNode created =
                admin.webhooks("subscription_contracts/create").get(0).json();
        assertEquals(9007199254740993L, created.path("customer_id").asLong());
        assertTrue(created.path("customer_id").isIntegralNumber());
        assertEquals("active", created.path("status").asText());
        assertEquals("month", created.at("/billing_policy/interval").asText());
        assertEquals(
                contract.path("revisionId").asText(),
                created.path("revision_id").asText());
        JsonNode order = admin.webhooks("orders/create").get(0).json();
        assertEquals(
                Gids.number(contract.at("/lines/nodes/0/sellingPlanId").asText()),
                order.at("/line_items/0/selling_plan_id").asLong());
        assertEquals(9007199254740993L, order.at("/customer/id").asLong());
    }

    @Test
    void draftEditsAreCommittedAsANewRevision() throws Exception {
        JsonNode before = contract();
        String lineId = before.at("/lines/nodes/0/id").asText();
        String draftId = admin.graphql(
                        "mutation($id: ID!) { subscriptionContractUpdate(contractId: $id) "
                                + "{ draft { id } userErrors { code message } } }",
                        Map.of("id", contractId))
                .at("/data/subscriptionContractUpdate/draft/id")
                .asText();

        JsonNode updated = admin.graphql(
                """
                mutation($id: ID!, $input: SubscriptionDraftInput!) { subscriptionDraftUpdate(draftId: $id, input: $input) {
                  draft { id billingPolicy { interval intervalCount } } userErrors { field code message } } }""",
                Map.of(
                        "id",
                        draftId,
                        "input",
                        Map.of(
                                "billingPolicy", Map.of("interval", "MONTH", "intervalCount", 2),
                                "deliveryPolicy", Map.of("interval", "MONTH", "intervalCount", 2),
                                "deliveryMethod",
                                        Map.of(
                                                "shipping",
                                                Map.of(
                                                        "address",
                                                        Map.of(
                                                                "address1",
                                                                "1 Macquarie St",
                                                                "city",
                                                                "Hobart",
                                                                "zip",
                                                                "7000",
                                                                "countryCode",
                                                                "AU",
                                                                "provinceCode",
                                                                "TAS"))))));
        JsonNode line = admin.graphql("""
                mutation($id: ID!, $line: ID!) { subscriptionDraftLineUpdate(draftId: $id, lineId: $line, input: {quantity: 3}) {
                  lineUpdated { quantity } userErrors { code } } }""", Map.of("id", draftId, "line", lineId));
        JsonNode committed = admin.graphql(
                "mutation($id: ID!) { subscriptionDraftCommit(draftId: $id) "
                        + "{ contract { id revisionId } userErrors { code } } }",
                Map.of("id", draftId));
        JsonNode after = contract();

        assertEquals(0, updated.at("/data/subscriptionDraftUpdate/userErrors").size(), updated.toString());
        assertEquals(
                3,
                line.at("/data/subscriptionDraftLineUpdate/lineUpdated/quantity")
                        .asInt(),
                line.toString());
        long revisionBefore = Long.parseLong(before.path("revisionId").asText());
        assertEquals(
                revisionBefore + 1,
                Long.parseLong(committed
                        .at("/data/subscriptionDraftCommit/contract/revisionId")
                        .asText()),
                committed.toString());
        assertEquals(2, after.at("/billingPolicy/intervalCount").asInt());
        assertEquals("Hobart", after.at("/deliveryMethod/address/city").asText());
        assertEquals(3, after.at("/lines/nodes/0/quantity").asInt());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("subscription_contracts/update").size() == 1);
        JsonNode committedAgain = admin.graphql(
                "mutation($id: ID!) { subscriptionDraftCommit(draftId: $id) "
                        + "{ contract { id } userErrors { code } } }",
                Map.of("id", draftId));
        assertEquals(
                "COMMITTED",
                committedAgain
                        .at("/data/subscriptionDraftCommit/userErrors/0/code")
                        .asText());
    }

    @Test
    void draftOfAContractChangedSinceIsStale() throws Exception {
        String draftId = admin.graphql(
                        "mutation($id: ID!) { subscriptionContractUpdate(contractId: $id) "
                                + "{ draft { id } userErrors { code } } }",
                        Map.of("id", contractId))
                .at("/data/subscriptionContractUpdate/draft/id")
                .asText();
        admin.graphql(
                "mutation($id: ID!) { subscriptionContractPause(subscriptionContractId: $id) "
                        + "{ contract { id } userErrors { code } } }",
                Map.of("id", contractId));

        JsonNode commit = admin.graphql(
                "mutation($id: ID!) { subscriptionDraftCommit(draftId: $id) "
                        + "{ contract { id } userErrors { code } } }",
                Map.of("id", draftId));

        assertEquals(
                "STALE_CONTRACT",
                commit.at("/data/subscriptionDraftCommit/userErrors/0/code").asText());
    }

    @Test
    void skippedCycleIsListedAndCannotBeBilledUntilUnskipped() throws Exception {
        String skip = """
                mutation($id: ID!) { subscriptionBillingCycleSkip(billingCycleInput: {contractId: $id, selector: {index: 1}}) {
                  billingCycle { cycleIndex skipped billingAttemptExpectedDate } userErrors { code } } }""";
        JsonNode skipped = admin.graphql(skip, Map.of("id", contractId));
        JsonNode cycles = admin.graphql("""
                query($id: ID!) { subscriptionBillingCycles(contractId: $id, first: 3,
                    billingCyclesIndexRangeSelector: {startIndex: 1, endIndex: 3}) {
                  nodes { cycleIndex skipped status billingAttemptExpectedDate } pageInfo { hasNextPage } } }""", Map.of("id", contractId));
        JsonNode refused = admin.graphql(AdminApiTest.BILL, Map.of("id", contractId, "key", "cycle-1"));
        admin.graphql(skip.replace("Skip", "Unskip"), Map.of("id", contractId));
        JsonNode billed = admin.graphql(AdminApiTest.BILL, Map.of("id", contractId, "key", "cycle-1"));

        assertTrue(
                skipped.at("/data/subscriptionBillingCycleSkip/billingCycle/skipped")
                        .asBoolean(),
                skipped.toString());
        assertEquals(
                "2026-12-26T00:00:00Z",
                skipped.at("/data/subscriptionBillingCycleSkip/billingCycle/billingAttemptExpectedDate")
                        .asText());
        assertEquals(3, cycles.at("/data/subscriptionBillingCycles/nodes").size(), cycles.toString());
        assertTrue(cycles.at("/data/subscriptionBillingCycles/nodes/0/skipped").asBoolean());
        assertFalse(cycles.at("/data/subscriptionBillingCycles/nodes/1/skipped").asBoolean());
        assertEquals(
                "2027-02-26T00:00:00Z",
                cycles.at("/data/subscriptionBillingCycles/nodes/2/billingAttemptExpectedDate")
                        .asText());
        assertEquals(
                "BILLING_CYCLE_SKIPPED",
                refused.at("/data/subscriptionBillingAttemptCreate/userErrors/0/code")
                        .asText());
        assertEquals(
                0,
                billed.at("/data/subscriptionBillingAttemptCreate/userErrors").size(),
                billed.toString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.webhooks("subscription_billing_cycles/skip").size() == 1
                        && admin.webhooks("subscription_billing_cycles/unskip").size() == 1
                        && admin.webhooks("subscription_billing_attempts/success")
                                        .size()
                                == 1);
        assertEquals(
                "2027-01-26T00:00:00Z", contract().path("nextBillingDate").asText(), "billed: the next cycle is due");
        assertEquals(
                1,
                admin.webhooks("subscription_billing_cycles/skip")
                        .get(0)
                        .json()
                        .path("cycle_index")
                        .asInt());
    }

    @Test
    void reconciliationFindsWhatChangedSinceACursorPageByPage() throws Exception {
        String since = "2026-11-26T12:00:00Z";
        admin.clock.advance(Duration.ofDays(1));
        admin.graphql(
                "mutation($id: ID!) { subscriptionContractPause(subscriptionContractId: $id) "
                        + "{ contract { id } userErrors { code } } }",
                Map.of("id", contractId));
        String query = """
                query($q: String, $after: String) {
                  subscriptionContracts(first: 1, after: $after, query: $q) { nodes { id status updatedAt } pageInfo { hasNextPage endCursor } }
                  products(first: 2, after: $after, query: "updated_at:>'2026-01-01T00:00:00Z'") { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
                  customers(first: 5, query: $q) { nodes { id } }
                  orders(first: 5, query: "updated_at:<'2026-11-26T12:00:00Z'") { nodes { id name } }
                }""";

        JsonNode answer = admin.graphql(query, Map.of("q", "updated_at:>'" + since + "'"));

        assertEquals(
                contractId, answer.at("/data/subscriptionContracts/nodes/0/id").asText(), answer.toString());
        assertEquals(
                "PAUSED",
                answer.at("/data/subscriptionContracts/nodes/0/status").asText());
        assertFalse(
                answer.at("/data/subscriptionContracts/pageInfo/hasNextPage").asBoolean());
        assertEquals(0, answer.at("/data/customers/nodes").size(), "no customer changed since");
        assertEquals(1, answer.at("/data/orders/nodes").size(), "the checkout's order");
        assertEquals(2, answer.at("/data/products/edges").size());
        assertTrue(answer.at("/data/products/pageInfo/hasNextPage").asBoolean());
        String cursor = answer.at("/data/products/pageInfo/endCursor").asText();
        JsonNode next = admin.graphql(
                "query($after: String) { products(first: 5, after: $after) { nodes { id } } }",
                Map.of("after", cursor));
        assertEquals(2, next.at("/data/products/nodes").size(), "4 seeded products, 2 per page");
        JsonNode nodes = admin.graphql(
                "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on SubscriptionContract { status } } }",
                Map.of("ids", List.of(contractId, "gid://shopify/SubscriptionContract/1")));
        assertEquals("PAUSED", nodes.at("/data/nodes/0/status").asText());
        assertTrue(nodes.at("/data/nodes/1").isNull());
    }

    @Test
    void linesAreAddedAndRemovedThroughADraftAndTheNextBillingDateIsSetDirectly() throws Exception {
        String lineId = contract().at("/lines/nodes/0/id").asText();
        String otherVariant = admin.control("GET", "/fake/admin/products", null)
                .at("/products/1/variants/0/id")
                .asText();
        String draftId = admin.graphql(
                        "mutation($id: ID!) { subscriptionContractUpdate(contractId: $id) "
                                + "{ draft { id } userErrors { code } } }",
                        Map.of("id", contractId))
                .at("/data/subscriptionContractUpdate/draft/id")
                .asText();

        JsonNode lastLine = admin.graphql(
                "mutation($d: ID!, $l: ID!) { subscriptionDraftLineRemove(draftId: $d, lineId: $l) "
                        + "{ lineRemoved { id } userErrors { code } } }",
                Map.of("d", draftId, "l", lineId));
        JsonNode added = admin.graphql("""
                mutation($d: ID!, $v: ID!) { subscriptionDraftLineAdd(draftId: $d,
                    input: {productVariantId: $v, quantity: 2, currentPrice: "19.95"}) {
                  lineAdded { id sku quantity currentPrice { amount } } userErrors { code } } }""", Map.of("d", draftId, "v", otherVariant));
        JsonNode removed = admin.graphql(
                "mutation($d: ID!, $l: ID!) { subscriptionDraftLineRemove(draftId: $d, lineId: $l) "
                        + "{ lineRemoved { id } userErrors { code } } }",
                Map.of("d", draftId, "l", lineId));
        admin.graphql(
                "mutation($id: ID!) { subscriptionDraftCommit(draftId: $id) { contract { id } userErrors { code } } }",
                Map.of("id", draftId));
        JsonNode moved = admin.graphql("""
                mutation($id: ID!) { subscriptionContractSetNextBillingDate(contractId: $id, date: "2027-01-05T00:00:00Z") {
                  contract { nextBillingDate } userErrors { code } } }""", Map.of("id", contractId));
        JsonNode cycles = admin.graphql("""
                query($id: ID!) { subscriptionBillingCycles(contractId: $id, first: 2,
                    billingCyclesIndexRangeSelector: {startIndex: 1, endIndex: 2}) { nodes { cycleIndex billingAttemptExpectedDate } } }""", Map.of("id", contractId));
        JsonNode after = contract();

        assertEquals(
                "INVALID_LINES",
                lastLine.at("/data/subscriptionDraftLineRemove/userErrors/0/code")
                        .asText());
        assertEquals(
                "LBB-KIDS-3-6",
                added.at("/data/subscriptionDraftLineAdd/lineAdded/sku").asText(),
                added.toString());
        assertEquals(
                lineId,
                removed.at("/data/subscriptionDraftLineRemove/lineRemoved/id").asText());
        assertEquals(1, after.at("/lines/nodes").size());
        assertEquals("19.95", after.at("/lines/nodes/0/currentPrice/amount").asText());
        assertEquals(
                "2027-01-05T00:00:00Z",
                moved.at("/data/subscriptionContractSetNextBillingDate/contract/nextBillingDate")
                        .asText(),
                moved.toString());
        assertEquals(
                "2027-01-05T00:00:00Z",
                cycles.at("/data/subscriptionBillingCycles/nodes/0/billingAttemptExpectedDate")
                        .asText(),
                "the cycle due next is billed on the new date");
        assertEquals(
                "2027-02-05T00:00:00Z",
                cycles.at("/data/subscriptionBillingCycles/nodes/1/billingAttemptExpectedDate")
                        .asText());
    }

    private static final String SEND_UPDATE_EMAIL = """
            mutation($id: ID!, $email: EmailInput) { customerPaymentMethodSendUpdateEmail(customerPaymentMethodId: $id, email: $email) {
              customer { id email } userErrors { field message } } }""";

    private JsonNode paymentMethod(boolean showRevoked) throws Exception {
        return admin.graphql(
                        "query($id: ID!, $showRevoked: Boolean) { subscriptionContract(id: $id) { "
                                + "customerPaymentMethod(showRevoked: $showRevoked) { id revokedAt revokedReason customer { id } "
                                + "subscriptionContracts(first: 5) { nodes { id } } } } }",
                        Map.of("id", contractId, "showRevoked", showRevoked))
                .at("/data/subscriptionContract/customerPaymentMethod");
    }

    @Test
    void theUpdateEmailForAContractsPaymentMethodGoesToItsCustomerAndIsRecorded() throws Exception {
        JsonNode method = paymentMethod(false);
        String methodId = method.path("id").asText();

        JsonNode sent = admin.graphql(
                SEND_UPDATE_EMAIL, Map.of("id", methodId, "email", Map.of("from", "billing@lavishlibrary.com.au")));

        assertTrue(methodId.startsWith("gid://shopify/CustomerPaymentMethod/"), methodId);
        assertEquals(contractId, method.at("/subscriptionContracts/nodes/0/id").asText());
        assertEquals(
                "gid://shopify/Customer/9007199254740993",
                method.at("/customer/id").asText());
        assertEquals(
                0,
                sent.at("/data/customerPaymentMethodSendUpdateEmail/userErrors").size(),
                sent.toString());
        assertEquals(
                "gid://shopify/Customer/9007199254740993",
                sent.at("/data/customerPaymentMethodSendUpdateEmail/customer/id")
                        .asText());
        assertEquals(10, sent.at("/extensions/cost/requestedQueryCost").asInt(), "a mutation costs 10 points");
        JsonNode emails =
                admin.control("GET", "/fake/admin/payment-method-emails", null).path("emails");
        assertEquals(1, emails.size(), emails.toString());
        assertEquals(methodId, emails.at("/0/customerPaymentMethodId").asText());
        assertEquals(
                sent.at("/data/customerPaymentMethodSendUpdateEmail/customer/email")
                        .asText(),
                emails.at("/0/to").asText());
        assertEquals("billing@lavishlibrary.com.au", emails.at("/0/from").asText());
    }

    @Test
    void anUnknownOrRevokedPaymentMethodGetsAUserErrorAndNoEmail() throws Exception {
        String methodId = paymentMethod(false).path("id").asText();

        JsonNode unknown = admin.graphql(SEND_UPDATE_EMAIL, Map.of("id", "gid://shopify/CustomerPaymentMethod/1"));
        admin.control("POST", "/fake/admin/payment-methods/revoke", Map.of("customerPaymentMethodId", methodId));
        JsonNode revoked = admin.graphql(SEND_UPDATE_EMAIL, Map.of("id", methodId));

        assertEquals(
                "Customer payment method does not exist",
                unknown.at("/data/customerPaymentMethodSendUpdateEmail/userErrors/0/message")
                        .asText(),
                unknown.toString());
        assertEquals(
                "customerPaymentMethodId",
                unknown.at("/data/customerPaymentMethodSendUpdateEmail/userErrors/0/field/0")
                        .asText());
        assertEquals(
                "Customer payment method has been revoked",
                revoked.at("/data/customerPaymentMethodSendUpdateEmail/userErrors/0/message")
                        .asText(),
                revoked.toString());
        assertTrue(revoked.at("/data/customerPaymentMethodSendUpdateEmail/customer")
                .isNull());
        assertTrue(paymentMethod(false).isNull(), "a contract hides its revoked payment method");
        assertEquals(
                "MANUALLY_REVOKED", paymentMethod(true).path("revokedReason").asText());
        assertFalse(paymentMethod(true).path("revokedAt").isNull());
        assertEquals(
                0,
                admin.control("GET", "/fake/admin/payment-method-emails", null)
                        .path("emails")
                        .size());
    }

    @Test
    void everyRootFieldAndNodeFindTheirObjectByItsGidAndNoOtherKind() throws Exception {
        JsonNode contract = admin.graphql("""
                query($id: ID!) { subscriptionContract(id: $id) {
                  customer { id } originOrder { id } customerPaymentMethod { id }
                  lines(first: 1) { nodes { id productId variantId } } } }""", Map.of("id", contractId)).at("/data/subscriptionContract");
        String draftId = admin.graphql(
                        "mutation($id: ID!) { subscriptionContractUpdate(contractId: $id) " + "{ draft { id } } }",
                        Map.of("id", contractId))
                .at("/data/subscriptionContractUpdate/draft/id")
                .asText();
        String attemptId = admin.graphql(AdminApiTest.BILL, Map.of("id", contractId, "key", "roots"))
                .at("/data/subscriptionBillingAttemptCreate/subscriptionBillingAttempt/id")
                .asText();
        String groupId = admin.graphql("{ sellingPlanGroups(first: 1) { nodes { id } } }", null)
                .at("/data/sellingPlanGroups/nodes/0/id")
                .asText();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("product", contract.at("/lines/nodes/0/productId").asText());
        ids.put("productVariant", contract.at("/lines/nodes/0/variantId").asText());
        ids.put("customer", contract.at("/customer/id").asText());
        ids.put("order", contract.at("/originOrder/id").asText());
        ids.put("sellingPlanGroup", groupId);
        ids.put("subscriptionContract", contractId);
        ids.put("subscriptionDraft", draftId);
        ids.put("subscriptionBillingAttempt", attemptId);
        StringBuilder query = new StringBuilder("{");
        ids.forEach((field, id) -> query.append(" ")
                .append(field)
                .append("(id: \"")
                .append(id)
                .append("\") { id }")
                .append(" wrong_")
                .append(field)
                .append(": ")
                .append(field)
                .append("(id: \"")
                .append(contract.at("/customerPaymentMethod/id").asText())
                .append("\") { id }"));
        query.append(" nodes(ids: ")
                .append(SampleWebhooks.JSON.writeValueAsString(List.copyOf(ids.values())))
                .append(") { id } }");

        JsonNode data = admin.graphql(query.toString(), null).path("data");

        ids.forEach((field, id) -> {
            assertEquals(id, data.at("/" + field + "/id").asText(), field);
            assertTrue(data.path("wrong_" + field).isNull(), field + " of another kind's gid answers null");
        });
        List<String> nodes = new ArrayList<>();
        data.path("nodes").forEach(node -> nodes.add(node.path("id").asText()));
        assertEquals(List.copyOf(ids.values()), nodes, "nodes(ids) finds each");
    }
}
