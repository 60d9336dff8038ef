package com.lavish.shopifyfake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class SampleWebhooksTest {

    /** Beyond 2^53: a double would make it ...992. */
    private static final long BEYOND_DOUBLE = 9007199254740993L;

    private static final BigInteger TWO_POW_53 = BigInteger.TWO.pow(53);

    // every integer as a BigInteger, so this check does not share the production parser's choices
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static final List<String> TOPICS = SampleWebhooks.TOPICS;

    @ParameterizedTest
    @FieldSource("TOPICS")
    void everySampleIsAJsonObject(String topic) {
        assertTrue(parse(SampleWebhooks.published(topic)).isObject(), topic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/create", "customers/update", "customers/enable", "customers/disable"})
    void customerSamplesCarryWhatTheCustomerConsumerNeeds(String topic) {
        JsonNode customer = parse(SampleWebhooks.published(topic));
        assertTrue(customer.get("id").isIntegralNumber(), "id");
        assertTrue(customer.get("email").isTextual(), "email");
        assertTrue(OffsetDateTime.parse(customer.get("updated_at").asText()).getOffset() != null, "updated_at");
        assertTrue(customer.get("addresses").isArray(), "addresses");
        assertTrue(customer.get("default_address").isObject(), "default_address");
        assertEquals(customer.get("id"), customer.get("default_address").get("customer_id"));
        assertTrue(customer.get("id").bigIntegerValue().compareTo(TWO_POW_53) > 0, "Shopify's example id exceeds 2^53");
    }

    @Test
    void customerDeleteCarriesTheIdOnly() {
        JsonNode deleted = parse(SampleWebhooks.published("customers/delete"));
        assertEquals(new BigInteger("706405506930370084"), deleted.get("id").bigIntegerValue());
        assertFalse(deleted.has("email"));
    }

    @Test
    void orderSampleCarriesWhatTheOrderConsumerNeeds() {
        JsonNode order = parse(SampleWebhooks.published("orders/create"));
        assertEquals(new BigInteger("820982911946154508"), order.get("id").bigIntegerValue());
        assertEquals(
                new BigInteger("115310627314723954"),
                order.get("customer").get("id").bigIntegerValue());
        for (String field :
                List.of("name", "order_number", "currency", "total_price", "financial_status", "updated_at")) {
            assertTrue(order.has(field), field);
        }
        assertEquals(5, order.get("line_items").size());
        assertTrue(order.get("total_price").isTextual(), "money is a string, never a float");
    }

    @Test
    void subscriptionContractSampleCarriesRevisionAndNoUpdatedAt() {
        JsonNode contract = parse(SampleWebhooks.published("subscription_contracts/create"));
        assertTrue(contract.get("revision_id").isTextual(), "revision_id is a string in the webhook");
        assertFalse(contract.has("updated_at"));
        for (String field :
                List.of("id", "status", "customer_id", "billing_policy", "delivery_policy", "origin_order_id")) {
            assertTrue(contract.has(field), field);
        }
        assertEquals("week", contract.get("billing_policy").get("interval").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/data_request", "customers/redact"})
    void customerComplianceSamplesNameShopAndCustomer(String topic) {
        JsonNode request = parse(SampleWebhooks.published(topic));
        assertTrue(request.get("shop_domain").isTextual());
        assertTrue(request.get("shop_id").isIntegralNumber());
        assertTrue(request.get("customer").get("id").isIntegralNumber());
        assertTrue(request.get("customer").get("email").isTextual());
    }

    @Test
    void shopComplianceSamplesNameTheShop() {
        JsonNode redact = parse(SampleWebhooks.published("shop/redact"));
        assertTrue(redact.get("shop_domain").isTextual());
        assertTrue(redact.get("shop_id").isIntegralNumber());
        assertTrue(parse(SampleWebhooks.published("app/uninstalled")).get("id").isIntegralNumber());
    }

    @ParameterizedTest
    @FieldSource("TOPICS")
    void graphqlIdsAgreeWithIds(String topic) {
        forEachObject(parse(SampleWebhooks.published(topic)), object -> {
            JsonNode gid = object.get("admin_graphql_api_id");
            if (gid != null && gid.isTextual() && object.path("id").isIntegralNumber()) {
                assertTrue(gid.asText().endsWith("/" + object.get("id").bigIntegerValue()), topic + ": " + gid);
            }
        });
    }

    @ParameterizedTest
    @FieldSource("TOPICS")
    void lavishVariantChangesValuesNeverTheShape(String topic) {
        byte[] variant = SampleWebhooks.variant(topic)
                .lavish()
                .shopDomain("lavish-library.myshopify.com")
                .customerId(BEYOND_DOUBLE)
                .email("ada.reader@example.com.au")
                .updatedAt(SampleWebhooks.now())
                .bytes();
        JsonNode published = parse(SampleWebhooks.published(topic));
        // the one deliberate exception: the shop resource's domains, null in Shopify's example, name the shop, as in
        // a real delivery (the gateway checks them)
        if (published.has("myshopify_domain")) {
            ((ObjectNode) published).put("myshopify_domain", "x").put("domain", "x");
        }
        assertSameShape(published, parse(variant), topic);
    }

    @ParameterizedTest
    @FieldSource("TOPICS")
    void shopifysIdsBeyond2Pow53StayExactThroughAVariant(String topic) {
        Set<BigInteger> published = bigIntegers(parse(SampleWebhooks.published(topic)));
        Set<BigInteger> variant = bigIntegers(parse(SampleWebhooks.variant(topic)
                .lavish()
                .shopDomain("lavish-library.myshopify.com")
                .updatedAt(SampleWebhooks.now())
                .bytes()));
        assertEquals(published, variant, topic);
    }

    @Test
    void samplesCarryIdsBeyond2Pow53() {
        assertTrue(bigIntegers(parse(SampleWebhooks.published("orders/create"))).size() >= 10);
        assertFalse(
                bigIntegers(parse(SampleWebhooks.published("customers/create"))).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "customers/create",
                "customers/update",
                "customers/enable",
                "customers/disable",
                "customers/delete",
                "orders/create",
                "customers/data_request",
                "customers/redact",
                "subscription_contracts/create"
            })
    void givenCustomerIdIsWrittenExactlyEverywhereTheCustomerIsNamed(String topic) {
        byte[] bytes = SampleWebhooks.variant(topic).customerId(BEYOND_DOUBLE).bytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("9007199254740993"), text);
        assertFalse(text.contains("9007199254740992"), "no double rounding: " + text);
        JsonNode root = parse(bytes);
        BigInteger expected = BigInteger.valueOf(BEYOND_DOUBLE);
        if (topic.equals("subscription_contracts/create")) {
            assertEquals(expected, root.get("customer_id").bigIntegerValue());
            assertEquals(
                    "gid://shopify/Customer/9007199254740993",
                    root.get("admin_graphql_api_customer_id").asText());
            return;
        }
        JsonNode customer = root.has("customer") ? root.get("customer") : root;
        assertEquals(expected, customer.get("id").bigIntegerValue());
        if (customer.has("admin_graphql_api_id")) {
            assertEquals(
                    "gid://shopify/Customer/9007199254740993",
                    customer.get("admin_graphql_api_id").asText());
        }
        if (customer.has("default_address")) {
            assertEquals(
                    expected, customer.get("default_address").get("customer_id").bigIntegerValue());
        }
        if (root.has("customer")) {
            assertNotEquals(expected, root.path("id").bigIntegerValue(), "the order's own id is not the customer's");
        }
    }

    @Test
    void customerVariantIsALavishCustomerUpdatedNow() {
        OffsetDateTime before = SampleWebhooks.now();
        JsonNode customer =
                parse(SampleWebhooks.customer("customers/update", BEYOND_DOUBLE, "ada.reader@example.com.au"));
        assertEquals("ada.reader@example.com.au", customer.get("email").asText());
        assertEquals("AUD", customer.get("currency").asText());
        JsonNode address = customer.get("default_address");
        assertEquals("Sydney", address.get("city").asText());
        assertEquals("AU", address.get("country_code").asText());
        assertEquals("NSW", address.get("province_code").asText());
        OffsetDateTime updatedAt =
                OffsetDateTime.parse(customer.get("updated_at").asText());
        assertFalse(updatedAt.isBefore(before), "updated now, so it is newer than any earlier send");
        assertEquals(SampleWebhooks.SHOP_ZONE.getRules().getOffset(updatedAt.toInstant()), updatedAt.getOffset());
    }

    @Test
    void orderVariantTakesTheBuyersEmailAndAud() {
        JsonNode order = parse(SampleWebhooks.variant("orders/create")
                .lavish()
                .email("ada.reader@example.com.au")
                .bytes());
        assertEquals("ada.reader@example.com.au", order.get("email").asText());
        assertEquals("ada.reader@example.com.au", order.get("contact_email").asText());
        assertEquals(
                "ada.reader@example.com.au", order.get("customer").get("email").asText());
        assertEquals("AUD", order.get("currency").asText());
        assertEquals(
                "AUD",
                order.get("total_price_set")
                        .get("shop_money")
                        .get("currency_code")
                        .asText());
        assertEquals("Australia", order.get("shipping_address").get("country").asText());
        assertEquals(
                "New South Wales", order.get("shipping_address").get("province").asText());
    }

    @Test
    void orderVariantTakesItsIdAndNumberEverywhereTheOrderIsNamed() {
        JsonNode order = parse(SampleWebhooks.variant("orders/updated")
                .order(9007199254740993L, 1042)
                .bytes());
        assertEquals("9007199254740993", order.get("id").asText());
        assertEquals(
                "gid://shopify/Order/9007199254740993",
                order.get("admin_graphql_api_id").asText());
        assertEquals(1042, order.get("order_number").asLong());
        assertEquals(42, order.get("number").asLong());
        assertEquals("#1042", order.get("name").asText());
    }

    @Test
    void complianceVariantNamesTheRealShop() {
        JsonNode redact = parse(SampleWebhooks.variant("shop/redact")
                .shopDomain("lavish-library.myshopify.com")
                .bytes());
        assertEquals("lavish-library.myshopify.com", redact.get("shop_domain").asText());
        assertEquals(
                "{shop}.myshopify.com",
                parse(SampleWebhooks.published("shop/redact"))
                        .get("shop_domain")
                        .asText(),
                "the published sample keeps Shopify's placeholder");
    }

    @Test
    void unknownTopicNamesTheSamples() {
        try {
            SampleWebhooks.published("products/create");
            fail("products/create has no sample");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("customers/create"), e.getMessage());
        }
        assertEquals("customers__data_request.json", SampleWebhooks.fileName("customers/data_request"));
        assertEquals("customers__data_request.json", SampleWebhooks.fileName("customers__data_request.json"));
    }

    static JsonNode parse(byte[] json) {
        try {
            return EXACT.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private static Set<BigInteger> bigIntegers(JsonNode node) {
        Set<BigInteger> found = new TreeSet<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, Set<BigInteger> found) {
        if (node.isIntegralNumber() && node.bigIntegerValue().abs().compareTo(TWO_POW_53) > 0) {
            found.add(node.bigIntegerValue());
        }
        node.forEach(child -> collect(child, found));
    }

    private static void forEachObject(JsonNode node, java.util.function.Consumer<JsonNode> action) {
        if (node.isObject()) {
            action.accept(node);
        }
        node.forEach(child -> forEachObject(child, action));
    }

    private static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
        assertEquals(expected.getNodeType(), actual.getNodeType(), path);
        if (expected.isObject()) {
            List<String> expectedNames = new ArrayList<>();
            List<String> actualNames = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedNames::add);
            actual.fieldNames().forEachRemaining(actualNames::add);
            assertEquals(expectedNames, actualNames, path);
            expectedNames.forEach(name -> assertSameShape(expected.get(name), actual.get(name), path + "." + name));
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path);
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                assertSameShape(e.next(), a.next(), path + "[" + i + "]");
            }
        }
    }
}
