package com.lavish.subscriptions.messaging;

import static com.lavish.events.WebhookFields.bool;
import static com.lavish.events.WebhookFields.decimal;
import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.id;
import static com.lavish.events.WebhookFields.integer;
import static com.lavish.events.WebhookFields.object;
import static com.lavish.events.WebhookFields.requiredId;
import static com.lavish.events.WebhookFields.text;
import static com.lavish.events.WebhookFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.events.MalformedEventException;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.ReconcileType;
import com.lavish.subscriptions.service.ContractSnapshot;
import com.lavish.subscriptions.service.SubscriptionChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads shopify.subscriptions bodies into a {@link SubscriptionChange}: the REST-shaped webhooks (snake_case,
 * lower-case statuses and intervals, numeric ids) and the Admin API node sync-service publishes as
 * {@code reconcile/subscription_contracts} (camelCase, enums, gids) alike. Lenient as Shopify needs: unknown fields
 * are ignored and an odd field is dropped, never the event; only a body that is not a JSON object or names no
 * entity is malformed.
 */
@ApplicationScoped
public class SubscriptionWebhookReader {

    private static final Logger LOG = Logger.getLogger(SubscriptionWebhookReader.class);

    private static final String CONTRACTS = "subscription_contracts/";
    private static final String BILLING_ATTEMPTS = "subscription_billing_attempts/";
    private static final String BILLING_CYCLES = "subscription_billing_cycles/";
    private static final String GROUPS = "selling_plan_groups/";

    /** The change the event asks for; empty for a type this service does not apply (billing cycle edits, say). */
    public Optional<SubscriptionChange> read(ShopifyEvent event) {
        String type = event.type();
        if (ReconcileType.ofEventType(type)
                .filter(t -> t == ReconcileType.SUBSCRIPTION_CONTRACTS)
                .isPresent()) {
            return Optional.of(new SubscriptionChange.ContractVersion(node(event, object(event))));
        }
        if (type.startsWith(CONTRACTS)) {
            return Optional.of(new SubscriptionChange.ContractVersion(webhook(event, object(event))));
        }
        if (type.startsWith(BILLING_ATTEMPTS)) {
            String outcome = type.substring(BILLING_ATTEMPTS.length());
            return List.of("success", "failure", "challenged").contains(outcome)
                    ? Optional.of(billingAttempt(event, object(event), outcome))
                    : Optional.empty();
        }
        if (type.equals(BILLING_CYCLES + "skip") || type.equals(BILLING_CYCLES + "unskip")) {
            return Optional.of(cycleSkip(event, object(event), type.endsWith("/skip")));
        }
        if (type.equals(GROUPS + "create") || type.equals(GROUPS + "update")) {
            return Optional.of(new SubscriptionChange.GroupVersion(group(event, object(event)), eventTime(event)));
        }
        if (type.equals(GROUPS + "delete")) {
            return Optional.of(
                    new SubscriptionChange.GroupDeleted(requiredId(event, object(event), "id"), eventTime(event)));
        }
        return Optional.empty();
    }

    /** A webhook: what it carries, and nothing of what it lacks (lines, next billing date, address). */
    private static ContractSnapshot webhook(ShopifyEvent event, JsonNode body) {
        return new ContractSnapshot(
                requiredId(event, body, "id"),
                id(body.get("customer_id")),
                id(body.get("origin_order_id")),
                lower(text(body, "status")),
                text(body, "currency_code"),
                revision(body.get("revision_id")),
                eventTime(event),
                false,
                null,
                policy(body.path("billing_policy"), "interval_count", "min_cycles", "max_cycles"),
                policy(body.path("delivery_policy"), "interval_count", null, null),
                null,
                null);
    }

    /** The Admin API's SubscriptionContract node: the whole contract. */
    private static ContractSnapshot node(ShopifyEvent event, JsonNode body) {
        List<ContractSnapshot.Line> lines = new ArrayList<>();
        JsonNode nodes = body.path("lines").path("nodes");
        if (!nodes.isArray()) {
            // a connection read with edges instead of nodes
            nodes = body.path("lines").path("edges");
        }
        nodes.forEach(node -> line(node.has("node") ? node.get("node") : node).ifPresent(lines::add));
        JsonNode address = body.path("deliveryMethod").path("address");
        return new ContractSnapshot(
                requiredId(event, body, "id"),
                id(body.path("customer").get("id")),
                id(body.path("originOrder").get("id")),
                lower(text(body, "status")),
                text(body, "currencyCode"),
                revision(body.get("revisionId")),
                eventTime(event),
                true,
                timestamp(body, "nextBillingDate"),
                policy(body.path("billingPolicy"), "intervalCount", "minCycles", "maxCycles"),
                policy(body.path("deliveryPolicy"), "intervalCount", null, null),
                address.isObject() ? address(address) : null,
                lines);
    }

