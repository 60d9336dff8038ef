package com.lavish.subscriptions.service;

import com.lavish.edge.json.MoneyText;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.SellingPlan;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.SubscriptionLine;
import com.lavish.subscriptions.repository.BillingAttemptRepository;
import com.lavish.subscriptions.repository.ContractActionRepository;
import com.lavish.subscriptions.repository.DunningStepRepository;
import com.lavish.subscriptions.repository.SellingPlanGroupRepository;
import com.lavish.subscriptions.repository.SkippedCycles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds what a customer sees of their contracts ({@link SubscriptionView}) in the caller's session: a few queries
 * for all of them together (plans, actions, attempts, dunning steps, skipped cycles), never one per contract.
 */
@ApplicationScoped
public class SubscriptionViews {

    /** Billing and dunning steps shown per contract. */
    static final int STEPS_SHOWN = 10;

    private final SellingPlanGroupRepository groups;
    private final ContractActionRepository actions;
    private final BillingAttemptRepository attempts;
    private final DunningStepRepository steps;
    private final SkippedCycles skippedCycles;

    public SubscriptionViews(
            SellingPlanGroupRepository groups,
            ContractActionRepository actions,
            BillingAttemptRepository attempts,
            DunningStepRepository steps,
            SkippedCycles skippedCycles) {
        this.groups = groups;
        this.actions = actions;
        this.attempts = attempts;
        this.steps = steps;
        this.skippedCycles = skippedCycles;
    }

