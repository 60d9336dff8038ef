package com.lavish.gateway.service;

import java.time.Instant;
import java.util.Objects;

/**
 * One webhook request as it arrived: the Shopify headers (null when absent or blank) and the raw body, not yet
 * verified. Names follow docs/shopify-reference.md §1.1. The signature covers the body alone (§1.2): even once it is
 * verified, every header here is only what the caller says.
 *
 * @param signature   X-Shopify-Hmac-Sha256
 * @param shopDomain  X-Shopify-Shop-Domain
 * @param topic       X-Shopify-Topic
 * @param webhookId   X-Shopify-Webhook-Id
 * @param apiVersion  X-Shopify-API-Version
 * @param eventId     X-Shopify-Event-Id
 * @param triggeredAt X-Shopify-Triggered-At
 * @param body        the request body, byte for byte
 * @param receivedAt  when the gateway had read the body
 */
public record WebhookDelivery(
        String signature,
        String shopDomain,
        String topic,
        String webhookId,
        String apiVersion,
        String eventId,
        String triggeredAt,
        byte[] body,
        Instant receivedAt) {

    public WebhookDelivery {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String toString() {
        // never the body (personal data) nor the signature
        return "WebhookDelivery[webhookId=" + webhookId + ", topic=" + topic + ", shop=" + shopDomain + ", bytes="
                + body.length + "]";
    }
}
