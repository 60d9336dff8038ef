package com.lavish.shopifyfake.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.shopifyfake.SampleWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhooks a change makes, held until the change is answered: Shopify sends them after the mutation, never
 * inside it, and never for a request that failed.
 */
final class Outbox {

    private final String shop;
    private final List<AdminStore.Webhook> webhooks = new ArrayList<>();

    Outbox(String shop) {
        this.shop = shop;
    }

    void add(String topic, ObjectNode payload) {
        try {
            webhooks.add(new AdminStore.Webhook(shop, topic, SampleWebhooks.JSON.writeValueAsBytes(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<AdminStore.Webhook> drain() {
        List<AdminStore.Webhook> all = List.copyOf(webhooks);
        webhooks.clear();
        return all;
    }
}
