package com.lavish.notifications.messaging;

import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.object;
import static com.lavish.events.WebhookFields.requiredId;
import static com.lavish.events.WebhookFields.text;
import static com.lavish.events.WebhookFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.events.ShopifyEvent;
import com.lavish.notifications.service.RecipientChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the customers/* webhooks (Shopify's REST shape, API 2026-07) into what the emails need: the address, the
 * first name and the locale. Lenient as events' readers are: unknown fields ignored, a field of the wrong type
 * dropped; only a body that is not a JSON object or names no customer is malformed. Other topics on
 * shopify.customers are not this service's business (counted as ignored).
 */
@ApplicationScoped
public class RecipientWebhookReader {

    public Optional<RecipientChange> read(ShopifyEvent event) {
        return switch (event.type()) {
            case "customers/create", "customers/update", "customers/enable", "customers/disable" -> {
                JsonNode body = object(event);
                Instant updatedAt = timestamp(body, "updated_at");
                yield Optional.of(new RecipientChange.Upsert(
                        requiredId(event, body, "id"),
                        text(body, "email"),
                        text(body, "first_name"),
                        text(body, "locale"),
                        updatedAt != null ? updatedAt : eventTime(event)));
            }
            case "customers/delete" ->
                Optional.of(new RecipientChange.Erase(requiredId(event, object(event), "id"), eventTime(event)));
            default -> Optional.empty();
        };
    }
}
