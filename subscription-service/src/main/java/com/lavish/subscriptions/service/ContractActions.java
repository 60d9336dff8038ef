package com.lavish.subscriptions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.events.PayloadInspector;
import com.lavish.events.sync.SyncCommand;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.ContractStatus;
import com.lavish.subscriptions.SellingPlan;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.SubscriptionLine;
import com.lavish.subscriptions.repository.ContractActionRepository;
import com.lavish.subscriptions.repository.ContractRepository;
import com.lavish.subscriptions.repository.SellingPlanGroupRepository;
import com.lavish.subscriptions.repository.SkippedCycles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Changes to a contract that Shopify must make: asked by the storefront customer (pause, resume, skip, unskip,
 * cancel, a change of frequency, quantity or address). Each becomes a {@link ContractAction} and a command in the
 * outbox, in one transaction ({@link PendingActions}, the rules dunning starts its own actions by); the contract shows
 * it as pending until sync.results or a contract webhook confirms it, and a refusal leaves Shopify's message on it.
 */
@ApplicationScoped
public class ContractActions {

    private final ContractRepository contracts;
    private final ContractActionRepository actions;
    private final SellingPlanGroupRepository groups;
    private final SkippedCycles skippedCycles;
    private final SyncCommands commands;
    private final IdempotentRequests idempotentRequests;
    private final SubscriptionViews views;
    private final ObjectMapper json;
    private final SubscriptionMetrics metrics;

