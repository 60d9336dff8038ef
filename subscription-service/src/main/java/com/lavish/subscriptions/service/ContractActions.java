package com.lavish.subscriptions.service;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.events.PayloadInspector;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncResult;
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

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Changes to a contract that Shopify must make: asked by the storefront customer (pause, resume, skip, unskip,
 * cancel, a change of frequency, quantity or address), or by dunning at its end. Each becomes a
 * {@link ContractAction} and a command in the outbox, in one transaction; the contract shows it as pending until
 * sync.results or a contract webhook confirms it, and a refusal leaves Shopify's message on the contract.
 */
@ApplicationScoped
public class ContractActions {

    public static final String BY_CUSTOMER = "customer";
    public static final String BY_DUNNING = "dunning";

    private static final Logger LOG = Logger.getLogger(ContractActions.class);
    private static final int MAX_QUANTITY = 100;

    private final ContractRepository contracts;
    private final ContractActionRepository actions;
    private final SellingPlanGroupRepository groups;
    private final SkippedCycles skippedCycles;
    private final SyncCommands commands;
    private final IdempotentRequests idempotentRequests;
    private final SubscriptionViews views;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public ContractActions(ContractRepository contracts, ContractActionRepository actions,
                           SellingPlanGroupRepository groups, SkippedCycles skippedCycles, SyncCommands commands,
                           IdempotentRequests idempotentRequests, SubscriptionViews views, ObjectMapper json,
                           MeterRegistry metrics) {
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
    public Uni<StoredAnswer> request(StorefrontCustomer who, long contractId, ContractActionType type,
                                     ContractChangeRequest change, String idempotencyKey) {
        if (idempotencyKey == null) {
            return act(who, contractId, type, change, UUID.randomUUID().toString());
        }
        String fingerprint = IdempotentRequests.fingerprint(type.value() + " " + contractId + " " + write(change));
        return idempotentRequests.claim(who, idempotencyKey, fingerprint).chain(stored -> stored.isPresent()
                ? Uni.createFrom().item(stored.get())
                : act(who, contractId, type, change, "request/" + who.customerId() + "/" + idempotencyKey)
                        .call(answer -> idempotentRequests.complete(who, idempotencyKey, answer)));
    }

    private Uni<StoredAnswer> act(StorefrontCustomer who, long contractId, ContractActionType type,
                                  ContractChangeRequest change, String commandKey) {
        return contracts.lockCustomers(who.shop(), who.customerId(), contractId).chain(contract -> {
            if (contract == null) {
                throw ProblemException.notFound("you have no subscription with the id " + contractId);
            }
            return allowed(contract, type).chain(cycleDate -> type == ContractActionType.UPDATE
                    ? edit(contract, change).chain(edit -> start(contract, type, BY_CUSTOMER, commandKey, null, edit))
                    : start(contract, type, BY_CUSTOMER, commandKey, cycleDate, null))
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
            throw conflict("a change to this subscription is still waiting for Shopify; try again once it is "
                    + "confirmed");
        }
        ContractStatus status = contract.contractStatus();
        String is = "the subscription is " + contract.status;
        switch (type) {
            case PAUSE -> require(status == ContractStatus.ACTIVE, is + "; only an active subscription can be paused");
            case RESUME -> require(status == ContractStatus.PAUSED || status == ContractStatus.FAILED,
                    is + "; only a paused subscription can be resumed");
            case CANCEL -> require(status == ContractStatus.ACTIVE || status == ContractStatus.PAUSED
                    || status == ContractStatus.FAILED, is + "; it cannot be cancelled");
            case UPDATE -> require(status == ContractStatus.ACTIVE || status == ContractStatus.PAUSED,
                    is + "; only an active or paused subscription can be changed");
            case SKIP, UNSKIP -> require(status == ContractStatus.ACTIVE || status == ContractStatus.PAUSED,
                    is + "; only an active or paused subscription has cycles to skip");
            default -> {
            }
        }
        if (type != ContractActionType.SKIP && type != ContractActionType.UNSKIP) {
            return Uni.createFrom().nullItem();
        }
        if (contract.nextBillingDate == null) {
            throw conflict("the subscription's next billing date is not known yet; try again in a moment");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return skippedCycles.of(contract.shopDomain, List.of(contract.shopifyId), today).map(skipped -> {
            Set<LocalDate> dates = skipped.stream().map(SkippedCycles.Skipped::cycleDate).collect(Collectors.toSet());
            if (type == ContractActionType.UNSKIP) {
                return dates.stream().sorted().findFirst().orElseThrow(() -> conflict(
                        "no upcoming delivery of this subscription is skipped"));
            }
            // the next cycle not skipped yet
            Instant next = contract.nextBillingDate;
            while (dates.contains(LocalDate.ofInstant(next, ZoneOffset.UTC))) {
                next = BillingCalendar.after(next, contract.billingInterval, contract.billingIntervalCount);
            }
            return LocalDate.ofInstant(next, ZoneOffset.UTC);
        });
    }

    /** The update's command edit, checked against the contract and its plan's group (400 naming the field). */
    private Uni<SyncCommand.ContractEdit> edit(SubscriptionContract contract, ContractChangeRequest change) {
        if (change == null || change.isEmpty()) {
            throw ProblemException.badRequest("body", "send selling_plan_id, quantity or delivery_address");
        }
        String lineId = null;
        if (change.quantity() != null) {
            if (change.quantity() < 1 || change.quantity() > MAX_QUANTITY) {
                throw ProblemException.badRequest("quantity", "quantity must be between 1 and " + MAX_QUANTITY);
            }
            lineId = line(contract, change.lineId()).shopifyLineId;
        }
        SyncCommand.DeliveryAddress address = address(change.deliveryAddress());
        String quantityLine = lineId;
        if (change.sellingPlanId() == null) {
            return Uni.createFrom().item(new SyncCommand.ContractEdit(null, null, null, quantityLine,
                    change.quantity(), address));
        }
        Long planId = planId(change.sellingPlanId());
        Long currentPlan = contract.lines.stream().map(l -> l.sellingPlanId).filter(Objects::nonNull).findFirst()
                .orElse(null);
        if (currentPlan == null) {
            throw conflict("this subscription has no selling plan whose frequency could change");
        }
        return groups.plansByShopifyIds(contract.shopDomain, List.of(currentPlan, planId)).map(plans -> {
            SellingPlan current = plans.stream().filter(p -> currentPlan.equals(p.shopifyId)).findFirst().orElse(null);
            SellingPlan target = plans.stream().filter(p -> planId.equals(p.shopifyId)).findFirst().orElse(null);
            if (current == null || target == null || !current.group.id.equals(target.group.id)
                    || planId.equals(currentPlan)) {
                throw ProblemException.badRequest("selling_plan_id", "selling_plan_id must be another plan of this "
                        + "subscription's group (see plan.alternatives)");
            }
            return new SyncCommand.ContractEdit(upper(target.billingInterval), target.billingIntervalCount, planId,
                    quantityLine, change.quantity(), address);
        });
    }

    private static SubscriptionLine line(SubscriptionContract contract, String lineId) {
        if (lineId == null) {
            if (contract.lines.size() != 1) {
                throw ProblemException.badRequest("line_id", "this subscription has " + contract.lines.size()
                        + " lines; name the line whose quantity changes");
            }
            return contract.lines.get(0);
        }
        return contract.lines.stream().filter(l -> l.shopifyLineId.equals(lineId)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("line_id", "this subscription has no line " + lineId));
    }

    private static SyncCommand.DeliveryAddress address(ContractChangeRequest.DeliveryAddress address) {
        if (address == null) {
            return null;
        }
        if (blank(address.address1()) || blank(address.city())) {
            throw ProblemException.badRequest("delivery_address", "a delivery address needs address1 and city");
        }
        if (address.countryCode() == null || !address.countryCode().matches("[A-Za-z]{2}")) {
            throw ProblemException.badRequest("delivery_address.country_code",
                    "country_code is the ISO 3166 two-letter code, such as AU");
        }
        return new SyncCommand.DeliveryAddress(address.firstName(), address.lastName(), address.address1(),
                address.address2(), address.city(), address.provinceCode(),
                address.countryCode().toUpperCase(Locale.ROOT), address.zip(), address.phone());
    }

    private static Long planId(String text) {
        String digits = PayloadInspector.numericPart(text.trim());
        if (!digits.matches("[0-9]{1,19}")) {
            throw ProblemException.badRequest("selling_plan_id", "selling_plan_id is a plan id, digits or a gid");
        }
        try {
            return Long.valueOf(digits);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("selling_plan_id", "selling_plan_id is a plan id, digits or a gid");
        }
    }

    /**
     * Records the action as pending on the contract and writes its command to the outbox, in the caller's
     * transaction. The contract takes no other change until this one is settled.
     */
    public Uni<ContractAction> start(SubscriptionContract contract, ContractActionType type, String requestedBy,
                                     String idempotencyKey, LocalDate cycleDate, SyncCommand.ContractEdit edit) {
        String shop = contract.shopDomain;
        // Shopify records who changed a contract: the customer on the storefront, the app itself for dunning
        SyncCommand command = (switch (type) {
            case SKIP, UNSKIP -> SyncCommands.cycle(shop, type.command(), contract.shopifyId, idempotencyKey,
                    cycleDate);
            case UPDATE -> SyncCommands.contractUpdate(shop, contract.shopifyId, idempotencyKey, edit);
            default -> SyncCommands.contract(shop, type.command(), contract.shopifyId, idempotencyKey);
        }).withActor(BY_CUSTOMER.equals(requestedBy) ? SyncCommand.ACTOR_CUSTOMER : SyncCommand.ACTOR_PARTNER);
        ContractAction action = new ContractAction();
        action.shopDomain = shop;
        action.contractShopifyId = contract.shopifyId;
        action.action = type.value();
        action.requestedBy = requestedBy;
        action.state = ContractAction.PENDING;
        action.commandId = command.commandId();
        action.idempotencyKey = idempotencyKey;
        action.cycleDate = cycleDate;
        action.edit = edit == null ? null : write(edit);
        action.requestedAt = Instant.now();
        return actions.persist(action)
                .invoke(saved -> contract.pendingActionId = saved.id)
                .call(() -> commands.enqueue(command))
                .invoke(() -> metrics.counter("subscription.actions.requested", "action", type.value(), "by",
                        requestedBy).increment());
    }

    /** Applies sync-service's answer to an action's command, in the caller's transaction. */
    public Uni<EventOutcome> settle(SyncResult result) {
        return actions.findByCommandId(result.commandId()).chain(action -> {
            if (action == null) {
                return Uni.createFrom().item(EventOutcome.UNKNOWN);
            }
            if (!action.isPending()) {
                return Uni.createFrom().item(EventOutcome.STALE);
            }
            return contracts.findWhole(action.shopDomain, action.contractShopifyId).chain(contract -> {
                Instant at = Instant.now();
                if (result.outcome() != SyncResult.SyncOutcome.SUCCEEDED) {
                    action.state = result.outcome() == SyncResult.SyncOutcome.REJECTED ? ContractAction.REJECTED
                            : ContractAction.FAILED;
                    action.message = message(result);
                    action.completedAt = at;
                    release(contract, action);
                    metrics.counter("subscription.actions.settled", "action", action.action, "state", action.state)
                            .increment();
                    return Uni.createFrom().item(EventOutcome.APPLIED);
                }
                return confirm(contract, action, ContractStatus.parse(result.contractStatus()), at)
                        .replaceWith(EventOutcome.APPLIED);
            });
        });
    }

    /**
     * A contract webhook or node showed the status the pending action asked for: Shopify made the change, whatever
     * became of its sync result. Runs in the caller's transaction.
     */
    public Uni<Void> confirmByShopify(SubscriptionContract contract) {
        if (contract.pendingActionId == null) {
            return Uni.createFrom().voidItem();
        }
        return actions.findById(contract.pendingActionId).chain(action -> {
            if (action == null || !action.isPending() || action.type().resultingStatus() == null
                    || action.type().resultingStatus() != contract.contractStatus()) {
                return Uni.createFrom().voidItem();
            }
            return confirm(contract, action, null, Instant.now());
        });
    }

    private Uni<Void> confirm(SubscriptionContract contract, ContractAction action, ContractStatus answered,
                              Instant at) {
        action.state = ContractAction.CONFIRMED;
        action.completedAt = at;
        metrics.counter("subscription.actions.settled", "action", action.action, "state", action.state).increment();
        if (contract == null) {
            return Uni.createFrom().voidItem();
        }
        release(contract, action);
        ContractActionType type = action.type();
        ContractStatus status = answered != null ? answered : type.resultingStatus();
        if (status != null) {
            contract.changeStatus(status, at);
        }
        if (type == ContractActionType.RESUME) {
            // a resumed contract starts its billing afresh: no dunning carried over
            contract.failedAttempts = 0;
            contract.nextRetryAt = null;
        }
        return switch (type) {
            case SKIP -> skippedCycles.skip(contract.shopDomain, contract.shopifyId, action.cycleDate, null, at);
            case UNSKIP -> skippedCycles.unskip(contract.shopDomain, contract.shopifyId, action.cycleDate);
            case UPDATE -> applyEdit(contract, read(action.edit));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** What Shopify confirmed of an update, on the local contract until the next version from Shopify. */
    private Uni<Void> applyEdit(SubscriptionContract contract, SyncCommand.ContractEdit edit) {
        if (edit == null) {
            return Uni.createFrom().voidItem();
        }
        if (edit.interval() != null) {
            contract.billingInterval = edit.interval().toLowerCase(Locale.ROOT);
            contract.billingIntervalCount = edit.intervalCount();
            contract.deliveryInterval = contract.billingInterval;
            contract.deliveryIntervalCount = edit.intervalCount();
        }
        if (edit.quantity() != null && edit.lineId() != null) {
            contract.lines.stream().filter(l -> l.shopifyLineId.equals(edit.lineId()))
                    .forEach(l -> l.quantity = edit.quantity());
        }
        SyncCommand.DeliveryAddress address = edit.deliveryAddress();
        if (address != null) {
            contract.deliveryFirstName = address.firstName();
            contract.deliveryLastName = address.lastName();
            contract.deliveryAddress1 = address.address1();
            contract.deliveryAddress2 = address.address2();
            contract.deliveryCity = address.city();
            contract.deliveryProvinceCode = address.provinceCode();
            contract.deliveryCountryCode = address.countryCode();
            contract.deliveryZip = address.zip();
            contract.deliveryPhone = address.phone();
        }
        if (edit.sellingPlanId() == null) {
            return Uni.createFrom().voidItem();
        }
        return groups.plansByShopifyIds(contract.shopDomain, List.of(edit.sellingPlanId())).invoke(plans -> {
            String name = plans.isEmpty() ? null : plans.get(0).name;
            contract.lines.stream().filter(l -> l.sellingPlanId != null).forEach(l -> {
                l.sellingPlanId = edit.sellingPlanId();
                l.sellingPlanName = name;
            });
        }).replaceWithVoid();
    }

    private static void release(SubscriptionContract contract, ContractAction action) {
        if (contract != null && Objects.equals(contract.pendingActionId, action.id)) {
            contract.pendingActionId = null;
        }
    }

    /** Shopify's userErrors for people, or sync-service's reason. */
    static String message(SyncResult result) {
        String errors = result.userErrors().stream().map(SyncResult.UserError::message).filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            return errors;
        }
        return Optional.ofNullable(result.message()).orElse(result.outcome() == SyncResult.SyncOutcome.FAILED
                ? "Shopify could not be reached; nothing was changed" : "Shopify refused the change");
    }

    private static void require(boolean allowed, String reason) {
        if (!allowed) {
            throw conflict(reason);
        }
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
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

    private SyncCommand.ContractEdit read(String edit) {
        try {
            return edit == null ? null : json.readValue(edit, SyncCommand.ContractEdit.class);
        } catch (IOException e) {
            LOG.warnf("the stored edit of an action cannot be read (%s); the next contract version brings it",
                    e.getMessage());
            return null;
        }
    }
}
