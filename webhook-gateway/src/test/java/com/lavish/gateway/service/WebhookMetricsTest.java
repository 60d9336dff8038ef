package com.lavish.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebhookMetricsTest {

    @Test
    void familyIsTheTopicsResourceAndNeverFreeText() {
        assertEquals("orders", WebhookMetrics.family("orders/create"));
        assertEquals("subscription_billing_attempts", WebhookMetrics.family("subscription_billing_attempts/success"));
        assertEquals("app", WebhookMetrics.family("APP/uninstalled"));
        assertEquals("none", WebhookMetrics.family(null));
        assertEquals("other", WebhookMetrics.family("orders{evil=\"1\"}/create"));
        assertEquals("other", WebhookMetrics.family("x".repeat(65) + "/create"));
    }
}
