package com.lavish.subscriptions.service;

import com.lavish.consumer.EventOutcome;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.SellingPlan;
import com.lavish.subscriptions.SellingPlanGroup;
import com.lavish.subscriptions.SellingPlanGroupProduct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One poll's selling plan groups as it read them (each row locked until the poll commits), with their plans and
 * products, and the rules that change them: Shopify's selling_plan_groups webhooks (matched by the group's id, or by
 * the merchant code of a creation sent from here; plans by name, as webhooks carry no plan ids) and sync-service's
 * answers to the group commands. The repository writes back the groups the rules touched, whole. No I/O.
 */
public final class SellingPlanGroupChanges {

    private final List<SellingPlanGroup> groups = new ArrayList<>();
    private final Set<SellingPlanGroup> touched = new LinkedHashSet<>();
    private final Map<SellingPlanGroup, List<SellingPlan>> plansAsRead = new IdentityHashMap<>();
    private final Map<SellingPlanGroup, List<SellingPlanGroupProduct>> productsAsRead = new IdentityHashMap<>();

    /** A group as read, with its plans and products. */
    public void loaded(SellingPlanGroup group) {
        groups.add(group);
        plansAsRead.put(group, List.copyOf(group.plans));
        productsAsRead.put(group, List.copyOf(group.products));
    }

    /** The group's plans as read: the ones it no longer holds are deleted. */
    public List<SellingPlan> plansAsRead(SellingPlanGroup group) {
        return plansAsRead.getOrDefault(group, List.of());
    }

    public List<SellingPlanGroupProduct> productsAsRead(SellingPlanGroup group) {
        return productsAsRead.getOrDefault(group, List.of());
    }

    /** The groups the poll changed or created; a created one has no id yet. */
    public Collection<SellingPlanGroup> touched() {
        return touched;
    }

    /**
     * selling_plan_groups/create|update: the group as Shopify has it; a group made elsewhere is added. Ordered by
     * ce_time (the bodies carry no time). ce_time is X-Shopify-Triggered-At, which Shopify does not sign
     * (docs/shopify-reference.md §1.2); with no version in the body it is all there is, and the gateway refuses one
     * outside its window (webhook.triggered-at.*), so a resent body can claim at most a few minutes ahead of the clock
     * and the next genuine event wins again.
     */
    public EventOutcome apply(String shop, SubscriptionChange.GroupVersion version, Instant now) {
        SubscriptionChange.GroupSnapshot snapshot = version.group();
        SellingPlanGroup found = byShopifyId(shop, snapshot.id());
        if (found == null && snapshot.merchantCode() != null) {
            found = groups.stream()
                    .filter(g -> g.shopDomain.equals(shop)
                            && g.shopifyId == null
                            && snapshot.merchantCode().equals(g.merchantCode))
                    .findFirst()
                    .orElse(null);
        }
        if (found != null && found.versionTime != null && !version.at().isAfter(found.versionTime)) {
            return EventOutcome.STALE;
        }
        SellingPlanGroup group = found;
        if (group == null) {
            group = new SellingPlanGroup();
            group.shopDomain = shop;
            group.createdAt = now;
            groups.add(group);
        }
        copy(snapshot, group, version.at());
        touched.add(group);
        return EventOutcome.APPLIED;
    }

    /** selling_plan_groups/delete: the group stays, deleted, with no products. */
    public EventOutcome delete(String shop, SubscriptionChange.GroupDeleted deleted) {
        SellingPlanGroup group = byShopifyId(shop, deleted.groupId());
        if (group == null) {
            return EventOutcome.IGNORED;
        }
        group.state = SellingPlanGroup.DELETED;
        group.versionTime = deleted.at();
        group.products.clear();
        touched.add(group);
        return EventOutcome.APPLIED;
    }

    /** sync-service's answer to a group command: the group's creation, or products added or removed. */
    public EventOutcome settle(SyncResult result) {
        String command = result.commandId();
        // a product change's command is on its product rows, not on the group
        SellingPlanGroup group = groups.stream()
                .filter(g -> command.equals(g.commandId))
                .findFirst()
                .orElseGet(() -> groups.stream()
                        .filter(g -> g.products.stream().anyMatch(p -> command.equals(p.commandId)))
                        .findFirst()
                        .orElse(null));
        if (group == null) {
            return EventOutcome.IGNORED;
        }
        boolean succeeded = result.outcome() == SyncResult.SyncOutcome.SUCCEEDED;
        EventOutcome outcome = switch (result.type()) {
            case SELLING_PLAN_GROUP_CREATE -> created(group, result, succeeded);
            case SELLING_PLAN_GROUP_ADD_PRODUCTS, SELLING_PLAN_GROUP_REMOVE_PRODUCTS -> {
                group.products.removeIf(p -> command.equals(p.commandId)
                        && (succeeded
                                ? SellingPlanGroupProduct.REMOVING.equals(p.state)
                                : SellingPlanGroupProduct.ADDING.equals(p.state)));
                group.products.stream()
                        .filter(p -> command.equals(p.commandId))
                        .forEach(p -> p.state = SellingPlanGroupProduct.LIVE);
                group.message = succeeded ? null : PendingActions.message(result);
                yield EventOutcome.APPLIED;
            }
            default -> EventOutcome.IGNORED;
        };
        if (outcome == EventOutcome.APPLIED) {
            touched.add(group);
        }
        return outcome;
    }

