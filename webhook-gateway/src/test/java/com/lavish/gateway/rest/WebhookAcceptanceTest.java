package com.lavish.gateway.rest;

import static com.lavish.gateway.support.KafkaTopicReader.header;
import static com.lavish.gateway.support.KafkaTopicReader.recordOf;
import static com.lavish.gateway.support.TestWebhooks.SHOP;
import static com.lavish.gateway.support.TestWebhooks.post;
import static com.lavish.gateway.support.TestWebhooks.utf8;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.CloudEventHeaders;
import com.lavish.events.ShopifyTopicRoute;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.events.Topics;
import com.lavish.gateway.support.TestWebhooks;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
@Order(1)
class WebhookAcceptanceTest {

    @TestHTTPResource("/webhooks")
    URI webhooks;

    @Test
    void acceptedWebhookLandsOnRoutedTopicWithKeyHeadersAndExactBytes() {
        // odd spacing, escapes and non-ASCII: any re-serialisation would change these bytes
        byte[] body = utf8("{ \"id\" : 820982911946154508,\n  \"email\":\"jon@example.com\", "
                + "\"note\": \"caf\u00e9 \\u2615 \u2615\",\"total_price\":\"10.00\"}");
        String webhookId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        // a minute ago, to the nanosecond: inside the accepted window, and written as Shopify may write it
        Instant triggered =
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).plusNanos(123_456_789);
        String triggeredAt = triggered.toString();
        Map<String, String> headers = new WebhookSigner(TestWebhooks.currentSecret(), "2026-07")
                .headers("orders/create", SHOP, body, webhookId, eventId, triggered);

        post(headers, body).then().statusCode(200);

