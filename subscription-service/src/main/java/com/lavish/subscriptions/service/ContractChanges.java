package com.lavish.subscriptions.service;

import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.sync.SyncCommand;
import com.lavish.subscriptions.BillingAttempt;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.ContractStatus;
import com.lavish.subscriptions.DunningStep;
import com.lavish.subscriptions.SubscriptionContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One poll's contracts as it read them (each row locked until the poll commits), their pending actions and billing
 * attempts, and what the poll's rules change of them and add beside them: settled and started actions, dunning
 * steps, skipped cycles, line edits, commands and the subscription events they cause. The rules
 * ({@link ContractVersions}, {@link BillingOutcomes}, {@link Dunning}, {@link PendingActions}) change it in offset
 * order, as the events were published; the repository
 * fills it and writes it back with one set-based statement per table. No I/O.
 */
public final class ContractChanges {

    /** A contract of a shop. */
    public record Key(String shop, long contractId) {

        static Key of(SubscriptionContract contract) {
            return new Key(contract.shopDomain, contract.shopifyId);
        }
    }

    /**
     * A change of one skipped cycle, in the order the poll made them.
     *
     * @param skipped true to skip the cycle, false to unskip it
     */
    public record CycleChange(
            String shop, long contractId, LocalDate cycleDate, Integer cycleIndex, Instant at, boolean skipped) {

        private List<Object> cycle() {
            return List.of(shop, contractId, cycleDate);
        }
    }

    /**
     * What Shopify confirmed of an update on a contract's lines: a line's quantity, the plan of every line on one.
     * Null fields leave the lines as they are.
     */
    public record LineEdit(SubscriptionContract contract, String lineId, Integer quantity, Long sellingPlanId) {}

    private final Map<Key, SubscriptionContract> contracts = new HashMap<>();
    private final Map<Long, ContractAction> actionsById = new HashMap<>();
    private final Map<String, ContractAction> actionsByCommand = new HashMap<>();
    private final Map<List<String>, BillingAttempt> attemptsByKey = new HashMap<>();
    private final Map<String, BillingAttempt> attemptsByCommand = new HashMap<>();
    private final Set<List<Object>> redactedCustomers = new HashSet<>();

    // entities compare by identity: one object per row
    private final Set<SubscriptionContract> changed = new LinkedHashSet<>();
    private final Set<SubscriptionContract> linesReplaced = new LinkedHashSet<>();
    private final Map<Key, PendingActions.Started> started = new LinkedHashMap<>();
    private final Set<ContractAction> settled = new LinkedHashSet<>();
    private final Set<BillingAttempt> attemptsChanged = new LinkedHashSet<>();
    private final List<BillingAttempt> attemptsReported = new ArrayList<>();
    private final List<DunningStep> steps = new ArrayList<>();
    private final List<CycleChange> cycles = new ArrayList<>();
    private final List<LineEdit> lineEdits = new ArrayList<>();
    private final List<SyncCommand> commands = new ArrayList<>();
    private final List<ContractEvents.Asked> events = new ArrayList<>();
    // each contract's status and completeness as read: what its events are told from
    private final Map<SubscriptionContract, String> statusAsRead = new IdentityHashMap<>();
    private final Set<SubscriptionContract> wholeAsRead = Collections.newSetFromMap(new IdentityHashMap<>());

    // ---- as read ----

    public void loaded(SubscriptionContract contract) {
        contracts.put(Key.of(contract), contract);
        statusAsRead.put(contract, contract.status);
        if (contract.fetchedRevisionId != null) {
            wholeAsRead.add(contract);
        }
    }

    public void loaded(ContractAction action) {
        actionsById.put(action.id, action);
        actionsByCommand.put(action.commandId, action);
    }

    public void loaded(BillingAttempt attempt) {
        attemptsByKey.put(List.of(attempt.shopDomain, attempt.idempotencyKey), attempt);
        if (attempt.commandId != null) {
            attemptsByCommand.put(attempt.commandId, attempt);
        }
    }

