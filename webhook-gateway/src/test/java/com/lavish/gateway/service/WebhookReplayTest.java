package com.lavish.gateway.service;

import static com.lavish.gateway.support.KafkaTopicReader.header;
import static com.lavish.gateway.support.KafkaTopicReader.recordOf;
import static com.lavish.gateway.support.TestWebhooks.SHOP;
import static com.lavish.gateway.support.TestWebhooks.post;
import static com.lavish.gateway.support.TestWebhooks.utf8;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.CloudEventHeaders;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.events.Topics;
import com.lavish.gateway.support.KafkaTopicReader;
import com.lavish.gateway.support.Metrics;
import com.lavish.gateway.support.TestWebhooks;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body Shopify signed, resent with headers of the sender's choosing: only the body is signed
 * (docs/shopify-reference.md §1.2), so the gateway holds the headers to what a genuine delivery can say.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
@Order(2)
@Tag("security")
class WebhookReplayTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** The test profile's other served shop: a header naming it passes authentication. */
    private static final String OTHER_SHOP = "shop1.myshopify.io";
    /** Shopify's orders/create example, as a captured signed body. */
    private static final byte[] ORDER = SampleWebhooks.published("orders/create");
    /** A customers/redact as shopify-fake sends it for the test shop. */
    private static final byte[] CUSTOMER_REDACT = SampleWebhooks.lavish("customers/redact", SHOP, null, null);
    /** A shop/redact as shopify-fake sends it for the test shop. */
    private static final byte[] SHOP_REDACT = SampleWebhooks.lavish("shop/redact", SHOP, null, null);
    /** The test shop's app/uninstalled: the shop resource, naming the shop in myshopify_domain. */
    private static final byte[] UNINSTALLED = TestWebhooks.appUninstalled(SHOP);

    @Test
    void refusesDeliveryTriggeredLongerAgoThanShopifyDeliversAndRetries() {
        Map<String, String> headers =
                signed("orders/create", SHOP, ORDER, Instant.now().minus(Duration.ofHours(29)));

        assertRefused(
                headers, ORDER, Topics.ORDERS, "triggered_at_out_of_window", "X-Shopify-Triggered-At", "in the past");
    }

    @Test
    void acceptsShopifysLastRetryOfADeliveryADayLate() {
        Map<String, String> headers =
                signed("orders/create", SHOP, ORDER, Instant.now().minus(Duration.ofHours(27)));

        post(headers, ORDER).then().statusCode(200);

        assertArrayEquals(
                ORDER,
                recordOf(Topics.ORDERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID))
                        .value());
    }

    @Test
    void refusesDeliveryTriggeredInTheYear9999() {
        Map<String, String> headers = signed("orders/create", SHOP, ORDER, Instant.now());
        headers.put(ShopifyWebhookHeaders.TRIGGERED_AT, "9999-12-31T23:59:59Z");

        assertRefused(
                headers,
                ORDER,
                Topics.ORDERS,
                "triggered_at_out_of_window",
                "X-Shopify-Triggered-At",
                "ahead of this gateway's clock");
    }

    @Test
    void refusesSignedOrderBodyResentAsCustomersRedact() {
        Map<String, String> headers = signed("customers/redact", SHOP, ORDER, Instant.now());

        assertRefused(
                headers,
                ORDER,
                Topics.COMPLIANCE,
                "body_not_of_topic",
                "orders_to_redact",
                "lacks orders_to_redact, shop_domain");
    }

    @Test
    void refusesSignedOrderBodyResentAsShopRedact() {
        Map<String, String> headers = signed("shop/redact", SHOP, ORDER, Instant.now());

        assertRefused(
                headers, ORDER, Topics.COMPLIANCE, "body_not_of_topic", "shop_domain", "lacks shop_domain, shop_id");
    }

    @Test
    void refusesCustomersRedactBodyResentAsShopRedact() {
        // one customer's erasure must never become the erasure of the whole shop
        Map<String, String> headers = signed("shop/redact", SHOP, CUSTOMER_REDACT, Instant.now());

        assertRefused(
                headers,
                CUSTOMER_REDACT,
                Topics.COMPLIANCE,
                "body_not_of_topic",
                "customer",
                "a shop/redact body has no customer");
    }

    @Test
    void refusesCustomersRedactWhoseBodyNamesAnotherShopThanTheHeader() {
        Map<String, String> headers = signed("customers/redact", OTHER_SHOP, CUSTOMER_REDACT, Instant.now());

        assertRefused(
                headers,
                CUSTOMER_REDACT,
                Topics.COMPLIANCE,
                "shop_mismatch",
                "shop_domain",
                "names another shop than the X-Shopify-Shop-Domain header");
    }

    @Test
    void refusesShopRedactWhoseShopIdIsNoShopId() {
        // shop_id cannot be compared with the header, which names the shop by its domain: it must be an id at least
        byte[] body = utf8("{\"shop_id\":0,\"shop_domain\":\"" + SHOP + "\"}");
        Map<String, String> headers = signed("shop/redact", SHOP, body, Instant.now());

        assertRefused(
                headers, body, Topics.COMPLIANCE, "body_not_of_topic", "shop_id", "shop_id (a positive integer id)");
    }

    @Test
    void refusesSignedOrderBodyResentAsAppUninstalled() {
        Map<String, String> headers = signed("app/uninstalled", SHOP, ORDER, Instant.now());

        assertRefused(
                headers,
                ORDER,
                Topics.COMPLIANCE,
                "body_not_of_topic",
                "myshopify_domain",
                "lacks myshopify_domain, so it is not an app/uninstalled payload");
    }

    @Test
    void refusesShopRedactBodyResentAsAppUninstalled() {
        Map<String, String> headers = signed("app/uninstalled", SHOP, SHOP_REDACT, Instant.now());

        assertRefused(headers, SHOP_REDACT, Topics.COMPLIANCE, "body_not_of_topic", "id", "lacks id, myshopify_domain");
    }

    @Test
    void refusesAppUninstalledWhoseShopIsAnotherThanTheHeader() {
        // one shop's uninstall, resent under another served shop's header
        Map<String, String> headers = signed("app/uninstalled", OTHER_SHOP, UNINSTALLED, Instant.now());

        assertRefused(
                headers,
                UNINSTALLED,
                Topics.COMPLIANCE,
                "shop_mismatch",
                "myshopify_domain",
                "the body's myshopify_domain names another shop than the X-Shopify-Shop-Domain header");
    }

    @Test
    void genuineAppUninstalledIsAcceptedAndKeyedByTheShop() {
        Map<String, String> headers = TestWebhooks.headers("app/uninstalled", UNINSTALLED);

        post(headers, UNINSTALLED).then().statusCode(200);

        ConsumerRecord<String, byte[]> record =
                recordOf(Topics.COMPLIANCE, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID));
        assertArrayEquals(UNINSTALLED, record.value());
        assertEquals(SHOP + "/548380009", record.key());
        assertEquals(SHOP, header(record, CloudEventHeaders.SOURCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/redact", "customers/data_request", "shop/redact"})
    void genuinePrivacyDeliveryFromTheFakesSamplesIsAccepted(String topic) {
        // what shopify-fake sends: Shopify's sample with the delivering shop in shop_domain
        byte[] body = SampleWebhooks.lavish(topic, SHOP, null, null);
        Map<String, String> headers = TestWebhooks.headers(topic, body);

        post(headers, body).then().statusCode(200);

        ConsumerRecord<String, byte[]> record =
                recordOf(Topics.COMPLIANCE, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID));
        assertArrayEquals(body, record.value());
        assertEquals(topic, header(record, CloudEventHeaders.TYPE));
        assertEquals(SHOP, header(record, CloudEventHeaders.SOURCE));
    }

    @Test
    void shopDomainIsComparedWithoutRegardToCase() {
        byte[] body = utf8("{\"shop_id\":954889,\"shop_domain\":\"Lavish-Test.myshopify.com\"}");
        Map<String, String> headers = TestWebhooks.headers("shop/redact", body);

        post(headers, body).then().statusCode(200);
    }

    private static Map<String, String> signed(String topic, String shop, byte[] body, Instant triggeredAt) {
        return new WebhookSigner(TestWebhooks.currentSecret(), TestWebhooks.API_VERSION)
                .headers(
                        topic,
                        shop,
                        body,
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        triggeredAt);
    }

    /**
     * A 400 problem naming the field and saying what is wrong in the caller's terms (no class or parser names), counted
     * under its reason, and nothing on the Kafka topic the delivery would have gone to.
     */
    private static void assertRefused(
            Map<String, String> headers, byte[] body, String kafkaTopic, String reason, String field, String detail) {
        String series = "webhooks_rejected_total{reason=\"" + reason + "\"}";
        double before = Metrics.scrape().getOrDefault(series, -1.0);

        post(headers, body)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body(
                        "detail",
                        allOf(
                                containsString(detail),
                                not(containsString("Exception")),
                                not(containsString("com.lavish")),
                                not(containsString("Json"))));

        assertEquals(before + 1, Metrics.scrape().getOrDefault(series, -1.0), series + " did not count");
        assertTrue(
                KafkaTopicReader.recordsNow(kafkaTopic, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID))
                        .isEmpty(),
                "a refused delivery must not reach Kafka");
    }
}
