package com.lavish.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import com.lavish.gateway.service.CompliancePayloadVerifier.Mismatch;
import com.lavish.shopifyfake.SampleWebhooks;

class CompliancePayloadVerifierTest {

    private static final String SHOP = "lavish-library.myshopify.com";

    private static Optional<Mismatch> check(String topic, byte[] body) {
        return CompliancePayloadVerifier.check(new ShopifyEvent("w-1", topic, SHOP, "2026-12-05T07:00:00Z", null,
                "2026-07", null, body));
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

        assertEquals("orders_requested", check("customers/data_request", redact).orElseThrow().field());
        assertEquals("orders_to_redact", check("customers/redact", dataRequest).orElseThrow().field());
        assertEquals("customer", check("shop/redact", redact).orElseThrow().field());
        assertEquals("customer", check("customers/redact", shopRedact).orElseThrow().field());
        assertEquals(RejectionReason.BODY_NOT_OF_TOPIC, check("shop/redact", dataRequest).orElseThrow().reason());
    }

    @Test
    void aCustomerIdMustBeAnExactId() {
        Mismatch mismatch = check("customers/redact", json("{\"shop_id\":1,\"shop_domain\":\"" + SHOP + "\","
                + "\"customer\":{\"id\":1.5e3},\"orders_to_redact\":[]}")).orElseThrow();

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

    @Test
    void otherTopicsAreNotChecked() {
        assertEquals(Optional.empty(), check("orders/create", SampleWebhooks.published("customers/redact")));
        assertEquals(Optional.empty(), check("app/uninstalled", json("{\"id\":1}")));
    }

    @Test
    void aBodyThatIsNoJsonObjectIsMalformed() {
        assertThrows(MalformedEventException.class, () -> check("shop/redact", json("[1]")));
    }
}
