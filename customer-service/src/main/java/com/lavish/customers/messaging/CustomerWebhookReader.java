package com.lavish.customers.messaging;

import static com.lavish.events.WebhookFields.bool;
import static com.lavish.events.WebhookFields.decimal;
import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.id;
import static com.lavish.events.WebhookFields.object;
import static com.lavish.events.WebhookFields.requiredId;
import static com.lavish.events.WebhookFields.text;
import static com.lavish.events.WebhookFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.customers.service.CustomerChange;
import com.lavish.customers.service.CustomerSnapshot;
import com.lavish.customers.service.CustomerSnapshot.AddressSnapshot;
import com.lavish.customers.service.CustomerSnapshot.EmailMarketingConsent;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.ReconcileType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads a customers/* webhook body (Shopify's REST shape, API 2026-07), or a reconciled Customer node
 * ({@link CustomerNodeReader}), into a {@link CustomerChange}. Tolerant of
 * what Shopify really sends: unknown fields are ignored, nulls accepted, timestamps may carry offsets, and a
 * field of an unexpected type is dropped (its name logged, never its value) instead of losing the event. Only a
 * body that is not a JSON object, or names no customer, is malformed.
 *
 * <p>Ids are read from the parsed integer (a {@code long}, exact), never through a double; an id written as a
 * float is refused rather than rounded.
 */
@ApplicationScoped
public class CustomerWebhookReader {

    private static final Logger LOG = Logger.getLogger(CustomerWebhookReader.class);

    /** The change the event asks for; empty for a topic on shopify.customers this service does not project. */
    public Optional<CustomerChange> read(ShopifyEvent event) {
        if (ReconcileType.CUSTOMERS.eventType().equals(event.type())) {
            return Optional.of(new CustomerChange.Upsert(CustomerNodeReader.snapshot(event, object(event))));
        }
        return switch (event.type()) {
            case "customers/create", "customers/update", "customers/enable", "customers/disable" ->
                Optional.of(new CustomerChange.Upsert(snapshot(event, object(event))));
            case "customers/delete" ->
                Optional.of(new CustomerChange.Erase(requiredId(event, object(event), "id"), eventTime(event)));
            case "customers/merge" -> merge(event, object(event));
            case "customers_email_marketing_consent/update" ->
                Optional.of(consent(
                        event,
                        object(event),
                        "customer_id",
                        "email_marketing_consent",
                        CustomerChange.Consent.Channel.EMAIL));
            case "customers_marketing_consent/update" ->
                Optional.of(consent(
                        event, object(event), "id", "sms_marketing_consent", CustomerChange.Consent.Channel.SMS));
            case "customer.tags_added", "customer.tags_removed" -> Optional.of(tags(event, object(event)));
            case "customers/purchasing_summary" -> Optional.of(purchasingSummary(event, object(event)));
            default -> Optional.empty();
        };
    }

    /** Only a completed merge changes anything; a failed one (Shopify sends those too) merged nothing. */
    private static Optional<CustomerChange> merge(ShopifyEvent event, JsonNode body) {
        if (!"completed".equals(text(body, "status"))) {
            return Optional.empty();
        }
        return Optional.of(new CustomerChange.Merge(
                requiredId(event, body, "admin_graphql_api_customer_kept_id"),
                requiredId(event, body, "admin_graphql_api_customer_deleted_id"),
                eventTime(event)));
    }

    private static CustomerChange consent(
            ShopifyEvent event,
            JsonNode body,
            String idField,
            String consentField,
            CustomerChange.Consent.Channel channel) {
        JsonNode consent = body.path(consentField);
        Instant updatedAt = consent.isObject() ? timestamp(consent, "consent_updated_at") : null;
        return new CustomerChange.Consent(
                requiredId(event, body, idField),
                channel,
                consent.isObject() ? text(consent, "state") : null,
                consent.isObject() ? text(consent, "opt_in_level") : null,
                updatedAt,
                updatedAt != null ? updatedAt : eventTime(event));
    }

