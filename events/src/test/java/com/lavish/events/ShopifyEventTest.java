package com.lavish.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class ShopifyEventTest {

    @Test
    void headersRoundTripToTheSameEvent() {
        byte[] body = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);
        ShopifyEvent sent = new ShopifyEvent(
                "wh-1",
                "customers/create",
                "lavish.myshopify.com",
                "2026-11-25T10:00:00Z",
                "1",
                "2026-07",
                "ev-1",
                body);
        Headers headers = sent.toHeaders();
        ShopifyEvent read = ShopifyEvent.fromRecord(headers, body);
        assertEquals("wh-1", read.id());
        assertEquals("customers/create", read.type());
        assertEquals("lavish.myshopify.com", read.shopDomain());
        assertEquals("2026-07", read.apiVersion());
        assertEquals("ev-1", read.eventId());
        assertArrayEquals(body, read.payload());
        assertEquals(
                "1.0",
                ShopifyEvent.optional(headers, CloudEventHeaders.SPEC_VERSION).orElseThrow());
        assertEquals("lavish.myshopify.com/1", read.recordKey().toString());
    }

    @Test
    void keyFallsBackToTheDeliveryWhenThePayloadNamesNoEntity() {
        ShopifyEvent event =
                new ShopifyEvent("wh-2", "shop/update", "s.myshopify.com", "t", null, null, null, new byte[0]);
        assertEquals(new RecordKey("s.myshopify.com", "wh-2"), event.recordKey());
    }

    @Test
    void recordWithoutTypeIsMalformed() {
        ShopifyEvent sent = new ShopifyEvent("wh-1", "x", "s", "t", null, null, null, new byte[0]);
        Headers headers = sent.toHeaders();
        headers.remove(CloudEventHeaders.TYPE);
        assertThrows(MalformedEventException.class, () -> ShopifyEvent.fromRecord(headers, new byte[0]));
    }

    @Test
    void recordKeyParsesShopAndResource() {
        RecordKey key = RecordKey.parse("lavish.myshopify.com/706405506930370084");
        assertEquals("lavish.myshopify.com", key.shopDomain());
        assertEquals("706405506930370084", key.resourceId());
        assertThrows(IllegalArgumentException.class, () -> RecordKey.parse("no-slash"));
    }
}