    /** The shop's customer asked to be redacted (customers/redact): their contracts keep no delivery address. */
    public void redacted(String shop, long customerId) {
        redactedCustomers.add(List.of(shop, customerId));
    }

    public boolean isRedacted(String shop, Long customerId) {
        return customerId != null && redactedCustomers.contains(List.of(shop, customerId));
    }

    // ---- what the rules look up ----

    /** The contract, or null when the shop has none (yet). */
    public SubscriptionContract contract(String shop, long contractId) {
        return contracts.get(new Key(shop, contractId));
    }

    /** A contract the poll creates: written as a new row. */
    public SubscriptionContract create(String shop, long contractId) {
        SubscriptionContract contract = SubscriptionContract.of(shop, contractId);
        contracts.put(Key.of(contract), contract);
        changed.add(contract);
        return contract;
    }

    public ContractAction actionByCommand(String commandId) {
        return actionsByCommand.get(commandId);
    }

    /** The contract's pending action, as read or started in this poll; null when none is (or it was not read). */
    public ContractAction pendingAction(SubscriptionContract contract) {
        PendingActions.Started fresh = started.get(Key.of(contract));
        if (fresh != null && fresh.action().isPending()) {
            return fresh.action();
        }
        return contract.pendingActionId == null ? null : actionsById.get(contract.pendingActionId);
    }

    /** Whether a change asked of Shopify is still waiting for its answer: the contract takes no other one meanwhile. */
    public boolean hasPendingChange(SubscriptionContract contract) {
        return contract.pendingActionId != null || pendingAction(contract) != null;
    }

    public BillingAttempt attempt(String shop, String idempotencyKey) {
        return attemptsByKey.get(List.of(shop, idempotencyKey));
    }

    public BillingAttempt attemptByCommand(String commandId) {
        return attemptsByCommand.get(commandId);
    }

    // ---- what the rules change ----

    public void changed(SubscriptionContract contract) {
        changed.add(contract);
    }

    /** The contract's lines are the ones it holds now, each matched by its gid: the others go. */
    public void linesReplaced(SubscriptionContract contract) {
        linesReplaced.add(contract);
    }

    /** An action started on the contract: pending on it (until settled), and its command in the outbox. */
    public void start(SubscriptionContract contract, PendingActions.Started action) {
        started.put(Key.of(contract), action);
        commands.add(action.command());
        changed.add(contract);
    }

    /** An action settled (confirmed, rejected or failed); one started in this poll is written as it ends up. */
    public void settled(ContractAction action) {
        if (action.id != null) {
            settled.add(action);
        }
    }

    /** The action no longer holds the contract back. */
    public void release(SubscriptionContract contract, ContractAction action) {
        if (contract == null) {
            return;
        }
        PendingActions.Started fresh = started.get(Key.of(contract));
        boolean pendingHere = action.id != null
                ? Objects.equals(contract.pendingActionId, action.id)
                : fresh != null && fresh.action() == action;
        if (pendingHere) {
            contract.pendingActionId = null;
            changed.add(contract);
        }
    }

    public void attemptChanged(BillingAttempt attempt) {
        attemptsChanged.add(attempt);
    }

    /** An attempt this service did not ask for, recorded as Shopify reported it. */
    public void attemptReported(BillingAttempt attempt) {
        attemptsReported.add(attempt);
        loaded(attempt);
    }

    public void step(DunningStep step) {
        steps.add(step);
    }

    public void skip(String shop, long contractId, LocalDate cycleDate, Integer cycleIndex, Instant at) {
        cycles.add(new CycleChange(shop, contractId, cycleDate, cycleIndex, at, true));
    }

    public void unskip(String shop, long contractId, LocalDate cycleDate) {
        cycles.add(new CycleChange(shop, contractId, cycleDate, null, null, false));
    }

    public void lineEdit(LineEdit edit) {
        lineEdits.add(edit);
    }