    /** The tags of a JSON list, stripped, blanks and repeats left out, in order; empty when it is no list. */
    static Set<String> tagSet(JsonNode list) {
        Set<String> tags = new LinkedHashSet<>();
        if (list != null && list.isArray()) {
            list.forEach(tag -> {
                if (tag.isTextual() && !tag.textValue().isBlank()) {
                    tags.add(tag.textValue().strip());
                }
            });
        }
        return tags;
    }

    private static CustomerChange tags(ShopifyEvent event, JsonNode body) {
        Set<String> tags = tagSet(body.get("tags"));
        Instant occurredAt = timestamp(body, "occurredAt");
        return new CustomerChange.Tags(
                requiredId(event, body, "customerId"),
                tags,
                "customer.tags_added".equals(event.type()),
                occurredAt != null ? occurredAt : eventTime(event));
    }

    private static CustomerChange purchasingSummary(ShopifyEvent event, JsonNode body) {
        JsonNode amount = body.path("amountSpent");
        BigDecimal spent = amount.isObject() ? decimal(amount, "amount") : null;
        JsonNode orders = body.get("numberOfOrders");
        long count = orders != null && orders.canConvertToLong() ? orders.asLong() : 0;
        Instant occurredAt = timestamp(body, "occurredAt");
        return new CustomerChange.PurchasingSummary(
                requiredId(event, body, "customerId"),
                count,
                spent,
                amount.isObject() ? text(amount, "currencyCode") : null,
                occurredAt != null ? occurredAt : eventTime(event));
    }

    private CustomerSnapshot snapshot(ShopifyEvent event, JsonNode body) {
        long id = requiredId(event, body, "id");
        Instant updatedAt = timestamp(body, "updated_at");
        return new CustomerSnapshot(
                id,
                text(body, "email"),
                text(body, "first_name"),
                text(body, "last_name"),
                text(body, "phone"),
                text(body, "state"),
                text(body, "note"),
                bool(body, "verified_email"),
                text(body, "currency"),
                timestamp(body, "created_at"),
                updatedAt != null ? updatedAt : eventTime(event),
                text(body, "tags"),
                consent(body.get("email_marketing_consent")),
                addresses(body));
    }

    private static EmailMarketingConsent consent(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new EmailMarketingConsent(
                text(node, "state"), text(node, "opt_in_level"), timestamp(node, "consent_updated_at"));
    }

    /**
     * The address list, with default_address folded in: Shopify marks it {@code default} and may send it apart
     * from the list (its own example has {@code "addresses": []} beside a default address). Null when the body
     * has neither.
     */
    private static List<AddressSnapshot> addresses(JsonNode body) {
        JsonNode list = body.get("addresses");
        AddressSnapshot defaultAddress = address(body.get("default_address"), true);
        if ((list == null || !list.isArray()) && defaultAddress == null) {
            return null;
        }
        List<AddressSnapshot> addresses = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(node -> {
                AddressSnapshot address = address(node, false);
                if (address != null && addresses.stream().noneMatch(a -> a.id() == address.id())) {
                    addresses.add(address);
                }
            });
        }
        if (defaultAddress != null) {
            // default_address names the default: every other address is not
            addresses.replaceAll(a -> a.asDefault(a.id() == defaultAddress.id()));
            if (addresses.stream().noneMatch(a -> a.id() == defaultAddress.id())) {
                addresses.add(defaultAddress);
            }
        }
        return addresses;
    }

    private static AddressSnapshot address(JsonNode node, boolean isDefault) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Long id = id(node.get("id"));
        if (id == null) {
            LOG.warn("customer address without a usable id skipped");
            return null;
        }
        Boolean flagged = bool(node, "default");
        return new AddressSnapshot(
                id,
                text(node, "first_name"),
                text(node, "last_name"),
                text(node, "company"),
                text(node, "address1"),
                text(node, "address2"),
                text(node, "city"),
                text(node, "province"),
                text(node, "province_code"),
                text(node, "country"),
                text(node, "country_code"),
                text(node, "zip"),
                text(node, "phone"),
                isDefault || Boolean.TRUE.equals(flagged));
    }
}