    /** The views of one shop's contracts, in their order. */
    public Uni<List<SubscriptionView>> of(String shop, List<SubscriptionContract> contracts) {
        if (contracts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<Long> ids = contracts.stream().map(c -> c.shopifyId).collect(Collectors.toSet());
        Set<Long> planIds = contracts.stream()
                .flatMap(c -> c.lines.stream())
                .map(l -> l.sellingPlanId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // one query after another: a reactive session takes one at a time
        return groups.plansByShopifyIds(shop, planIds)
                .chain(planRows -> actions.newestOf(shop, ids)
                        .chain(actionRows -> attempts.newestOf(shop, ids)
                                .chain(attemptRows -> steps.newestOf(shop, ids)
                                        .chain(stepRows -> skippedCycles
                                                .of(shop, ids, today)
                                                .map(skipped -> {
                                                    Map<Long, SellingPlan> plans = new HashMap<>();
                                                    planRows.forEach(plan -> plans.put(plan.shopifyId, plan));
                                                    return contracts.stream()
                                                            .map(contract -> view(
                                                                    contract,
                                                                    plans,
                                                                    first(
                                                                            actionRows,
                                                                            a -> a.contractShopifyId
                                                                                    == contract.shopifyId),
                                                                    first(
                                                                            attemptRows,
                                                                            a -> a.contractShopifyId
                                                                                    == contract.shopifyId),
                                                                    stepRows.stream()
                                                                            .filter(s -> s.contractShopifyId
                                                                                    == contract.shopifyId)
                                                                            .limit(STEPS_SHOWN)
                                                                            .toList(),
                                                                    skipped.stream()
                                                                            .filter(s -> s.contractId()
                                                                                    == contract.shopifyId)
                                                                            .map(SkippedCycles.Skipped::cycleDate)
                                                                            .toList()))
                                                            .toList();
                                                })))));
    }

    private static <T> T first(List<T> rows, Predicate<T> which) {
        return rows.stream().filter(which).findFirst().orElse(null);
    }

    private static SubscriptionView view(
            SubscriptionContract contract,
            Map<Long, SellingPlan> plans,
            ContractAction lastAction,
            BillingAttempt lastAttempt,
            List<DunningStep> steps,
            List<LocalDate> skipped) {
        ContractAction pending =
                lastAction != null && lastAction.isPending() && Objects.equals(lastAction.id, contract.pendingActionId)
                        ? lastAction
                        : null;
        return new SubscriptionView(
                Long.toString(contract.shopifyId),
                "gid://shopify/SubscriptionContract/" + contract.shopifyId,
                contract.status,
                pending == null ? null : new SubscriptionView.Pending(pending.action, pending.requestedAt),
                lastAction == null
                        ? null
                        : new SubscriptionView.Action(
                                lastAction.action,
                                lastAction.state,
                                lastAction.message,
                                lastAction.requestedAt,
                                lastAction.completedAt),
                contract.nextBillingDate,
                nextDelivery(contract, skipped),
                skipped,
                contract.currencyCode,
                contract.billingInterval == null
                        ? null
                        : new SubscriptionView.Policy(
                                contract.billingInterval,
                                contract.billingIntervalCount,
                                contract.billingMinCycles,
                                contract.billingMaxCycles),
                contract.deliveryInterval == null
                        ? null
                        : new SubscriptionView.Policy(
                                contract.deliveryInterval, contract.deliveryIntervalCount, null, null),
                plan(contract, plans),
                contract.lines.stream().map(SubscriptionViews::line).toList(),
                contract.hasDeliveryAddress()
                        ? new SubscriptionView.Address(
                                contract.deliveryFirstName,
                                contract.deliveryLastName,
                                contract.deliveryAddress1,
                                contract.deliveryAddress2,
                                contract.deliveryCity,
                                contract.deliveryProvinceCode,
                                contract.deliveryCountryCode,
                                contract.deliveryZip,
                                contract.deliveryPhone)
                        : null,
                new SubscriptionView.Billing(
                        contract.failedAttempts,
                        contract.nextRetryAt,
                        lastAttempt == null ? null : attempt(lastAttempt),
                        steps.stream().map(SubscriptionViews::step).toList()));
    }

    /** The next billing date whose cycle is not skipped. */
    private static Instant nextDelivery(SubscriptionContract contract, List<LocalDate> skipped) {
        Instant next = contract.nextBillingDate;
        if (next == null || contract.billingInterval == null) {
            return next;
        }
        // a skipped cycle moves the delivery on by one billing interval, as many times as cycles are skipped in a row
        for (int guard = 0;
                guard <= skipped.size() && skipped.contains(LocalDate.ofInstant(next, ZoneOffset.UTC));
                guard++) {
            next = BillingCalendar.after(next, contract.billingInterval, contract.billingIntervalCount);
        }
        return next;
    }

    private static SubscriptionView.Plan plan(SubscriptionContract contract, Map<Long, SellingPlan> plans) {
        SubscriptionLine planned = contract.lines.stream()
                .filter(l -> l.sellingPlanId != null)
                .findFirst()
                .orElse(null);
        if (planned == null) {
            return null;
        }
        SellingPlan plan = plans.get(planned.sellingPlanId);
        if (plan == null) {
            // a plan the catalogue does not know (yet): what the line says of it
            return new SubscriptionView.Plan(
                    Long.toString(planned.sellingPlanId), planned.sellingPlanName, null, null, List.of());
        }
        List<SubscriptionView.PlanOption> alternatives = new ArrayList<>();
        for (SellingPlan other : plan.group.plans) {
            if (other.shopifyId != null && !other.shopifyId.equals(plan.shopifyId)) {
                alternatives.add(new SubscriptionView.PlanOption(
                        Long.toString(other.shopifyId), other.name, other.billingInterval, other.billingIntervalCount));
            }
        }
        return new SubscriptionView.Plan(
                Long.toString(plan.shopifyId),
                plan.name,
                plan.group.shopifyId == null ? null : Long.toString(plan.group.shopifyId),
                plan.group.name,
                alternatives);
    }

    private static SubscriptionView.Line line(SubscriptionLine line) {
        return new SubscriptionView.Line(
                line.shopifyLineId,
                text(line.productId),
                text(line.variantId),
                line.title,
                line.variantTitle,
                line.sku,
                line.quantity,
                MoneyText.of(line.currentPrice),
                line.currencyCode,
                text(line.sellingPlanId),
                line.sellingPlanName);
    }

    private static SubscriptionView.Attempt attempt(BillingAttempt attempt) {
        return new SubscriptionView.Attempt(
                attempt.state,
                attempt.cycleDate,
                attempt.attemptNumber,
                MoneyText.of(attempt.amount),
                attempt.currencyCode,
                attempt.errorCode,
                attempt.errorMessage,
                attempt.requestedAt,
                attempt.completedAt);
    }

    private static SubscriptionView.Step step(DunningStep step) {
        return new SubscriptionView.Step(
                step.step,
                step.path,
                step.cycleDate,
                step.attemptNumber,
                step.errorCode,
                step.message,
                step.nextRetryAt,
                step.occurredAt);
    }

    private static String text(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
