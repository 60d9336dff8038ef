package com.lavish.orders.messaging;

import static com.lavish.events.WebhookFields.decimal;
import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.id;
import static com.lavish.events.WebhookFields.integer;
import static com.lavish.events.WebhookFields.object;
import static com.lavish.events.WebhookFields.requiredId;
import static com.lavish.events.WebhookFields.text;
import static com.lavish.events.WebhookFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.events.JsonSelection;
import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.ReconcileType;
import com.lavish.orders.service.FulfillmentSnapshot;
import com.lavish.orders.service.OrderChange;
import com.lavish.orders.service.OrderSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the webhook bodies on shopify.orders (Shopify's REST shape, API 2026-07) into an {@link OrderChange}.
 * Tolerant as Shopify needs: unknown fields are ignored, nulls accepted, timestamps may carry any offset, and a
 * field of an unexpected type is dropped (its name logged, never its value) rather than losing the event. Only a
 * body that is not a JSON object, or names no order, is malformed.
 *
 * <p>Ids are exact {@code long}s (a JSON integer or a string of digits, never through a double); money is read
 * as {@link BigDecimal} from Shopify's decimal strings, the shop's currency beside it.
 */
@ApplicationScoped
public class OrderWebhookReader {

    private static final Logger LOG = Logger.getLogger(OrderWebhookReader.class);

    private static final JsonSelection ADDRESS = JsonSelection.of(
            "name",
            "company",
            "address1",
            "address2",
            "city",
            "province",
            "province_code",
            "country",
            "country_code",
            "zip",
            "phone");
    private static final JsonSelection SHOP_MONEY = JsonSelection.of().with("shop_money", JsonSelection.of("amount"));

    /**
     * The fields of an order that {@link #order} reads, and only those become a tree (a test holds the two equal): the
     * rest of Shopify's ten-kilobyte order, price sets, tax lines, discount allocations, is skipped as it is parsed.
     */
    static final JsonSelection ORDER_FIELDS = JsonSelection.of(
                    "id",
                    "updated_at",
                    "order_number",
                    "name",
                    "email",
                    "contact_email",
                    "phone",
                    "note",
                    "currency",
                    "current_subtotal_price",
                    "subtotal_price",
                    "current_total_tax",
                    "total_tax",
                    "current_total_discounts",
                    "total_discounts",
                    "current_total_price",
                    "total_price",
                    "financial_status",
                    "fulfillment_status",
                    "cancelled_at",
                    "cancel_reason",
                    "created_at",
                    "processed_at")
            .with("customer", JsonSelection.of("id", "first_name", "last_name"))
            .with("current_shipping_price_set", SHOP_MONEY)
            .with("total_shipping_price_set", SHOP_MONEY)
            .with("shipping_address", ADDRESS)
            .with("billing_address", ADDRESS)
            .with(
                    "line_items",
                    JsonSelection.of(
                                    "id",
                                    "quantity",
                                    "product_id",
                                    "variant_id",
                                    "title",
                                    "variant_title",
                                    "sku",
                                    "current_quantity",
                                    "price",
                                    "total_discount",
                                    "selling_plan_id",
                                    "fulfillment_status")
                            .with(
                                    "selling_plan_allocation",
                                    JsonSelection.of().with("selling_plan", JsonSelection.of("id", "name"))))
            .with(
                    "fulfillments",
                    JsonSelection.of(
                            "id",
                            "name",
                            "status",
                            "shipment_status",
                            "tracking_company",
                            "tracking_number",
                            "tracking_url",
                            "created_at",
                            "updated_at"));

    /** The order topics whose body is a whole order. */
    private static final List<String> ORDER_VERSIONS = List.of(
            "orders/create",
            "orders/updated",
            "orders/paid",
            "orders/cancelled",
            "orders/fulfilled",
            "orders/partially_fulfilled");

    /** The change the event asks for; empty for a topic on shopify.orders this service does not project. */
    public Optional<OrderChange> read(ShopifyEvent event) {
        String type = event.type();
        if (ReconcileType.ORDERS.eventType().equals(type)) {
            return Optional.of(new OrderChange.Upsert(OrderNodeReader.snapshot(event, object(event))));
        }
        if (ORDER_VERSIONS.contains(type)) {
            return Optional.of(new OrderChange.Upsert(order(event, object(event, ORDER_FIELDS))));
        }
        return switch (type) {
            case "orders/delete" ->
                Optional.of(new OrderChange.Delete(requiredId(event, object(event), "id"), eventTime(event)));
            case "fulfillments/create", "fulfillments/update" -> {
                JsonNode body = object(event);
                yield Optional.of(new OrderChange.Fulfillment(fulfillment(body, requiredId(event, body, "order_id"))));
            }
            case "orders/edited" -> Optional.of(edit(event, object(event)));
            default -> Optional.empty();
        };
    }

    OrderSnapshot order(ShopifyEvent event, JsonNode body) {
        long id = requiredId(event, body, "id");
        JsonNode customer = body.path("customer");
        Instant updatedAt = timestamp(body, "updated_at");
        List<OrderSnapshot.Line> lines = new ArrayList<>();
        body.path("line_items").forEach(node -> line(node).ifPresent(lines::add));
        List<FulfillmentSnapshot> fulfillments = new ArrayList<>();
        body.path("fulfillments").forEach(node -> {
            if (node.isObject() && id(node.get("id")) != null) {
                fulfillments.add(fulfillment(node, id));
            }
        });
        return new OrderSnapshot(
                id,
                id(customer.get("id")),
                id(body.get("order_number")),
                text(body, "name"),
                firstText(body, "email", "contact_email"),
                text(body, "phone"),
                text(customer, "first_name"),
                text(customer, "last_name"),
                text(body, "note"),
                text(body, "currency"),
                // current_* are the figures after edits, returns and removals; the originals when they are absent
                money(body, "current_subtotal_price", "subtotal_price"),
                shopMoney(body, "current_shipping_price_set", "total_shipping_price_set"),
                money(body, "current_total_tax", "total_tax"),
                money(body, "current_total_discounts", "total_discounts"),
                money(body, "current_total_price", "total_price"),
                text(body, "financial_status"),
                text(body, "fulfillment_status"),
                timestamp(body, "cancelled_at"),
                text(body, "cancel_reason"),
                timestamp(body, "created_at"),
                timestamp(body, "processed_at"),
                updatedAt != null ? updatedAt : eventTime(event),
                address(body.get("shipping_address")),
                address(body.get("billing_address")),
                lines,
                fulfillments);
    }

    private static Optional<OrderSnapshot.Line> line(JsonNode node) {
        Long id = node.isObject() ? id(node.get("id")) : null;
        if (id == null) {
            LOG.warn("order line without a usable id skipped");
            return Optional.empty();
        }
        Integer quantity = integer(node, "quantity");
        // selling_plan_id is on line items from API 2026-10; a 2026-07 payload has none (null: a one-off line)
        JsonNode allocation = node.path("selling_plan_allocation").path("selling_plan");
        Long sellingPlanId = id(node.get("selling_plan_id"));
        return Optional.of(new OrderSnapshot.Line(
                id,
                id(node.get("product_id")),
                id(node.get("variant_id")),
                text(node, "title"),
                text(node, "variant_title"),
                text(node, "sku"),
                quantity == null ? 0 : quantity,
                integer(node, "current_quantity"),
                money(node, "price"),
                money(node, "total_discount"),
                sellingPlanId != null ? sellingPlanId : id(allocation.get("id")),
                text(allocation, "name"),
                text(node, "fulfillment_status")));
    }

    private static FulfillmentSnapshot fulfillment(JsonNode node, long orderId) {
        Long id = id(node.get("id"));
        if (id == null) {
            throw new MalformedEventException("fulfillment names no id (an integer at \"id\")");
        }
        return new FulfillmentSnapshot(
                id,
                orderId,
                text(node, "name"),
                text(node, "status"),
                text(node, "shipment_status"),
                text(node, "tracking_company"),
                text(node, "tracking_number"),
                text(node, "tracking_url"),
                timestamp(node, "created_at"),
                timestamp(node, "updated_at"));
    }

    private static OrderChange.Edit edit(ShopifyEvent event, JsonNode body) {
        JsonNode edit = body.path("order_edit");
        Long editId = id(edit.get("id"));
        Long orderId = id(edit.get("order_id"));
        if (editId == null || orderId == null) {
            throw new MalformedEventException(event.type() + " names no order edit (integers at \"order_edit.id\" "
                    + "and \"order_edit.order_id\")");
        }
        JsonNode lines = edit.get("line_items");
        Instant committedAt = timestamp(edit, "committed_at");
        return new OrderChange.Edit(
                orderId,
                editId,
                timestamp(edit, "created_at"),
                committedAt != null ? committedAt : eventTime(event),
                lines != null && lines.isObject() ? lines.toString() : null);
    }

    private static OrderSnapshot.Address address(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new OrderSnapshot.Address(
                text(node, "name"),
                text(node, "company"),
                text(node, "address1"),
                text(node, "address2"),
                text(node, "city"),
                text(node, "province"),
                text(node, "province_code"),
                text(node, "country"),
                text(node, "country_code"),
                text(node, "zip"),
                text(node, "phone"));
    }

    /** The first of the fields that holds an amount (Shopify's decimal string, "414.95", or a JSON number). */
    private static BigDecimal money(JsonNode parent, String... fields) {
        for (String field : fields) {
            BigDecimal amount = decimal(parent, field);
            if (amount != null) {
                return amount;
            }
        }
        return null;
    }

    /** The shop-currency amount of a {@code *_set} (shop_money and presentment_money). */
    private static BigDecimal shopMoney(JsonNode parent, String... sets) {
        for (String set : sets) {
            BigDecimal amount = money(parent.path(set).path("shop_money"), "amount");
            if (amount != null) {
                return amount;
            }
        }
        return null;
    }

    private static String firstText(JsonNode parent, String... fields) {
        for (String field : fields) {
            String value = text(parent, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