        ConsumerRecord<String, byte[]> record = recordOf(Topics.ORDERS, webhookId);
        assertEquals(SHOP + "/820982911946154508", record.key());
        assertArrayEquals(body, record.value());
        assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals(webhookId, header(record, CloudEventHeaders.ID));
        assertEquals("orders/create", header(record, CloudEventHeaders.TYPE));
        assertEquals(SHOP, header(record, CloudEventHeaders.SOURCE));
        assertEquals(triggeredAt, header(record, CloudEventHeaders.TIME));
        assertEquals("820982911946154508", header(record, CloudEventHeaders.SUBJECT));
        assertEquals("2026-07", header(record, CloudEventHeaders.SHOPIFY_API_VERSION));
        assertEquals(eventId, header(record, CloudEventHeaders.SHOPIFY_EVENT_ID));
        assertEquals("application/json", header(record, CloudEventHeaders.CONTENT_TYPE));
    }

    @Test
    void idsBeyond2To53KeepTheirExactDigitsInTheKey() {
        // 2^53 + 1: a double would turn it into ...992
        byte[] body = utf8("{\"id\":9007199254740993,\"email\":\"big@example.com\"}");
        Map<String, String> headers = TestWebhooks.headers("customers/update", body);

        post(headers, body).then().statusCode(200);

        ConsumerRecord<String, byte[]> record =
                recordOf(Topics.CUSTOMERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID));
        assertEquals(SHOP + "/9007199254740993", record.key());
        assertEquals("9007199254740993", header(record, CloudEventHeaders.SUBJECT));
    }

    @Test
    void webhookSignedWithThePreviousSecretIsAccepted() {
        byte[] body = utf8("{\"id\":4501,\"status\":\"active\",\"revision_id\":\"7\"}");
        Map<String, String> headers =
                TestWebhooks.headers("subscription_contracts/update", SHOP, body, TestWebhooks.previousSecret());

        post(headers, body).then().statusCode(200);

        assertEquals(
                SHOP + "/4501",
                recordOf(Topics.SUBSCRIPTIONS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID))
                        .key());
    }

    @Test
    void shopifysPublishedSignatureExampleIsAccepted() {
        // Shopify's own vector: Shopify/shopify-app-js, packages/apps/shopify-api/lib/webhooks/__tests__/
        // validate.test.ts ("returns true for valid request": body '{"foo": "bar"}', hmac
        // 'B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=', shop1.myshopify.io, products/create), signed with
        // apiSecretKey 'test_secret_key' of lib/__tests__/test-config.ts, which the test profile configures.
        byte[] body = utf8("{\"foo\": \"bar\"}");
        String webhookId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Shopify-Hmac-Sha256", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=");
        headers.put("X-Shopify-Topic", "products/create");
        headers.put("X-Shopify-Shop-Domain", "shop1.myshopify.io");
        headers.put("X-Shopify-API-Version", "2023-01");
        headers.put("X-Shopify-Webhook-Id", webhookId);

        post(headers, body).then().statusCode(200);

        ConsumerRecord<String, byte[]> record = recordOf(Topics.PRODUCTS, webhookId);
        assertArrayEquals(body, record.value());
        // no id in the payload: the delivery keys the record
        assertEquals("shop1.myshopify.io/" + webhookId, record.key());
    }

    @Test
    void unknownTopicIsKeptOnTheUnroutedTopic() {
        byte[] body = utf8("{\"inventory_item_id\":271878346596884015,\"location_id\":24826418,\"available\":3}");
        Map<String, String> headers = TestWebhooks.headers("inventory_levels/update", body);

        post(headers, body).then().statusCode(200);

        ConsumerRecord<String, byte[]> record =
                recordOf(Topics.UNROUTED, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID));
        assertEquals("inventory_levels/update", header(record, CloudEventHeaders.TYPE));
        assertArrayEquals(body, record.value());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "customers/data_request|{\"shop_id\":954889,\"shop_domain\":\"lavish-test.myshopify.com\","
                        + "\"orders_requested\":[299938],\"customer\":{\"id\":191167,\"email\":\"john@example.com\"},"
                        + "\"data_request\":{\"id\":9999}}|191167",
                "customers/redact|{\"shop_id\":954889,\"shop_domain\":\"lavish-test.myshopify.com\","
                        + "\"customer\":{\"id\":191167,\"email\":\"john@example.com\"},\"orders_to_redact\":[299938]}"
                        + "|191167",
                "shop/redact|{\"shop_id\":954889,\"shop_domain\":\"lavish-test.myshopify.com\"}|954889",
                "app/uninstalled|{\"id\":690933842,\"name\":\"Lavish Library\",\"email\":\"owner@example.com\","
                        + "\"myshopify_domain\":\"lavish-test.myshopify.com\"}|690933842"
            })
    void privacyTopicsAndUninstallLandOnTheComplianceTopic(String topic, String json, String subject) {
        byte[] body = utf8(json);
        Map<String, String> headers = TestWebhooks.headers(topic, body);

        post(headers, body).then().statusCode(200);

        ConsumerRecord<String, byte[]> record =
                recordOf(Topics.COMPLIANCE, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID));
        assertEquals(SHOP + "/" + subject, record.key());
        assertEquals(topic, header(record, CloudEventHeaders.TYPE));
    }

    @ParameterizedTest
    @MethodSource("sampleTopics")
    void everyShopifySamplePayloadIsAcceptedAndKeyedByItsEntity(String topic) {
        // Shopify's published examples, pretty-printed as Shopify shows them (shopify-fake's SampleWebhooks); the
        // privacy topics' placeholder shop_domain, and the shop's myshopify_domain that app/uninstalled's example
        // leaves null, hold the shop that delivers them, as in a real delivery
        byte[] body = utf8(new String(SampleWebhooks.published(topic), StandardCharsets.UTF_8)
                .replace("\"{shop}.myshopify.com\"", "\"" + SHOP + "\"")
                .replace("\"myshopify_domain\": null", "\"myshopify_domain\": \"" + SHOP + "\""));
        Map<String, String> headers = TestWebhooks.headers(topic, body);
        ShopifyTopicRoute route = ShopifyTopicRoute.of(topic);

        post(headers, body).then().statusCode(200);

        ConsumerRecord<String, byte[]> record =
                recordOf(route.kafkaTopic(), headers.get(ShopifyWebhookHeaders.WEBHOOK_ID));
        JsonNode id = SampleWebhooks.tree(topic);
        for (String field : route.idPath()) {
            id = id.path(field);
        }
        assertTrue(id.isIntegralNumber() || id.isTextual(), topic + " sample has no id at " + route.idPath());
        // the GraphQL-shaped topics name their entity by gid; the key holds its number, as for the REST-shaped ones
        String entity = id.asText().startsWith("gid://")
                ? id.asText().substring(id.asText().lastIndexOf('/') + 1)
                : id.asText();
        assertEquals(SHOP + "/" + entity, record.key());
        assertArrayEquals(body, record.value());
    }

    static List<String> sampleTopics() {
        return SampleWebhooks.TOPICS;
    }

    @Test
    void perTopicSubscriptionPathIsAcceptedAndTheTopicComesFromTheHeader() {
        // the path names another topic than the header: the header wins
        byte[] body = utf8("{\"id\":5301,\"order_id\":777001,\"status\":\"success\"}");
        Map<String, String> headers = TestWebhooks.headers("fulfillments/create", body);

        post("/webhooks/subscription-created/", headers, body).then().statusCode(200);

        ConsumerRecord<String, byte[]> record = recordOf(Topics.ORDERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID));
        assertEquals(SHOP + "/777001", record.key());
    }

    @Test
    void deeperSubscriptionPathsAreAcceptedToo() {
        byte[] body = utf8("{\"id\":5302}");
        Map<String, String> headers = TestWebhooks.headers("products/update", body);

        post("/webhooks/shopify/products-update", headers, body).then().statusCode(200);

        assertEquals(
                SHOP + "/5302",
                recordOf(Topics.PRODUCTS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID))
                        .key());
    }

    @Test
    void headerNamesAreMatchedWithoutRegardToCase() {
        byte[] body = utf8("{\"id\":6401}");
        Map<String, String> lower = new LinkedHashMap<>();
        TestWebhooks.headers("orders/updated", body).forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));

        given().headers(lower).body(body).post("/webhooks").then().statusCode(200);

        assertEquals(
                SHOP + "/6401",
                recordOf(Topics.ORDERS, lower.get("x-shopify-webhook-id")).key());
    }

    @Test
    void withoutTriggeredAtTheReceiveTimeIsTheEventTime() {
        byte[] body = utf8("{\"id\":6402}");
        Map<String, String> headers = TestWebhooks.headers("orders/paid", body);
        headers.remove(ShopifyWebhookHeaders.TRIGGERED_AT);
        Instant before = Instant.now();

        post(headers, body).then().statusCode(200);

        Instant time = Instant.parse(
                header(recordOf(Topics.ORDERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID)), CloudEventHeaders.TIME));
        assertFalse(time.isBefore(before), time + " is before the request was sent");
        assertFalse(time.isAfter(Instant.now()), time + " is in the future");
    }

    @Test
    void chunkedBodyIsAcceptedByteForByte() throws Exception {
        byte[] body = utf8("{\"id\":6403,\"line_items\":[" + "{\"sku\":\"BOOK-1\",\"quantity\":1},".repeat(2000)
                + "{\"sku\":\"BOOK-2\",\"quantity\":2}]}");
        Map<String, String> headers = TestWebhooks.headers("orders/create", body);

        HttpResponse<String> response = sendChunked(headers, body);

        assertEquals(200, response.statusCode(), response.body());
        assertArrayEquals(
                body,
                recordOf(Topics.ORDERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID))
                        .value());
    }

    @Test
    void webhookSentWithExpectContinueIsAccepted() throws Exception {
        byte[] body = utf8("{\"id\":6404,\"email\":\"patient@example.com\"}");
        Map<String, String> headers = TestWebhooks.headers("customers/create", body);
        HttpRequest.Builder request = HttpRequest.newBuilder(webhooks)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertArrayEquals(
                body,
                recordOf(Topics.CUSTOMERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID))
                        .value());
    }

    private HttpResponse<String> sendChunked(Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhooks)
                // a stream of unknown length: HTTP/1.1 sends it chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        headers.forEach(request::header);
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
