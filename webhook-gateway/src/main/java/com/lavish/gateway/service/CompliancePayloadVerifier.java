package com.lavish.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.events.ComplianceTopics;
import com.lavish.events.JsonSelection;
import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.WebhookFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Holds the signed bodies of the privacy topics and of {@code app/uninstalled} to the unsigned headers of their
 * delivery. Shopify signs the body only (docs/shopify-reference.md §1.2), so a body captured from one delivery can be
 * resent under another {@code X-Shopify-Topic} or {@code X-Shopify-Shop-Domain}; on these topics that would erase a
 * customer or a whole shop, or record a shop as gone. Each must therefore carry its own topic's payload (§1.6: the
 * privacy payloads, and the shop resource for {@code app/uninstalled}) and name, in its shop field, the shop the
 * delivery claims. A {@code shop_id} cannot be compared (SHOPIFY_SHOPS lists domains only), so it must at least be a
 * shop id. Other topics are left to their consumers, which order versions by the body's own fields. No I/O.
 */
final class CompliancePayloadVerifier {

    /** What is wrong with a body, in the caller's terms: the field at fault and a sentence about it. */
    record Mismatch(RejectionReason reason, String field, String detail) {}

    /** A field a topic's payload carries, described as the detail names it. */
    private record Field(String name, String description, Predicate<JsonNode> presentIn) {}

    /** The fields a topic's payload carries, those it never does, and the one of them that names its shop. */
    private record Shape(List<Field> carried, List<String> never, String shopField) {}

    // customer.id as event-consumer's PrivacyRequest reads it: an exact 64-bit id, or the consumer would dead-letter it
    private static final Field CUSTOMER = new Field(
            "customer",
            "customer (an object with an id)",
            body -> body.path("customer").isObject()
                    && isShopifyId(body.path("customer").get("id")));
    private static final Field ORDERS_TO_REDACT = new Field(
            "orders_to_redact",
            "orders_to_redact (an array)",
            body -> body.path("orders_to_redact").isArray());
    private static final Field ORDERS_REQUESTED = new Field(
            "orders_requested",
            "orders_requested (an array)",
            body -> body.path("orders_requested").isArray());
    private static final Field SHOP_DOMAIN = new Field(
            "shop_domain",
            "shop_domain (text)",
            body -> body.path("shop_domain").isTextual());
    private static final Field SHOP_ID =
            new Field("shop_id", "shop_id (a positive integer id)", body -> isShopifyId(body.get("shop_id")));
    // the shop resource (Shopify's Shop: id, name, domain, myshopify_domain, plan_name...): the id keys the record
    private static final Field SHOP_RESOURCE_ID =
            new Field("id", "id (the shop's positive integer id)", body -> isShopifyId(body.get("id")));
    private static final Field MYSHOPIFY_DOMAIN = new Field(
            "myshopify_domain",
            "myshopify_domain (text)",
            body -> body.path("myshopify_domain").isTextual());

    private static final Map<String, Shape> SHAPES = Map.of(
            ComplianceTopics.CUSTOMERS_REDACT,
                    new Shape(List.of(CUSTOMER, ORDERS_TO_REDACT, SHOP_DOMAIN, SHOP_ID), List.of(), SHOP_DOMAIN.name()),
            ComplianceTopics.CUSTOMERS_DATA_REQUEST,
                    new Shape(List.of(CUSTOMER, ORDERS_REQUESTED, SHOP_DOMAIN, SHOP_ID), List.of(), SHOP_DOMAIN.name()),
            ComplianceTopics.SHOP_REDACT,
                    new Shape(List.of(SHOP_DOMAIN, SHOP_ID), List.of(CUSTOMER.name()), SHOP_DOMAIN.name()),
            ComplianceTopics.APP_UNINSTALLED,
                    new Shape(List.of(SHOP_RESOURCE_ID, MYSHOPIFY_DOMAIN), List.of(), MYSHOPIFY_DOMAIN.name()));

    /** Only the fields looked at become a tree; the rest of the body is skipped, still checked to be JSON. */
    private static final JsonSelection READ = JsonSelection.of(
                    "shop_domain", "shop_id", "orders_to_redact", "orders_requested", "id", "myshopify_domain")
            .with("customer", JsonSelection.of("id"));

    private CompliancePayloadVerifier() {}

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
            return Optional.of(new Mismatch(
                    RejectionReason.BODY_NOT_OF_TOPIC,
                    missing.get(0).name(),
                    withArticle(event.type()) + " body carries " + describe(shape.carried()) + "; this one lacks "
                            + names(missing) + ", so it is not " + withArticle(event.type()) + " payload"));
        }
        for (String field : shape.never()) {
            if (body.hasNonNull(field)) {
                return Optional.of(new Mismatch(
                        RejectionReason.BODY_NOT_OF_TOPIC,
                        field,
                        withArticle(event.type())
                                + " body has no " + field + "; this one has, so it is not " + withArticle(event.type())
                                + " payload"));
            }
        }
        String shopField = shape.shopField();
        String bodyShop = body.get(shopField).textValue().trim().toLowerCase(Locale.ROOT);
        if (!bodyShop.equals(event.shopDomain())) {
            // neither value is echoed: the detail says which fields disagree, the caller has both
            return Optional.of(new Mismatch(
                    RejectionReason.SHOP_MISMATCH,
                    shopField,
                    "the body's " + shopField + " names another shop than the X-Shopify-Shop-Domain header: "
                            + withArticle(event.type()) + " applies only to the shop its signed body names"));
        }
        return Optional.empty();
    }

    /** An exact id as Shopify gives them: positive (a zero or negative number names no customer or shop). */
    private static boolean isShopifyId(JsonNode node) {
        Long id = WebhookFields.id(node);
        return id != null && id > 0;
    }

    /** "a customers/redact", "an app/uninstalled". */
    private static String withArticle(String topic) {
        return ("aeiou".indexOf(topic.charAt(0)) >= 0 ? "an " : "a ") + topic;
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
