package com.lavish.customers.messaging;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.lavish.customers.service.CustomerChange;
import com.lavish.customers.service.CustomerSnapshot;
import com.lavish.customers.service.CustomerSnapshot.AddressSnapshot;
import com.lavish.customers.service.CustomerSnapshot.EmailMarketingConsent;
import com.lavish.events.MalformedEventException;
import com.lavish.events.PayloadInspector;
import com.lavish.events.ShopifyEvent;

/**
 * Reads a customers/* webhook body (Shopify's REST shape, API 2026-07) into a {@link CustomerChange}. Tolerant of
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

    private final ObjectMapper json;

    public CustomerWebhookReader(ObjectMapper json) {
        this.json = json;
    }

    /** The change the event asks for; empty for a topic on shopify.customers this service does not project. */
    public Optional<CustomerChange> read(ShopifyEvent event) {
        return switch (event.type()) {
            case "customers/create", "customers/update", "customers/enable", "customers/disable" ->
                    Optional.of(new CustomerChange.Upsert(snapshot(event, body(event))));
            case "customers/delete" -> Optional.of(new CustomerChange.Erase(customerId(event, body(event)), time(event)));
            case "customers/merge" -> merge(event, body(event));
            case "customers_email_marketing_consent/update" -> Optional.of(consent(event, body(event), "customer_id",
                    "email_marketing_consent", CustomerChange.Consent.Channel.EMAIL));
            case "customers_marketing_consent/update" -> Optional.of(consent(event, body(event), "id",
                    "sms_marketing_consent", CustomerChange.Consent.Channel.SMS));
            case "customer.tags_added", "customer.tags_removed" -> Optional.of(tags(event, body(event)));
            case "customers/purchasing_summary" -> Optional.of(purchasingSummary(event, body(event)));
            default -> Optional.empty();
        };
    }

    /** Only a completed merge changes anything; a failed one (Shopify sends those too) merged nothing. */
    private static Optional<CustomerChange> merge(ShopifyEvent event, JsonNode body) {
        if (!"completed".equals(text(body, "status"))) {
            return Optional.empty();
        }
        return Optional.of(new CustomerChange.Merge(requiredId(event, body, "admin_graphql_api_customer_kept_id"),
                requiredId(event, body, "admin_graphql_api_customer_deleted_id"), time(event)));
    }

    private static CustomerChange consent(ShopifyEvent event, JsonNode body, String idField, String consentField,
                                          CustomerChange.Consent.Channel channel) {
        JsonNode consent = body.path(consentField);
        Instant updatedAt = consent.isObject() ? timestamp(consent, "consent_updated_at") : null;
        return new CustomerChange.Consent(requiredId(event, body, idField), channel,
                consent.isObject() ? text(consent, "state") : null,
                consent.isObject() ? text(consent, "opt_in_level") : null,
                updatedAt, updatedAt != null ? updatedAt : time(event));
    }

    private static CustomerChange tags(ShopifyEvent event, JsonNode body) {
        Set<String> tags = new LinkedHashSet<>();
        JsonNode list = body.get("tags");
        if (list != null && list.isArray()) {
            list.forEach(tag -> {
                if (tag.isTextual() && !tag.textValue().isBlank()) {
                    tags.add(tag.textValue().strip());
                }
            });
        }
        Instant occurredAt = timestamp(body, "occurredAt");
        return new CustomerChange.Tags(requiredId(event, body, "customerId"), tags,
                "customer.tags_added".equals(event.type()), occurredAt != null ? occurredAt : time(event));
    }

    private static CustomerChange purchasingSummary(ShopifyEvent event, JsonNode body) {
        JsonNode amount = body.path("amountSpent");
        BigDecimal spent = null;
        String text = amount.isObject() ? text(amount, "amount") : null;
        if (text != null) {
            try {
                spent = new BigDecimal(text);
            } catch (NumberFormatException e) {
                LOG.warn("customer field amountSpent.amount is not a decimal; ignored");
            }
        }
        JsonNode orders = body.get("numberOfOrders");
        long count = orders != null && orders.canConvertToLong() ? orders.asLong() : 0;
        Instant occurredAt = timestamp(body, "occurredAt");
        return new CustomerChange.PurchasingSummary(requiredId(event, body, "customerId"), count, spent,
                amount.isObject() ? text(amount, "currencyCode") : null, occurredAt != null ? occurredAt : time(event));
    }

    /** The customer id of a field that holds a number, a string of digits or a gid; malformed without one. */
    private static long requiredId(ShopifyEvent event, JsonNode body, String field) {
        JsonNode node = body.get(field);
        Long id = node != null && node.isTextual() && node.textValue().startsWith("gid://")
                ? id(TextNode.valueOf(PayloadInspector.numericPart(node.textValue()))) : id(node);
        if (id == null) {
            throw new MalformedEventException(event.type() + " names no customer id (at \"" + field + "\")");
        }
        return id;
    }

    private JsonNode body(ShopifyEvent event) {
        JsonNode body;
        try {
            body = json.readTree(event.payload());
        } catch (IOException e) {
            throw new MalformedEventException("body of " + event.type() + " is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new MalformedEventException("body of " + event.type() + " is not a JSON object");
        }
        return body;
    }

    private CustomerSnapshot snapshot(ShopifyEvent event, JsonNode body) {
        long id = customerId(event, body);
        Instant updatedAt = timestamp(body, "updated_at");
        return new CustomerSnapshot(id, text(body, "email"), text(body, "first_name"), text(body, "last_name"),
                text(body, "phone"), text(body, "state"), text(body, "note"), bool(body, "verified_email"),
                text(body, "currency"), timestamp(body, "created_at"), updatedAt != null ? updatedAt : time(event),
                text(body, "tags"), consent(body.get("email_marketing_consent")), addresses(body));
    }

    private static long customerId(ShopifyEvent event, JsonNode body) {
        return requiredId(event, body, "id");
    }

    /** An exact 64-bit id: a JSON integer that fits a long, or a string of digits; anything else is no id. */
    static Long id(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && !node.textValue().isEmpty() && node.textValue().chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(node.textValue());
            } catch (NumberFormatException beyondLong) {
                return null;
            }
        }
        return null;
    }

    /** When Shopify triggered the event (ce_time): the version of a delete, and of a body without updated_at. */
    private static Instant time(ShopifyEvent event) {
        Instant time = parseTimestamp(event.time());
        if (time == null) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp");
        }
        return time;
    }

    private static EmailMarketingConsent consent(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new EmailMarketingConsent(text(node, "state"), text(node, "opt_in_level"),
                timestamp(node, "consent_updated_at"));
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
        return new AddressSnapshot(id, text(node, "first_name"), text(node, "last_name"), text(node, "company"),
                text(node, "address1"), text(node, "address2"), text(node, "city"), text(node, "province"),
                text(node, "province_code"), text(node, "country"), text(node, "country_code"), text(node, "zip"),
                text(node, "phone"), isDefault || Boolean.TRUE.equals(flagged));
    }

    /** A string field as sent; a number or boolean where text belongs is kept as its text. */
    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            // PostgreSQL cannot store U+0000 in text; dropping it beats losing the event
            return node.asText().replace("\u0000", "");
        }
        LOG.warnf("customer field %s is not a text value; ignored", field);
        return null;
    }

    private static Boolean bool(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
            return Boolean.parseBoolean(node.textValue());
        }
        LOG.warnf("customer field %s is not a boolean; ignored", field);
        return null;
    }

    private static Instant timestamp(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        Instant parsed = node.isTextual() ? parseTimestamp(node.textValue()) : null;
        if (parsed == null) {
            LOG.warnf("customer field %s is not a timestamp; ignored", field);
        }
        return parsed;
    }

    /**
     * RFC 3339 with any offset; also the {@code 2019-01-01 00:00:00.000Z} spelling some exports use. Years outside
     * 1..9999 are refused: Java reads them, PostgreSQL would refuse the whole row.
     */
    static Instant parseTimestamp(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text.trim().replace(' ', 'T'));
            return parsed.getYear() >= 1 && parsed.getYear() <= 9999 ? parsed.toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
