package com.lavish.subscriptions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.consumer.EventOutcome;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.ContractStatus;
import com.lavish.subscriptions.SubscriptionContract;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The life of a change asked of Shopify for a contract ({@link ContractAction}), by the storefront customer or by
 * dunning: started pending with its command, then settled by sync-service's answer (confirmed, rejected, failed) or
 * confirmed by a contract version that shows the status it asked for. One set of rules for the request path
 * ({@link ContractActions}, Hibernate) and the consumers ({@link ContractChanges}); no I/O.
 */
public final class PendingActions {

    public static final String BY_CUSTOMER = "customer";
    public static final String BY_DUNNING = "dunning";

    private static final Logger LOG = Logger.getLogger(PendingActions.class);
    // an edit is a record of plain values, read back by whichever version of this service wrote it
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** An action just asked for, and the command that carries it to Shopify. */
    public record Started(ContractAction action, SyncCommand command) {}

    private PendingActions() {}

    /**
     * The action, pending, and its command; the caller records it as the contract's pending action and writes the
     * command to the outbox in the same transaction.
     */
    public static Started start(
            SubscriptionContract contract,
            ContractActionType type,
            String requestedBy,
            String idempotencyKey,
            LocalDate cycleDate,
            SyncCommand.ContractEdit edit,
            Instant now) {
        String shop = contract.shopDomain;
        // Shopify records who changed a contract: the customer on the storefront, the app itself for dunning
        SyncCommand command = (switch (type) {
                    case SKIP, UNSKIP ->
                        SyncCommands.cycle(shop, type.command(), contract.shopifyId, idempotencyKey, cycleDate);
                    case UPDATE -> SyncCommands.contractUpdate(shop, contract.shopifyId, idempotencyKey, edit);
                    default -> SyncCommands.contract(shop, type.command(), contract.shopifyId, idempotencyKey);
                })
                .withActor(BY_CUSTOMER.equals(requestedBy) ? SyncCommand.ACTOR_CUSTOMER : SyncCommand.ACTOR_PARTNER);
        ContractAction action = new ContractAction();
        action.shopDomain = shop;
        action.contractShopifyId = contract.shopifyId;
        action.action = type.value();
        action.requestedBy = requestedBy;
        action.state = ContractAction.PENDING;
        action.commandId = command.commandId();
        action.idempotencyKey = idempotencyKey;
        action.cycleDate = cycleDate;
        action.edit = edit == null ? null : writeEdit(edit);
        action.requestedAt = now;
        return new Started(action, command);
    }

    /** sync-service's answer to an action's command. */
    public static EventOutcome settle(ContractChanges changes, SyncResult result, Instant now) {
        ContractAction action = changes.actionByCommand(result.commandId());
        if (action == null) {
            return EventOutcome.IGNORED;
        }
        if (!action.isPending()) {
            return EventOutcome.STALE;
        }
        SubscriptionContract contract = changes.contract(action.shopDomain, action.contractShopifyId);
        if (result.outcome() != SyncResult.SyncOutcome.SUCCEEDED) {
            action.state = result.outcome() == SyncResult.SyncOutcome.REJECTED
                    ? ContractAction.REJECTED
                    : ContractAction.FAILED;
            action.message = message(result);
            action.completedAt = now;
            changes.settled(action);
            changes.release(contract, action);
            return EventOutcome.APPLIED;
        }
        confirm(changes, contract, action, ContractStatus.parse(result.contractStatus()), now);
        return EventOutcome.APPLIED;
    }

    /**
     * A contract version showed the status the pending action asked for: Shopify made the change, whatever becomes of
     * its sync result.
     */
    public static void confirmByShopify(ContractChanges changes, SubscriptionContract contract, Instant now) {
        ContractAction action = changes.pendingAction(contract);
        if (action == null
                || !action.isPending()
                || action.type().resultingStatus() == null
                || action.type().resultingStatus() != contract.contractStatus()) {
            return;
        }
        confirm(changes, contract, action, null, now);
    }

    private static void confirm(
            ContractChanges changes,
            SubscriptionContract contract,
            ContractAction action,
            ContractStatus answered,
            Instant at) {
        action.state = ContractAction.CONFIRMED;
        action.completedAt = at;
        changes.settled(action);
        if (contract == null) {
            return;
        }
        changes.release(contract, action);
        changes.changed(contract);
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
        switch (type) {
            case SKIP -> changes.skip(contract.shopDomain, contract.shopifyId, action.cycleDate, null, at);
            case UNSKIP -> changes.unskip(contract.shopDomain, contract.shopifyId, action.cycleDate);
            case UPDATE -> applyEdit(changes, contract, readEdit(action.edit), at);
            default -> {}
        }
    }

    /** What Shopify confirmed of an update, on the local contract until the next version from Shopify. */
    private static void applyEdit(
            ContractChanges changes, SubscriptionContract contract, SyncCommand.ContractEdit edit, Instant at) {
        if (edit == null) {
            return;
        }
        // the action is confirmed once (a result or version delivered again finds it settled): so are its events
        if (edit.interval() != null || edit.sellingPlanId() != null) {
            changes.event(ContractEvents.Asked.of(SubscriptionEventType.FREQUENCY_CHANGED, contract, at));
        }
        if (edit.lineId() != null && edit.quantity() != null) {
            changes.event(ContractEvents.Asked.of(SubscriptionEventType.QUANTITY_CHANGED, contract, at));
        }
        if (edit.deliveryAddress() != null) {
            changes.event(ContractEvents.Asked.of(SubscriptionEventType.ADDRESS_CHANGED, contract, at));
        }
        if (edit.interval() != null) {
            contract.billingInterval = edit.interval().toLowerCase(Locale.ROOT);
            contract.billingIntervalCount = edit.intervalCount();
            contract.deliveryInterval = contract.billingInterval;
            contract.deliveryIntervalCount = edit.intervalCount();
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
        Integer quantity = edit.lineId() != null ? edit.quantity() : null;
        if (quantity != null || edit.sellingPlanId() != null) {
            changes.lineEdit(new ContractChanges.LineEdit(contract, edit.lineId(), quantity, edit.sellingPlanId()));
        }
    }

    /** Shopify's userErrors for people, or sync-service's reason. */
    public static String message(SyncResult result) {
        String errors = result.userErrors().stream()
                .map(SyncResult.UserError::message)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            return errors;
        }
        return Optional.ofNullable(result.message())
                .orElse(
                        result.outcome() == SyncResult.SyncOutcome.FAILED
                                ? "Shopify could not be reached; nothing was changed"
                                : "Shopify refused the change");
    }

    static String writeEdit(SyncCommand.ContractEdit edit) {
        try {
            return JSON.writeValueAsString(edit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a contract edit", e);
        }
    }

    static SyncCommand.ContractEdit readEdit(String edit) {
        try {
            return edit == null ? null : JSON.readValue(edit, SyncCommand.ContractEdit.class);
        } catch (IOException e) {
            LOG.warnf(
                    "the stored edit of an action cannot be read (%s); the next contract version brings it",
                    e.getMessage());
            return null;
        }
    }
}
