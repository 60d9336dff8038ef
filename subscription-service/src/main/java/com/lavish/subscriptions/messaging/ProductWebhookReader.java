package com.lavish.subscriptions.messaging;

import static com.lavish.events.WebhookFields.decimal;
import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.id;
import static com.lavish.events.WebhookFields.object;
import static com.lavish.events.WebhookFields.requiredId;
import static com.lavish.events.WebhookFields.text;
import static com.lavish.events.WebhookFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.ReconcileType;
import com.lavish.subscriptions.service.ProductChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads shopify.products bodies into a {@link ProductChange}: products/* webhooks (snake_case, numeric ids) and the
 * Admin API node of {@code reconcile/products} (camelCase, gids, {@code variants{nodes}}, and the selling plan
 * groups that apply to it, {@code sellingPlanGroups{nodes{id}}}).
 */
@ApplicationScoped
public class ProductWebhookReader {

    public Optional<ProductChange> read(ShopifyEvent event) {
        String type = event.type();
        if (ReconcileType.ofEventType(type)
                .filter(t -> t == ReconcileType.PRODUCTS)
                .isPresent()) {
            return Optional.of(node(event, object(event)));
        }
        return switch (type) {
            case "products/create", "products/update" -> Optional.of(webhook(event, object(event)));
            case "products/delete" ->
                Optional.of(new ProductChange.Deleted(requiredId(event, object(event), "id"), eventTime(event)));
            default -> Optional.empty();
        };
    }

    private static ProductChange webhook(ShopifyEvent event, JsonNode body) {
        List<ProductChange.Variant> variants = new ArrayList<>();
        body.path("variants").forEach(variant -> variant(variant).ifPresent(variants::add));
        return new ProductChange.Version(
                requiredId(event, body, "id"),
                text(body, "title"),
                text(body, "handle"),
                lower(text(body, "status")),
                updatedAt(event, body, "updated_at"),
                variants,
                null);
    }

    private static ProductChange node(ShopifyEvent event, JsonNode body) {
        List<ProductChange.Variant> variants = new ArrayList<>();
        body.path("variants").path("nodes").forEach(variant -> variant(variant).ifPresent(variants::add));
        List<Long> groups = null;
        JsonNode groupNodes = body.path("sellingPlanGroups").path("nodes");
        if (groupNodes.isArray()) {
            groups = new ArrayList<>();
            for (JsonNode group : groupNodes) {
                Long id = id(group.get("id"));
                if (id != null) {
                    groups.add(id);
                }
            }
        }
        return new ProductChange.Version(
                requiredId(event, body, "id"),
                text(body, "title"),
                text(body, "handle"),
                lower(text(body, "status")),
                updatedAt(event, body, "updatedAt"),
                variants,
                groups);
    }

    private static Optional<ProductChange.Variant> variant(JsonNode node) {
        Long id = node.isObject() ? id(node.get("id")) : null;
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(
                new ProductChange.Variant(id, text(node, "title"), text(node, "sku"), decimal(node, "price")));
    }

    /**
     * The body's own updated_at orders versions. Only a body without one falls back to ce_time, for a webhook
     * X-Shopify-Triggered-At, which Shopify does not sign (docs/shopify-reference.md §1.2): the gateway refuses one
     * outside its window (webhook.triggered-at.*), so such a version can claim at most a few minutes ahead of the clock.
     */
    private static Instant updatedAt(ShopifyEvent event, JsonNode body, String field) {
        Instant updatedAt = timestamp(body, field);
        return updatedAt != null ? updatedAt : eventTime(event);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
