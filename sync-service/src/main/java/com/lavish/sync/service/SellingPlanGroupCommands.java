package com.lavish.sync.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommand.SellingPlanGroupSpec;
import com.lavish.events.sync.SyncCommand.SellingPlanSpec;
import com.lavish.events.sync.SyncResult.UserError;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.client.AdminAnswer;
import com.lavish.sync.client.AdminApiClient;
import com.lavish.sync.client.AdminApiUnavailableException;
import com.lavish.sync.client.AdminOperation;
import com.lavish.sync.config.SyncCommandConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Selling plan group commands. Updates, deletes and product changes name the group, so sending one twice is
 * harmless. A creation is not: Shopify's sellingPlanGroupCreate has no idempotency key (reference §3.4). So the
 * group's merchantCode carries the command's idempotency key, and a creation whose outcome is unknown (its answer
 * was lost, or a replica died after handing it over) first looks for a group with that merchantCode made since it
 * was first sent; only when there is none is it created (again).
 */
@ApplicationScoped
public class SellingPlanGroupCommands {

    private static final Logger LOG = Logger.getLogger(SellingPlanGroupCommands.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final AdminApiClient admin;
    private final SyncCommandConfig config;

    public SellingPlanGroupCommands(AdminApiClient admin, SyncCommandConfig config) {
        this.admin = admin;
        this.config = config;
    }

    /**
     * @param sentBefore  whether an earlier attempt handed this key to Shopify (its outcome unknown)
     * @param firstSentAt when the key was first handed to Shopify
     */
    public Uni<ShopifyOutcome> create(SyncCommand command, boolean sentBefore, Instant firstSentAt) {
        SellingPlanGroupSpec spec = command.sellingPlanGroup();
        if (spec == null || spec.merchantCode() == null || spec.merchantCode().isBlank()) {
            return Uni.createFrom()
                    .item(
                            ShopifyOutcome.rejected(
                                    "SELLING_PLAN_GROUP_CREATE needs sellingPlanGroup.merchantCode (the command's idempotency key)"));
        }
        ObjectNode variables = JSON.createObjectNode();
        ObjectNode input = groupInput(spec);
        input.put("merchantCode", spec.merchantCode());
        variables.set("input", input);
        if (command.productIds() != null && !command.productIds().isEmpty()) {
            variables.putObject("resources").set("productIds", gids("Product", command.productIds()));
        }
        AtomicBoolean unknown = new AtomicBoolean(sentBefore);
        Instant since = (firstSentAt == null ? Instant.now() : firstSentAt).minus(config.createLookupMargin());
        return Uni.createFrom()
                .deferred(() -> (unknown.get()
                                ? lookup(command.shop(), spec.merchantCode(), since)
                                : Uni.createFrom().item(Optional.<JsonNode>empty()))
                        .chain(existing -> {
                            if (existing.isPresent()) {
                                LOG.infof(
                                        "%s: the group was created by an earlier attempt; not creating it again",
                                        command);
                                return Uni.createFrom().item(groupOutcome(existing.get()));
                            }
                            return admin.executeOnce(
                                            command.shop(), AdminOperation.SELLING_PLAN_GROUP_CREATE, variables)
                                    .onFailure(AdminApiUnavailableException.class)
                                    .invoke(() -> unknown.set(true))
                                    .map(answer -> rejectedOr(
                                            answer,
                                            "sellingPlanGroupCreate",
                                            () -> groupOutcome(
                                                    answer.at("sellingPlanGroupCreate", "sellingPlanGroup"))));
                        }))
                .onFailure(AdminApiUnavailableException.class)
                .retry()
                .withBackOff(config.createBackoff(), config.createBackoff().multipliedBy(16))
                .atMost(Math.max(0, config.createAttempts() - 1));
    }

    /** The group of this shop with this merchantCode created since {@code since}, if any (read page by page). */
    Uni<Optional<JsonNode>> lookup(String shop, String merchantCode, Instant since) {
        String query = "created_at:>='" + since.truncatedTo(ChronoUnit.SECONDS) + "'";
        return lookupPage(shop, merchantCode, query, null, 0);
    }

    private Uni<Optional<JsonNode>> lookupPage(String shop, String merchantCode, String query, String after, int page) {
        ObjectNode variables = JSON.createObjectNode().put("query", query);
        if (after != null) {
            variables.put("after", after);
        }
        return admin.execute(shop, AdminOperation.SELLING_PLAN_GROUP_LOOKUP, variables)
                .chain(answer -> {
                    JsonNode groups = answer.at("sellingPlanGroups");
                    for (JsonNode group : groups.path("nodes")) {
                        if (merchantCode.equals(group.path("merchantCode").asText(null))) {
                            return Uni.createFrom().item(Optional.of(group));
                        }
                    }
                    JsonNode pageInfo = groups.path("pageInfo");
                    if (pageInfo.path("hasNextPage").asBoolean(false) && page + 1 < config.createLookupPages()) {
                        return lookupPage(
                                shop,
                                merchantCode,
                                query,
                                pageInfo.path("endCursor").asText(null),
                                page + 1);
                    }
                    return Uni.createFrom().item(Optional.empty());
                });
    }

    public Uni<ShopifyOutcome> update(SyncCommand command) {
        if (command.sellingPlanGroupId() == null || command.sellingPlanGroup() == null) {
            return missing(command, "sellingPlanGroupId and sellingPlanGroup");
        }
        ObjectNode variables =
                JSON.createObjectNode().put("id", ShopifyGid.of("SellingPlanGroup", command.sellingPlanGroupId()));
        ObjectNode input = groupInput(command.sellingPlanGroup());
        if (command.sellingPlanGroup().merchantCode() != null) {
            input.put("merchantCode", command.sellingPlanGroup().merchantCode());
        }
        variables.set("input", input);
        return admin.execute(command.shop(), AdminOperation.SELLING_PLAN_GROUP_UPDATE, variables)
                .map(answer -> rejectedOr(
                        answer,
                        "sellingPlanGroupUpdate",
                        () -> groupOutcome(answer.at("sellingPlanGroupUpdate", "sellingPlanGroup"))));
    }

    public Uni<ShopifyOutcome> delete(SyncCommand command) {
        if (command.sellingPlanGroupId() == null) {
            return missing(command, "sellingPlanGroupId");
        }
        ObjectNode variables =
                JSON.createObjectNode().put("id", ShopifyGid.of("SellingPlanGroup", command.sellingPlanGroupId()));
        return admin.execute(command.shop(), AdminOperation.SELLING_PLAN_GROUP_DELETE, variables)
                .map(answer -> rejectedOr(
                        answer,
                        "sellingPlanGroupDelete",
                        () -> ShopifyOutcome.succeeded(command.sellingPlanGroupId())));
    }

    /** SELLING_PLAN_GROUP_ADD_PRODUCTS or _REMOVE_PRODUCTS. */
    public Uni<ShopifyOutcome> products(SyncCommand command, boolean add) {
        if (command.sellingPlanGroupId() == null
                || command.productIds() == null
                || command.productIds().isEmpty()) {
            return missing(command, "sellingPlanGroupId and productIds");
        }
        ObjectNode variables =
                JSON.createObjectNode().put("id", ShopifyGid.of("SellingPlanGroup", command.sellingPlanGroupId()));
        variables.set("productIds", gids("Product", command.productIds()));
        AdminOperation operation = add
                ? AdminOperation.SELLING_PLAN_GROUP_ADD_PRODUCTS
                : AdminOperation.SELLING_PLAN_GROUP_REMOVE_PRODUCTS;
        String mutation = add ? "sellingPlanGroupAddProducts" : "sellingPlanGroupRemoveProducts";
        return admin.execute(command.shop(), operation, variables)
                .map(answer ->
                        rejectedOr(answer, mutation, () -> ShopifyOutcome.succeeded(command.sellingPlanGroupId())));
    }

    /** PRODUCT_JOIN_SELLING_PLAN_GROUPS or PRODUCT_LEAVE_SELLING_PLAN_GROUPS. */
    public Uni<ShopifyOutcome> productGroups(SyncCommand command, boolean join) {
        if (command.productId() == null
                || command.sellingPlanGroupIds() == null
                || command.sellingPlanGroupIds().isEmpty()) {
            return missing(command, "productId and sellingPlanGroupIds");
        }
        ObjectNode variables = JSON.createObjectNode().put("id", ShopifyGid.of("Product", command.productId()));
        variables.set("sellingPlanGroupIds", gids("SellingPlanGroup", command.sellingPlanGroupIds()));
        AdminOperation operation = join
                ? AdminOperation.PRODUCT_JOIN_SELLING_PLAN_GROUPS
                : AdminOperation.PRODUCT_LEAVE_SELLING_PLAN_GROUPS;
        String mutation = join ? "productJoinSellingPlanGroups" : "productLeaveSellingPlanGroups";
        return admin.execute(command.shop(), operation, variables)
                .map(answer -> rejectedOr(answer, mutation, () -> ShopifyOutcome.succeeded(command.productId())));
    }

    // The group as the merchant defines it; plans with an id are updated, the others created.
    private static ObjectNode groupInput(SellingPlanGroupSpec spec) {
        ObjectNode input = JSON.createObjectNode();
        putIfPresent(input, "name", spec.name());
        putIfPresent(input, "description", spec.description());
        if (spec.options() != null) {
            ArrayNode options = input.putArray("options");
            spec.options().forEach(options::add);
        }
        if (spec.plans() != null) {
            ArrayNode create = JSON.createArrayNode();
            ArrayNode update = JSON.createArrayNode();
            for (SellingPlanSpec plan : spec.plans()) {
                (plan.id() == null ? create : update).add(planInput(plan));
            }
            if (!create.isEmpty()) {
                input.set("sellingPlansToCreate", create);
            }
            if (!update.isEmpty()) {
                input.set("sellingPlansToUpdate", update);
            }
        }
        return input;
    }

    private static ObjectNode planInput(SellingPlanSpec plan) {
        ObjectNode input = JSON.createObjectNode();
        if (plan.id() != null) {
            input.put("id", ShopifyGid.of("SellingPlan", plan.id()));
        }
        putIfPresent(input, "name", plan.name());
        if (plan.option() != null) {
            input.putArray("options").add(plan.option());
        }
        if (plan.position() != null) {
            input.put("position", plan.position());
        }
        input.put("category", "SUBSCRIPTION");
        String interval = plan.interval() == null ? null : plan.interval().toUpperCase(java.util.Locale.ROOT);
        ObjectNode billing = input.putObject("billingPolicy").putObject("recurring");
        billing.put("interval", interval);
        billing.put("intervalCount", plan.intervalCount());
        ObjectNode delivery = input.putObject("deliveryPolicy").putObject("recurring");
        delivery.put("interval", interval);
        delivery.put(
                "intervalCount",
                plan.deliveryIntervalCount() > 0 ? plan.deliveryIntervalCount() : plan.intervalCount());
        if (plan.percentageOff() != null) {
            ObjectNode fixed = input.putArray("pricingPolicies").addObject().putObject("fixed");
            fixed.put("adjustmentType", "PERCENTAGE");
            fixed.putObject("adjustmentValue")
                    .put("percentage", plan.percentageOff().doubleValue());
        }
        return input;
    }

    private static ShopifyOutcome groupOutcome(JsonNode group) {
        Map<String, Long> plans = new LinkedHashMap<>();
        for (JsonNode plan : group.path("sellingPlans").path("nodes")) {
            Long id = ShopifyGid.numericId(plan.path("id").asText(null));
            if (id != null) {
                plans.put(plan.path("name").asText(""), id);
            }
        }
        return ShopifyOutcome.group(ShopifyGid.numericId(group.path("id").asText(null)), plans);
    }

    /** The payload's userErrors as a rejection, or what {@code success} makes of the answer. */
    static ShopifyOutcome rejectedOr(
            AdminAnswer answer, String mutation, java.util.function.Supplier<ShopifyOutcome> success) {
        List<UserError> errors = answer.userErrors(mutation);
        return errors.isEmpty() ? success.get() : ShopifyOutcome.rejected(errors);
    }

    static Uni<ShopifyOutcome> missing(SyncCommand command, String fields) {
        return Uni.createFrom().item(ShopifyOutcome.rejected(command.type() + " needs " + fields));
    }

    static ArrayNode gids(String type, List<Long> ids) {
        ArrayNode array = JSON.createArrayNode();
        ids.forEach(id -> array.add(ShopifyGid.of(type, id)));
        return array;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