    private static EventOutcome created(SellingPlanGroup group, SyncResult result, boolean succeeded) {
        if (!succeeded && !SellingPlanGroup.PENDING.equals(group.state)) {
            // the webhook confirmed it first, or this is a second answer
            return EventOutcome.STALE;
        }
        if (!succeeded) {
            group.state = result.outcome() == SyncResult.SyncOutcome.REJECTED
                    ? SellingPlanGroup.REJECTED
                    : SellingPlanGroup.FAILED;
            group.message = PendingActions.message(result);
            group.products.clear();
            return EventOutcome.APPLIED;
        }
        group.state = SellingPlanGroup.LIVE;
        group.message = null;
        if (result.shopifyId() != null) {
            group.shopifyId = result.shopifyId();
        }
        Map<String, Long> planIds = result.sellingPlanIds() == null ? Map.of() : result.sellingPlanIds();
        group.plans.forEach(plan -> {
            Long planId = planIds.get(plan.name);
            if (planId != null) {
                plan.shopifyId = planId;
            }
        });
        group.products.stream()
                .filter(p -> SellingPlanGroupProduct.ADDING.equals(p.state))
                .forEach(p -> p.state = SellingPlanGroupProduct.LIVE);
        return EventOutcome.APPLIED;
    }

    private SellingPlanGroup byShopifyId(String shop, long shopifyId) {
        return groups.stream()
                .filter(g -> g.shopDomain.equals(shop) && Objects.equals(g.shopifyId, shopifyId))
                .findFirst()
                .orElse(null);
    }

    private static void copy(SubscriptionChange.GroupSnapshot from, SellingPlanGroup to, Instant at) {
        to.shopifyId = from.id();
        if (from.name() != null) {
            to.name = from.name();
        } else if (to.name == null) {
            to.name = "selling plan group " + from.id();
        }
        to.merchantCode = from.merchantCode() != null ? from.merchantCode() : to.merchantCode;
        to.description = from.description();
        to.options = String.join("\n", from.options());
        to.state = SellingPlanGroup.LIVE;
        to.versionTime = at;
        // plans carry no ids in webhooks: matched by name; the ids a create result gave are kept
        Set<String> names = new HashSet<>();
        from.plans().forEach(p -> names.add(p.name()));
        to.plans.removeIf(plan -> !names.contains(plan.name));
        for (SubscriptionChange.PlanSnapshot snapshot : from.plans()) {
            SellingPlan plan = to.plans.stream()
                    .filter(p -> p.name.equals(snapshot.name()))
                    .findFirst()
                    .orElse(null);
            if (plan == null) {
                plan = new SellingPlan();
                plan.group = to;
                plan.shopDomain = to.shopDomain;
                plan.name = snapshot.name();
                to.plans.add(plan);
            }
            plan.optionValue = snapshot.option();
            plan.position = snapshot.position();
            plan.billingInterval = snapshot.billingInterval();
            plan.billingIntervalCount = snapshot.billingIntervalCount();
            plan.minCycles = snapshot.minCycles();
            plan.maxCycles = snapshot.maxCycles();
            plan.deliveryInterval = snapshot.deliveryInterval();
            plan.deliveryIntervalCount = snapshot.deliveryIntervalCount();
            plan.adjustmentType = snapshot.adjustmentType();
            plan.adjustmentValue = snapshot.adjustmentValue();
        }
        if (from.productIds() != null) {
            Set<Long> ids = new HashSet<>(from.productIds());
            // a removal still waiting for its result is not undone by a webhook sent before it
            to.products.removeIf(p -> !ids.contains(p.productId) && !SellingPlanGroupProduct.ADDING.equals(p.state));
            for (Long id : from.productIds()) {
                SellingPlanGroupProduct row = to.products.stream()
                        .filter(p -> p.productId == id)
                        .findFirst()
                        .orElse(null);
                if (row == null) {
                    to.products.add(SellingPlanGroupProduct.of(to, id, SellingPlanGroupProduct.LIVE));
                } else if (SellingPlanGroupProduct.ADDING.equals(row.state)) {
                    row.state = SellingPlanGroupProduct.LIVE;
                }
            }
        }
    }
}