    public ContractActions(
            ContractRepository contracts,
            ContractActionRepository actions,
            SellingPlanGroupRepository groups,
            SkippedCycles skippedCycles,
            SyncCommands commands,
            IdempotentRequests idempotentRequests,
            SubscriptionViews views,
            ObjectMapper json,
            SubscriptionMetrics metrics) {
        this.contracts = contracts;
        this.actions = actions;
        this.groups = groups;
        this.skippedCycles = skippedCycles;
        this.commands = commands;
        this.idempotentRequests = idempotentRequests;
        this.views = views;
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * The customer's action on their contract: 202 with the contract showing the change pending; 404 for a contract
     * that is not theirs; 409 with the reason when its status (or a change still pending) forbids it. With an
     * {@code Idempotency-Key}, a repeat of the request gets the first answer and does nothing more.
     *
     * @param change the body of an update; null for the other actions
     */
    @WithTransaction
    public Uni<StoredAnswer> request(
            StorefrontCustomer who,
            long contractId,
            ContractActionType type,
            ContractChangeRequest change,
            String idempotencyKey) {
        if (idempotencyKey == null) {
            return act(who, contractId, type, change, UUID.randomUUID().toString());
        }
        String fingerprint = IdempotentRequests.fingerprint(type.value() + " " + contractId + " " + write(change));
        return idempotentRequests
                .claim(who, idempotencyKey, fingerprint)
                .chain(stored -> stored.isPresent()
                        ? Uni.createFrom().item(stored.get())
                        : act(who, contractId, type, change, "request/" + who.customerId() + "/" + idempotencyKey)
                                .call(answer -> idempotentRequests.complete(who, idempotencyKey, answer)));
    }

    private Uni<StoredAnswer> act(
            StorefrontCustomer who,
            long contractId,
            ContractActionType type,
            ContractChangeRequest change,
            String commandKey) {
        return contracts.lockCustomers(who.shop(), who.customerId(), contractId).chain(contract -> {
            if (contract == null) {
                throw ProblemException.notFound("you have no subscription with the id " + contractId);
            }
            return allowed(contract, type)
                    .chain(cycleDate -> type == ContractActionType.UPDATE
                            ? edit(contract, change).chain(edit -> start(contract, type, commandKey, null, edit))
                            : start(contract, type, commandKey, cycleDate, null))
                    .chain(action -> views.of(who.shop(), List.of(contract)))
                    .map(view -> new StoredAnswer(202, write(view.get(0))));
        });
    }

    /**
     * Whether the contract's status allows the action (409 with the reason when not); for a skip or unskip, the
     * cycle it is about.
     */
    private Uni<LocalDate> allowed(SubscriptionContract contract, ContractActionType type) {
        if (contract.pendingActionId != null) {
            throw conflict(
                    "a change to this subscription is still waiting for Shopify; try again once it is " + "confirmed");
        }
        ContractStatus status = contract.contractStatus();
        String is = "the subscription is " + contract.status;
        switch (type) {
            case PAUSE -> require(status == ContractStatus.ACTIVE, is + "; only an active subscription can be paused");
            case RESUME ->
                require(
                        status == ContractStatus.PAUSED || status == ContractStatus.FAILED,
                        is + "; only a paused subscription can be resumed");
            case CANCEL ->
                require(
                        status == ContractStatus.ACTIVE
                                || status == ContractStatus.PAUSED
                                || status == ContractStatus.FAILED,
                        is + "; it cannot be cancelled");
            case UPDATE ->
                require(
                        status == ContractStatus.ACTIVE || status == ContractStatus.PAUSED,
                        is + "; only an active or paused subscription can be changed");
            case SKIP, UNSKIP ->
                require(
                        status == ContractStatus.ACTIVE || status == ContractStatus.PAUSED,
                        is + "; only an active or paused subscription has cycles to skip");
            default -> {}
        }
        if (type != ContractActionType.SKIP && type != ContractActionType.UNSKIP) {
            return Uni.createFrom().nullItem();
        }
        if (contract.nextBillingDate == null) {
            throw conflict("the subscription's next billing date is not known yet; try again in a moment");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return skippedCycles
                .of(contract.shopDomain, List.of(contract.shopifyId), today)
                .map(skipped -> {
                    Set<LocalDate> dates = skipped.stream()
                            .map(SkippedCycles.Skipped::cycleDate)
                            .collect(Collectors.toSet());
                    if (type == ContractActionType.UNSKIP) {
                        return dates.stream()
                                .sorted()
                                .findFirst()
                                .orElseThrow(() -> conflict("no upcoming delivery of this subscription is skipped"));
                    }
                    // the next cycle not skipped yet
                    Instant next = contract.nextBillingDate;
                    while (dates.contains(LocalDate.ofInstant(next, ZoneOffset.UTC))) {
                        next = BillingCalendar.after(next, contract.billingInterval, contract.billingIntervalCount);
                    }
                    return LocalDate.ofInstant(next, ZoneOffset.UTC);
                });
    }

    /**
     * The update's command edit, checked against the contract and its plan's group (400 naming the field); the
     * body's shape was checked as it came in ({@link ContractChangeRequest}'s constraints).
     */
    private Uni<SyncCommand.ContractEdit> edit(SubscriptionContract contract, ContractChangeRequest change) {
        if (change == null || change.isEmpty()) {
            throw ProblemException.badRequest("body", "send selling_plan_id, quantity or delivery_address");
        }
        String lineId = null;
        if (change.quantity() != null) {
            lineId = line(contract, change.lineId()).shopifyLineId;
        }
        SyncCommand.DeliveryAddress address = address(change.deliveryAddress());
        String quantityLine = lineId;
        if (change.sellingPlanId() == null) {
            return Uni.createFrom()
                    .item(new SyncCommand.ContractEdit(null, null, null, quantityLine, change.quantity(), address));
        }
        Long planId = planId(change.sellingPlanId());
        Long currentPlan = contract.lines.stream()
                .map(l -> l.sellingPlanId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (currentPlan == null) {
            throw conflict("this subscription has no selling plan whose frequency could change");
        }
        return groups.plansByShopifyIds(contract.shopDomain, List.of(currentPlan, planId))
                .map(plans -> {
                    SellingPlan current = plans.stream()
                            .filter(p -> currentPlan.equals(p.shopifyId))
                            .findFirst()
                            .orElse(null);
                    SellingPlan target = plans.stream()
                            .filter(p -> planId.equals(p.shopifyId))
                            .findFirst()
                            .orElse(null);
                    if (current == null
                            || target == null
                            || !current.group.id.equals(target.group.id)
                            || planId.equals(currentPlan)) {
                        throw ProblemException.badRequest(
                                "selling_plan_id",
                                "selling_plan_id must be another plan of this "
                                        + "subscription's group (see plan.alternatives)");
                    }
                    return new SyncCommand.ContractEdit(
                            upper(target.billingInterval),
                            target.billingIntervalCount,
                            planId,
                            quantityLine,
                            change.quantity(),
                            address);
                });
    }

    private static SubscriptionLine line(SubscriptionContract contract, String lineId) {
        if (lineId == null) {
            if (contract.lines.size() != 1) {
                throw ProblemException.badRequest(
                        "line_id",
                        "this subscription has " + contract.lines.size()
                                + " lines; name the line whose quantity changes");
            }
            return contract.lines.get(0);
        }
        return contract.lines.stream()
                .filter(l -> l.shopifyLineId.equals(lineId))
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest("line_id", "this subscription has no line " + lineId));
    }

    private static SyncCommand.DeliveryAddress address(ContractChangeRequest.DeliveryAddress address) {
        if (address == null) {
            return null;
        }
        return new SyncCommand.DeliveryAddress(
                address.firstName(),
                address.lastName(),
                address.address1(),
                address.address2(),
                address.city(),
                address.provinceCode(),
                address.countryCode().toUpperCase(Locale.ROOT),
                address.zip(),
                address.phone());
    }

    /** The plan's number; its form (digits or a gid) was checked as the request came in. */
    private static Long planId(String text) {
        return Long.valueOf(PayloadInspector.numericPart(text.strip()));
    }

    /**
     * Records the action as pending on the contract and writes its command to the outbox, in the caller's
     * transaction ({@link PendingActions#start}). The contract takes no other change until this one is settled.
     */
    private Uni<ContractAction> start(
            SubscriptionContract contract,
            ContractActionType type,
            String commandKey,
            LocalDate cycleDate,
            SyncCommand.ContractEdit edit) {
        PendingActions.Started started = PendingActions.start(
                contract, type, PendingActions.BY_CUSTOMER, commandKey, cycleDate, edit, Instant.now());
        return actions.persist(started.action())
                .invoke(saved -> contract.pendingActionId = saved.id)
                .call(() -> commands.enqueue(started.command()))
                .invoke(metrics::actionRequested);
    }

    private static void require(boolean allowed, String reason) {
        if (!allowed) {
            throw conflict(reason);
        }
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
