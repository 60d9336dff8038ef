package com.lavish.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import com.lavish.gateway.service.CompliancePayloadVerifier.Mismatch;
import com.lavish.gateway.support.TestWebhooks;
import com.lavish.shopifyfake.SampleWebhooks;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("security")
class CompliancePayloadVerifierTest {

    private static final String SHOP = "lavish-library.myshopify.com";

    private static Optional<Mismatch> check(String topic, byte[] body) {
        return CompliancePayloadVerifier.check(
                new ShopifyEvent("w-1", topic, SHOP, "2026-12-05T07:00:00Z", null, "2026-07", null, body));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/redact", "customers/data_request", "shop/redact"})
    void shopifysSampleForTheDeliveringShopIsOfItsTopic(String topic) {
        assertEquals(Optional.empty(), check(topic, SampleWebhooks.lavish(topic, SHOP, null, null)));
    }

    @Test
    void eachPrivacyTopicsBodyIsOfThatTopicOnly() {
        byte[] redact = SampleWebhooks.lavish("customers/redact", SHOP, null, null);
        byte[] dataRequest = SampleWebhooks.lavish("customers/data_request", SHOP, null, null);
        byte[] shopRedact = SampleWebhooks.lavish("shop/redact", SHOP, null, null);

        assertEquals(
                "orders_requested",
                check("customers/data_request", redact).orElseThrow().field());
        assertEquals(
                "orders_to_redact",
                check("customers/redact", dataRequest).orElseThrow().field());
        assertEquals("customer", check("shop/redact", redact).orElseThrow().field());
        assertEquals(
                "customer", check("customers/redact", shopRedact).orElseThrow().field());
        assertEquals(
                RejectionReason.BODY_NOT_OF_TOPIC,
                check("shop/redact", dataRequest).orElseThrow().reason());
    }

    @Test
    void aCustomerIdMustBeAnExactId() {
        Mismatch mismatch = check(
                        "customers/redact",
                        json("{\"shop_id\":1,\"shop_domain\":\"" + SHOP + "\","
                                + "\"customer\":{\"id\":1.5e3},\"orders_to_redact\":[]}"))
                .orElseThrow();

        assertEquals("customer", mismatch.field());
        assertTrue(mismatch.detail().contains("an object with an id"), mismatch.detail());
    }

    @Test
    void aBodyOfAnotherShopIsAShopMismatch() {
        Mismatch mismatch = check("shop/redact", json("{\"shop_id\":1,\"shop_domain\":\"elsewhere.myshopify.com\"}"))
                .orElseThrow();

        assertEquals(RejectionReason.SHOP_MISMATCH, mismatch.reason());
        assertEquals("shop_domain", mismatch.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/redact", "customers/data_request", "shop/redact"})
    void aShopIdMustBeAPositiveIntegerId(String topic) {
        // the header names the shop by its domain only, so the id cannot be compared: it must at least be an id
        for (String shopId : new String[] {"0", "-954889", "1.5e3", "\"a-shop\"", "null"}) {
            String body = new String(SampleWebhooks.lavish(topic, SHOP, null, null), StandardCharsets.UTF_8)
                    .replace("\"shop_id\":954889", "\"shop_id\":" + shopId);
            Mismatch mismatch = check(topic, json(body)).orElseThrow(() -> new AssertionError(shopId + " passed"));

            assertEquals(RejectionReason.BODY_NOT_OF_TOPIC, mismatch.reason());
            assertEquals("shop_id", mismatch.field(), shopId);
            assertTrue(mismatch.detail().contains("shop_id (a positive integer id)"), mismatch.detail());
        }
    }

    @Test
    void appUninstalledCarriesTheDeliveringShop() {
        assertEquals(Optional.empty(), check("app/uninstalled", TestWebhooks.appUninstalled(SHOP)));
        // the domain is compared as the header is, without regard to case or surrounding space
        assertEquals(
                Optional.empty(),
                check(
                        "app/uninstalled",
                        json("{\"id\":548380009,\"myshopify_domain\":\" Lavish-Library.myshopify.com \"}")));
    }

    @Test
    void appUninstalledOfAnotherShopIsAShopMismatch() {
        Mismatch mismatch = check("app/uninstalled", TestWebhooks.appUninstalled("elsewhere.myshopify.com"))
                .orElseThrow();

        assertEquals(RejectionReason.SHOP_MISMATCH, mismatch.reason());
        assertEquals("myshopify_domain", mismatch.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders/create", "customers/update", "shop/redact", "customers/redact"})
    void anotherTopicsBodyIsNoShopForAppUninstalled(String topic) {
        Mismatch mismatch = check("app/uninstalled", SampleWebhooks.lavish(topic, SHOP, null, null))
                .orElseThrow();

        assertEquals(RejectionReason.BODY_NOT_OF_TOPIC, mismatch.reason());
        assertTrue(mismatch.detail().contains("myshopify_domain"), mismatch.detail());
    }

    @Test
    void shopifysExampleShopWithoutItsDomainIsNoDeliveryOfAShop() {
        // Shopify's published example leaves myshopify_domain null; a real shop always has one
        Mismatch mismatch = check("app/uninstalled", SampleWebhooks.published("app/uninstalled"))
                .orElseThrow();

        assertEquals("myshopify_domain", mismatch.field());
    }

    @Test
    void aShopIdOfZeroIsNoShop() {
        Mismatch mismatch = check("app/uninstalled", json("{\"id\":0,\"myshopify_domain\":\"" + SHOP + "\"}"))
                .orElseThrow();

        assertEquals("id", mismatch.field());
    }

    @Test
    void otherTopicsAreNotChecked() {
        assertEquals(Optional.empty(), check("orders/create", SampleWebhooks.published("customers/redact")));
        assertEquals(Optional.empty(), check("shop/update", json("{\"id\":1}")));
    }

    @Test
    void aBodyThatIsNoJsonObjectIsMalformed() {
        assertThrows(MalformedEventException.class, () -> check("shop/redact", json("[1]")));
    }
}
