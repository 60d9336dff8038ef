package com.lavish.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import com.lavish.events.ComplianceTopics;
import com.lavish.events.JsonSelection;
import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.WebhookFields;

/**
 * Holds the privacy topics' signed bodies to the unsigned headers of their delivery. Shopify signs the body only
 * (docs/shopify-reference.md §1.2), so a body captured from one delivery can be resent under another
 * {@code X-Shopify-Topic} or {@code X-Shopify-Shop-Domain}; on these three topics that would erase a customer or a
 * whole shop. Each must therefore carry its own topic's payload (§1.6) and name, in {@code shop_domain}, the shop the
 * delivery claims. {@code shop_id} cannot be compared: SHOPIFY_SHOPS lists domains only. Other topics are left to
 * their consumers, which order versions by the body's own fields. No I/O.
 */
final class CompliancePayloadVerifier {

    /** What is wrong with a body, in the caller's terms: the field at fault and a sentence about it. */
    record Mismatch(RejectionReason reason, String field, String detail) {
    }

    /** A field a topic's payload carries, described as the detail names it. */
    private record Field(String name, String description, Predicate<JsonNode> presentIn) {
    }

    /** The fields a topic's payload carries, and those it never does. */
    private record Shape(List<Field> carried, List<String> never) {
    }

    // customer.id as event-consumer's PrivacyRequest reads it: an exact 64-bit id, or the consumer would dead-letter it
    private static final Field CUSTOMER = new Field("customer", "customer (an object with an id)",
            body -> body.path("customer").isObject() && WebhookFields.id(body.path("customer").get("id")) != null);
    private static final Field ORDERS_TO_REDACT = new Field("orders_to_redact", "orders_to_redact (an array)",
            body -> body.path("orders_to_redact").isArray());
    private static final Field ORDERS_REQUESTED = new Field("orders_requested", "orders_requested (an array)",
            body -> body.path("orders_requested").isArray());
    private static final Field SHOP_DOMAIN = new Field("shop_domain", "shop_domain (text)",
            body -> body.path("shop_domain").isTextual());
    private static final Field SHOP_ID = new Field("shop_id", "shop_id (an integer id)",
            body -> WebhookFields.id(body.get("shop_id")) != null);

    private static final Map<String, Shape> SHAPES = Map.of(
            ComplianceTopics.CUSTOMERS_REDACT, new Shape(List.of(CUSTOMER, ORDERS_TO_REDACT, SHOP_DOMAIN), List.of()),
            ComplianceTopics.CUSTOMERS_DATA_REQUEST, new Shape(List.of(CUSTOMER, ORDERS_REQUESTED, SHOP_DOMAIN), List.of()),
            ComplianceTopics.SHOP_REDACT, new Shape(List.of(SHOP_DOMAIN, SHOP_ID), List.of(CUSTOMER.name())));

    /** Only the fields looked at become a tree; the rest of the body is skipped, still checked to be JSON. */
    private static final JsonSelection READ = JsonSelection.of("shop_domain", "shop_id", "orders_to_redact",
            "orders_requested").with("customer", JsonSelection.of("id"));

    private CompliancePayloadVerifier() {
    }

    /**
     * @param event the delivery as it would be published: its type is the topic header, its shop the header's shop
     *              (normalised), its payload the verified body
     * @return what is wrong, or empty when the body is of the topic and of the shop (and for any other topic)
     * @throws MalformedEventException when the body is not one JSON object
     */
    static Optional<Mismatch> check(ShopifyEvent event) {
        Shape shape = SHAPES.get(event.type());
        if (shape == null) {
            return Optional.empty();
        }
        JsonNode body = WebhookFields.object(event, READ);
        List<Field> missing = new ArrayList<>();
        for (Field field : shape.carried()) {
            if (!field.presentIn().test(body)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new Mismatch(RejectionReason.BODY_NOT_OF_TOPIC, missing.get(0).name(),
                    "a " + event.type() + " body carries " + describe(shape.carried()) + "; this one lacks "
                            + names(missing) + ", so it is not a " + event.type() + " payload"));
        }
        for (String field : shape.never()) {
            if (body.hasNonNull(field)) {
                return Optional.of(new Mismatch(RejectionReason.BODY_NOT_OF_TOPIC, field, "a " + event.type()
                        + " body has no " + field + "; this one has, so it is not a " + event.type() + " payload"));
            }
        }
        String bodyShop = body.get("shop_domain").textValue().trim().toLowerCase(Locale.ROOT);
        if (!bodyShop.equals(event.shopDomain())) {
            // neither value is echoed: the detail says which fields disagree, the caller has both
            return Optional.of(new Mismatch(RejectionReason.SHOP_MISMATCH, "shop_domain",
                    "the body's shop_domain names another shop than the X-Shopify-Shop-Domain header: a "
                            + event.type() + " applies only to the shop its signed body names"));
        }
        return Optional.empty();
    }

    private static String describe(List<Field> fields) {
        List<String> descriptions = fields.stream().map(Field::description).toList();
        return String.join(", ", descriptions.subList(0, descriptions.size() - 1)) + " and "
                + descriptions.get(descriptions.size() - 1);
    }

    private static String names(List<Field> fields) {
        return String.join(", ", fields.stream().map(Field::name).toList());
    }
}