    public void command(SyncCommand command) {
        commands.add(command);
    }

    /** An event the change causes, written to the outbox with it. */
    public void event(ContractEvents.Asked event) {
        events.add(event);
    }

    // ---- what the writer writes ----

    /** The contracts the poll changed or created, each once. */
    public Collection<SubscriptionContract> changedContracts() {
        return changed;
    }

    public boolean replacesLines(SubscriptionContract contract) {
        return linesReplaced.contains(contract);
    }

    /** Actions read before the poll that it settled. */
    public Collection<ContractAction> settledActions() {
        return settled;
    }

    /** Actions the poll started, as they end up (still pending, or already confirmed by a later event). */
    public Collection<PendingActions.Started> startedActions() {
        return started.values();
    }

    /** Attempts read before the poll that it changed. */
    public Collection<BillingAttempt> changedAttempts() {
        return attemptsChanged;
    }

    public List<BillingAttempt> reportedAttempts() {
        return attemptsReported;
    }

    public List<DunningStep> steps() {
        return steps;
    }

    /**
     * The skipped cycles to delete first: every cycle the poll unskipped at some point, as the unskip deleted its row
     * whatever came before it.
     */
    public List<CycleChange> cyclesToDelete() {
        Map<List<Object>, CycleChange> deletes = new LinkedHashMap<>();
        cycles.stream().filter(c -> !c.skipped()).forEach(c -> deletes.putIfAbsent(c.cycle(), c));
        return List.copyOf(deletes.values());
    }

    /**
     * The skipped cycles to insert then (a row that is there stays as it is): each cycle whose last change is a skip,
     * with the first skip since its last unskip, which is the one that inserted its row.
     */
    public List<CycleChange> cyclesToInsert() {
        Map<List<Object>, CycleChange> inserts = new LinkedHashMap<>();
        for (CycleChange change : cycles) {
            if (!change.skipped()) {
                inserts.put(change.cycle(), null);
            } else if (inserts.get(change.cycle()) == null) {
                inserts.put(change.cycle(), change);
            }
        }
        return inserts.values().stream().filter(Objects::nonNull).toList();
    }

    public List<LineEdit> lineEdits() {
        return lineEdits;
    }

    /** The commands for sync-service, in the order asked. */
    public List<SyncCommand> commands() {
        return commands;
    }

    /** Whether the poll writes anything to the outbox: a command, or an event (a skip may be one). */
    public boolean writesOutbox() {
        return !commands.isEmpty()
                || !cyclesToInsert().isEmpty()
                || !events(Instant.now()).isEmpty();
    }

    /**
     * The events the poll causes, told by comparing each contract as the poll leaves it with the contract as read:
     * CONTRACT_CREATED the first time a contract is whole (the thin webhook that creates it has no lines; the node that
     * completes it has), then the events the rules asked for, then PAUSED, RESUMED or CANCELLED where the status moved.
     * A version or result delivered again changes nothing, so it causes nothing. The skips are told by the write, which
     * alone knows whether a cycle was skipped already.
     */
    public List<ContractEvents.Asked> events(Instant now) {
        List<ContractEvents.Asked> all = new ArrayList<>();
        Set<SubscriptionContract> created = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SubscriptionContract contract : changed) {
            if (contract.fetchedRevisionId != null && !wholeAsRead.contains(contract)) {
                all.add(ContractEvents.Asked.of(SubscriptionEventType.CONTRACT_CREATED, contract, now));
                created.add(contract);
            }
        }
        all.addAll(events);
        for (SubscriptionContract contract : changed) {
            SubscriptionEventType moved = statusAsRead.containsKey(contract) && !created.contains(contract)
                    ? ContractEvents.transition(
                            ContractStatus.parse(statusAsRead.get(contract)), contract.contractStatus())
                    : null;
            if (moved != null) {
                all.add(ContractEvents.Asked.of(moved, contract, now));
            }
        }
        return all;
    }
}
