package com.lavish.subscriptions.service;

import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.events.PayloadInspector;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.SellingPlan;
import com.lavish.subscriptions.SellingPlanGroup;
import com.lavish.subscriptions.SellingPlanGroupProduct;
import com.lavish.subscriptions.repository.SellingPlanGroupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The selling plan catalogue as the admin changes it: groups created here (stored pending with a
 * SELLING_PLAN_GROUP_CREATE in the outbox, live once sync.results confirms them with Shopify's group and plan ids,
 * {@link SellingPlanGroupChanges}), and products added to and removed from live groups. Creation is idempotent here:
 * one idempotency key is one group row and one command, whose {@code merchantCode} carries the key so that
 * sync-service can find a group it created before it lost the answer.
 */
@ApplicationScoped
public class SellingPlanCatalogue {

    private final SellingPlanGroupRepository groups;
    private final SyncCommands commands;

    public SellingPlanCatalogue(SellingPlanGroupRepository groups, SyncCommands commands) {
        this.groups = groups;
        this.commands = commands;
    }

    /**
     * Stores the group pending and sends its creation to Shopify. With an idempotency key already used, the group it
     * made is answered and nothing is sent again.
     */
    @WithTransaction
    public Uni<SellingPlanGroupView> create(SellingPlanGroupRequest request, String idempotencyKey) {
        validate(request);
        String key = "selling-plan-group/"
                + (idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
        return groups.findByIdempotencyKey(request.shop(), key).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(SellingPlanGroupView.of(existing, existing.products));
            }
            SellingPlanGroup group = new SellingPlanGroup();
            group.shopDomain = request.shop();
            group.name = request.name().trim();
            group.description = request.description();
            List<String> options =
                    request.options() == null || request.options().isEmpty()
                            ? List.of("Delivery every")
                            : request.options();
            group.options = String.join("\n", options);
            group.idempotencyKey = key;
            // unique per creation: what sync-service looks the group up by before it creates it again
            group.merchantCode = "lavish:" + key;
            group.state = SellingPlanGroup.PENDING;
            group.createdAt = Instant.now();
            List<SyncCommand.SellingPlanSpec> specs = new ArrayList<>();
            int position = 0;
            for (SellingPlanGroupRequest.Plan planRequest : request.plans()) {
                SellingPlan plan = new SellingPlan();
                plan.group = group;
                plan.shopDomain = group.shopDomain;
                plan.name = planRequest.name().trim();
                plan.optionValue = planRequest.option() != null ? planRequest.option() : plan.name;
                plan.position = ++position;
                plan.billingInterval = planRequest.interval().toLowerCase(Locale.ROOT);
                plan.billingIntervalCount = planRequest.intervalCount();
                plan.deliveryInterval = plan.billingInterval;
                plan.deliveryIntervalCount = planRequest.deliveryIntervalCount() != null
                        ? planRequest.deliveryIntervalCount()
                        : planRequest.intervalCount();
                if (planRequest.percentageOff() != null
                        && planRequest.percentageOff().signum() > 0) {
                    plan.adjustmentType = "percentage";
                    plan.adjustmentValue = planRequest.percentageOff();
                }
                group.plans.add(plan);
                specs.add(new SyncCommand.SellingPlanSpec(
                        null,
                        plan.name,
                        plan.optionValue,
                        plan.billingInterval.toUpperCase(Locale.ROOT),
                        plan.billingIntervalCount,
                        plan.deliveryIntervalCount,
                        plan.adjustmentValue,
                        plan.position));
            }
            List<Long> productIds = productIds(request.productIds());
            productIds.forEach(
                    id -> group.products.add(SellingPlanGroupProduct.of(group, id, SellingPlanGroupProduct.ADDING)));
            SyncCommand command = SyncCommands.groupCreate(
                    group.shopDomain,
                    key,
                    new SyncCommand.SellingPlanGroupSpec(
                            group.name, group.merchantCode, group.description, options, specs),
                    productIds);
            group.commandId = command.commandId();
            group.products.forEach(p -> p.commandId = command.commandId());
            return groups.persist(group)
                    .chain(() -> commands.enqueue(command))
                    .map(sent -> SellingPlanGroupView.of(group, group.products));
        });
    }

    /** Adds products to a live group (a SELLING_PLAN_GROUP_ADD_PRODUCTS); those it has already stay as they are. */
    @WithTransaction
    public Uni<SellingPlanGroupView> addProducts(long id, List<String> productIds) {
        List<Long> ids = productIds(productIds);
        return live(id).chain(group -> {
            Set<Long> present = new HashSet<>();
            group.products.forEach(p -> present.add(p.productId));
            List<Long> added = ids.stream().filter(p -> !present.contains(p)).toList();
            if (added.isEmpty()) {
                return Uni.createFrom().item(SellingPlanGroupView.of(group, group.products));
            }
            SyncCommand command = SyncCommands.groupProducts(
                    group.shopDomain,
                    SyncCommandType.SELLING_PLAN_GROUP_ADD_PRODUCTS,
                    group.shopifyId,
                    "selling-plan-group-products/" + UUID.randomUUID(),
                    added);
            added.forEach(productId -> {
                SellingPlanGroupProduct row =
                        SellingPlanGroupProduct.of(group, productId, SellingPlanGroupProduct.ADDING);
                row.commandId = command.commandId();
                group.products.add(row);
            });
            return commands.enqueue(command).map(sent -> SellingPlanGroupView.of(group, group.products));
        });
    }

    /** Removes a product from a live group (a SELLING_PLAN_GROUP_REMOVE_PRODUCTS). */
    @WithTransaction
    public Uni<SellingPlanGroupView> removeProduct(long id, long productId) {
        return live(id).chain(group -> {
            SellingPlanGroupProduct row = group.products.stream()
                    .filter(p -> p.productId == productId)
                    .findFirst()
                    .orElseThrow(
                            () -> ProblemException.notFound("the group does not apply to the product " + productId));
            if (SellingPlanGroupProduct.REMOVING.equals(row.state)) {
                return Uni.createFrom().item(SellingPlanGroupView.of(group, group.products));
            }
            SyncCommand command = SyncCommands.groupProducts(
                    group.shopDomain,
                    SyncCommandType.SELLING_PLAN_GROUP_REMOVE_PRODUCTS,
                    group.shopifyId,
                    "selling-plan-group-products/" + UUID.randomUUID(),
                    List.of(productId));
            row.state = SellingPlanGroupProduct.REMOVING;
            row.commandId = command.commandId();
            return commands.enqueue(command).map(sent -> SellingPlanGroupView.of(group, group.products));
        });
    }

    @WithSession
    public Uni<SellingPlanGroupView> get(long id) {
        return groups.findWhole(id).map(group -> {
            if (group == null) {
                throw ProblemException.notFound("there is no selling plan group " + id);
            }
            return SellingPlanGroupView.of(group, group.products);
        });
    }

    /** The groups of a shop (of every shop when null), newest first. */
    @WithSession
    public Uni<List<SellingPlanGroupView>> list(String shop) {
        return groups.listWithPlans(shop)
                .chain(found -> groups.productsOf(found.stream().map(g -> g.id).toList())
                        .map(products -> found.stream()
                                .map(group -> SellingPlanGroupView.of(
                                        group,
                                        products.stream()
                                                .filter(p -> p.group.id.equals(group.id))
                                                .toList()))
                                .toList()));
    }

    private Uni<SellingPlanGroup> live(long id) {
        return groups.lockWhole(id).map(group -> {
            if (group == null) {
                throw ProblemException.notFound("there is no selling plan group " + id);
            }
            if (!group.isLive()) {
                throw new ProblemException(Problem.of(
                        409,
                        "Conflict",
                        "the group is " + group.state + "; products can be changed only in a live group"));
            }
            return group;
        });
    }

    /**
     * The rules over several fields that the request's constraints cannot say: its shape (required fields, ranges,
     * ids) was checked as it came in.
     */
    private static void validate(SellingPlanGroupRequest request) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < request.plans().size(); i++) {
            SellingPlanGroupRequest.Plan plan = request.plans().get(i);
            // named as the constraints name a plan's field: plans[1].name
            if (!names.add(plan.name().trim())) {
                throw ProblemException.badRequest("plans[" + i + "].name", "each plan needs a name of its own");
            }
            Integer delivery = plan.deliveryIntervalCount();
            if (delivery != null && plan.intervalCount() % delivery != 0) {
                throw ProblemException.badRequest(
                        "plans[" + i + "].delivery_interval_count", SellingPlanGroupRequest.Plan.DELIVERY_RULE);
            }
        }
    }

    /** The ids' numbers, each once; their form (digits or a gid) was checked as the request came in. */
    private static List<Long> productIds(List<String> ids) {
        List<Long> parsed = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            Long value = Long.valueOf(PayloadInspector.numericPart(id.strip()));
            if (!parsed.contains(value)) {
                parsed.add(value);
            }
        }
        return parsed;
    }
}