    private static Optional<ContractSnapshot.Line> line(JsonNode node) {
        String id = node.isObject() ? text(node, "id") : null;
        if (id == null || id.isBlank()) {
            LOG.warn("subscription line without an id skipped");
            return Optional.empty();
        }
        Integer quantity = integer(node, "quantity");
        JsonNode price = node.path("currentPrice");
        return Optional.of(new ContractSnapshot.Line(
                id,
                id(node.get("productId")),
                id(node.get("variantId")),
                id(node.get("sellingPlanId")),
                text(node, "sellingPlanName"),
                text(node, "title"),
                text(node, "variantTitle"),
                text(node, "sku"),
                quantity == null ? 0 : quantity,
                price.isObject() ? decimal(price, "amount") : null,
                price.isObject() ? text(price, "currencyCode") : null));
    }

    private static ContractSnapshot.Address address(JsonNode node) {
        // countryCode is deprecated on MailingAddress in favour of countryCodeV2: take whichever came
        String country = text(node, "countryCodeV2");
        return new ContractSnapshot.Address(
                text(node, "firstName"),
                text(node, "lastName"),
                text(node, "address1"),
                text(node, "address2"),
                text(node, "city"),
                text(node, "provinceCode"),
                country != null ? country : text(node, "countryCode"),
                text(node, "zip"),
                text(node, "phone"));
    }

    private static ContractSnapshot.Policy policy(JsonNode node, String count, String min, String max) {
        if (!node.isObject()) {
            return null;
        }
        return new ContractSnapshot.Policy(
                lower(text(node, "interval")),
                integer(node, count),
                min == null ? null : integer(node, min),
                max == null ? null : integer(node, max));
    }

    private static SubscriptionChange billingAttempt(ShopifyEvent event, JsonNode body, String outcome) {
        Long contract = id(body.get("subscription_contract_id"));
        if (contract == null) {
            contract = id(body.get("admin_graphql_api_subscription_contract_id"));
        }
        if (contract == null) {
            throw new MalformedEventException(
                    event.type() + " names no contract (an integer at \"subscription_contract_id\")");
        }
        return new SubscriptionChange.BillingAttemptReport(
                contract,
                text(body, "idempotency_key"),
                id(body.get("id")),
                id(body.get("order_id")),
                outcome,
                lower(text(body, "error_code")),
                text(body, "error_message"),
                eventTime(event));
    }

    private static SubscriptionChange cycleSkip(ShopifyEvent event, JsonNode body, boolean skipTopic) {
        long contract = requiredId(event, body, "subscription_contract_id");
        Instant expected = timestamp(body, "billing_attempt_expected_date");
        Boolean skipped = bool(body, "skipped");
        return new SubscriptionChange.CycleSkip(
                contract,
                integer(body, "cycle_index"),
                expected == null ? null : LocalDate.ofInstant(expected, ZoneOffset.UTC),
                skipped != null ? skipped : skipTopic,
                eventTime(event));
    }

    private static SubscriptionChange.GroupSnapshot group(ShopifyEvent event, JsonNode body) {
        List<String> options = new ArrayList<>();
        body.path("options").forEach(option -> {
            if (option.isTextual()) {
                options.add(option.textValue());
            }
        });
        List<SubscriptionChange.PlanSnapshot> plans = new ArrayList<>();
        body.path("selling_plans").forEach(plan -> {
            String name = plan.isObject() ? text(plan, "name") : null;
            if (name != null) {
                plans.add(plan(plan, name));
            }
        });
        List<Long> products = null;
        if (body.path("products").isArray()) {
            products = new ArrayList<>();
            for (JsonNode product : body.get("products")) {
                Long productId = id(product.get("id"));
                if (productId != null) {
                    products.add(productId);
                }
            }
        }
        return new SubscriptionChange.GroupSnapshot(
                requiredId(event, body, "id"),
                text(body, "name"),
                text(body, "merchant_code"),
                text(body, "description"),
                options,
                plans,
                products);
    }

    private static SubscriptionChange.PlanSnapshot plan(JsonNode plan, String name) {
        JsonNode billing = plan.path("billing_policy");
        JsonNode delivery = plan.path("delivery_policy");
        JsonNode options = plan.path("options");
        // the price adjustment from the first cycle on: a policy without after_cycle, or after cycle 0
        JsonNode pricing = null;
        for (JsonNode policy : plan.path("pricing_policies")) {
            Integer after = integer(policy, "after_cycle");
            if (after == null || after == 0) {
                pricing = policy;
                break;
            }
        }
        return new SubscriptionChange.PlanSnapshot(
                name,
                options.isArray() && !options.isEmpty() ? options.get(0).asText() : null,
                integer(plan, "position"),
                lower(text(billing, "interval")),
                integer(billing, "interval_count"),
                integer(billing, "min_cycles"),
                integer(billing, "max_cycles"),
                lower(text(delivery, "interval")),
                integer(delivery, "interval_count"),
                pricing == null ? null : lower(text(pricing, "adjustment_type")),
                pricing == null ? null : decimal(pricing, "adjustment_value"));
    }

    /** revision_id: a string of digits in a webhook, an UnsignedInt64 (a string too) in GraphQL; beyond a long. */
    static BigInteger revision(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        String text = node.isTextual() ? node.textValue().trim() : null;
        if (text != null && text.matches("[0-9]{1,20}")) {
            return new BigInteger(text);
        }
        LOG.warn("revision_id is not an unsigned integer; the version is ordered by its event time");
        return null;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
