package com.lavish.sync.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.events.sync.SyncResult.SyncOutcome;
import com.lavish.sync.SyncCommandRecord;
import com.lavish.sync.SyncCommandRecord.State;
import com.lavish.sync.client.AdminApiException;
import com.lavish.sync.messaging.SyncRecordPublisher;
import com.lavish.sync.repository.SyncCommandRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Applies one command at most once per idempotency key, with the command ledger:
 * <ol>
 *   <li>the key is recorded (RECEIVED) or found; a key already answered (SUCCEEDED, REJECTED) is answered again from
 *       the ledger, with this command's id, and Shopify is not called;</li>
 *   <li>SENDING is committed (in the same transaction) <em>before</em> Shopify is called, so a restart knows the
 *       outcome may be unknown;</li>
 *   <li>Shopify's outcome is recorded with the result, then the result is published to sync.results.</li>
 * </ol>
 * A key that FAILED (Shopify unreachable within the retries) is tried again when it is delivered again. Counted in
 * {@code sync.commands} (type, outcome; {@code replayed} for answers from the ledger).
 */
@ApplicationScoped
public class SyncCommandService {

    private static final Logger LOG = Logger.getLogger(SyncCommandService.class);

    private final SyncCommandRepository ledger;
    private final SellingPlanGroupCommands groups;
    private final ContractCommands contracts;
    private final SyncRecordPublisher results;
    private final MeterRegistry metrics;

    public SyncCommandService(SyncCommandRepository ledger, SellingPlanGroupCommands groups, ContractCommands contracts,
                              SyncRecordPublisher results, MeterRegistry metrics) {
        this.ledger = ledger;
        this.groups = groups;
        this.contracts = contracts;
        this.results = results;
        this.metrics = metrics;
    }

    /** Completes once the command's result is on sync.results. Must be called on a Vert.x context (a consumer's). */
    public Uni<SyncResult> apply(SyncCommand command) {
        Context context = Vertx.currentContext();
        String json = new String(SyncMessages.write(command), StandardCharsets.UTF_8);
        Instant now = Instant.now();
        // one transaction records the key and, unless it was answered before, marks it SENDING: committed before
        // Shopify is called
        return Panache.withTransaction(() -> ledger.receive(command.shop(), command.idempotencyKey(),
                                command.commandId(), command.type().name(), command.origin(), json, now)
                        .call(entry -> entry.state.answered() ? Uni.createFrom().voidItem()
                                : ledger.markSending(entry.id, now).replaceWithVoid()))
                .chain(entry -> entry.state.answered() ? replay(command, entry) : send(context, command, entry));
    }

    private Uni<SyncResult> replay(SyncCommand command, SyncCommandRecord entry) {
        SyncResult stored = SyncMessages.readResult(entry.result.getBytes(StandardCharsets.UTF_8));
        SyncResult again = new SyncResult(command.commandId(), command.idempotencyKey(), command.shop(), command.type(),
                command.origin(), stored.outcome(), stored.userErrors(), stored.message(), stored.contractId(),
                stored.shopifyId(), stored.sellingPlanIds(), stored.contractStatus(), stored.completedAt());
        LOG.debugf("%s: key answered before (%s); answering from the ledger", command, stored.outcome());
        metrics.counter("sync.commands", "type", command.type().name(), "outcome", "replayed").increment();
        return results.result(command, again).replaceWith(again);
    }

    // entry as read before this attempt was marked: its attempts and firstSentAt say whether one went before
    private Uni<SyncResult> send(Context context, SyncCommand command, SyncCommandRecord entry) {
        boolean sentBefore = entry.attempts > 0;
        Instant firstSentAt = entry.firstSentAt != null ? entry.firstSentAt : Instant.now();
        return execute(command, sentBefore, firstSentAt)
                .onFailure().recoverWithItem(failure -> failureOutcome(command, failure))
                .emitOn(VertxContexts.on(context))
                .chain(outcome -> complete(command, entry, outcome));
    }

    private Uni<ShopifyOutcome> execute(SyncCommand command, boolean sentBefore, Instant firstSentAt) {
        return switch (command.type()) {
            case SELLING_PLAN_GROUP_CREATE -> groups.create(command, sentBefore, firstSentAt);
            case SELLING_PLAN_GROUP_UPDATE -> groups.update(command);
            case SELLING_PLAN_GROUP_DELETE -> groups.delete(command);
            case SELLING_PLAN_GROUP_ADD_PRODUCTS -> groups.products(command, true);
            case SELLING_PLAN_GROUP_REMOVE_PRODUCTS -> groups.products(command, false);
            case PRODUCT_JOIN_SELLING_PLAN_GROUPS -> groups.productGroups(command, true);
            case PRODUCT_LEAVE_SELLING_PLAN_GROUPS -> groups.productGroups(command, false);
            case CONTRACT_PAUSE, CONTRACT_ACTIVATE, CONTRACT_CANCEL -> contracts.status(command);
            case BILLING_CYCLE_SKIP, BILLING_CYCLE_UNSKIP -> contracts.billingCycle(command);
            case CONTRACT_UPDATE -> contracts.update(command);
            case BILLING_ATTEMPT_CREATE -> contracts.billingAttempt(command);
            case CONTRACT_FETCH -> contracts.fetch(command);
        };
    }

    // Errors that sending again would not cure are a refusal; anything else (retries spent, circuit open) a failure.
    private static ShopifyOutcome failureOutcome(SyncCommand command, Throwable failure) {
        LOG.warnf("%s: Shopify did not apply it: %s", command, failure.getMessage());
        return failure instanceof AdminApiException ? ShopifyOutcome.rejected(failure.getMessage())
                : ShopifyOutcome.failed("Shopify could not be reached: " + failure.getMessage());
    }

    private Uni<SyncResult> complete(SyncCommand command, SyncCommandRecord entry, ShopifyOutcome outcome) {
        Instant now = Instant.now();
        SyncResult result = new SyncResult(command.commandId(), command.idempotencyKey(), command.shop(),
                command.type(), command.origin(), outcome.outcome(), outcome.userErrors(), outcome.message(),
                command.contractId(), outcome.shopifyId(), outcome.sellingPlanIds(), outcome.contractStatus(),
                now.toString());
        State state = switch (outcome.outcome()) {
            case SUCCEEDED -> State.SUCCEEDED;
            case REJECTED -> State.REJECTED;
            case FAILED -> State.FAILED;
        };
        // an answered command is never sent again: its delivery address (personal data) is no longer needed
        SyncCommand kept = state.answered() ? withoutAddress(command) : command;
        String resultJson = new String(SyncMessages.write(result), StandardCharsets.UTF_8);
        String commandJson = new String(SyncMessages.write(kept), StandardCharsets.UTF_8);
        return Panache.withTransaction(() -> ledger.complete(entry.id, state, outcome.shopifyId(), resultJson,
                        commandJson, now))
                .invoke(() -> metrics.counter("sync.commands", "type", command.type().name(),
                        "outcome", outcome.outcome().name().toLowerCase(java.util.Locale.ROOT)).increment())
                .invoke(() -> {
                    if (outcome.outcome() != SyncOutcome.SUCCEEDED) {
                        LOG.infof("%s: %s: %s", command, outcome.outcome(), outcome.message());
                    }
                })
                .chain(() -> results.result(command, result))
                .replaceWith(result);
    }

    private static SyncCommand withoutAddress(SyncCommand command) {
        if (command.contractEdit() == null || command.contractEdit().deliveryAddress() == null) {
            return command;
        }
        SyncCommand.ContractEdit edit = command.contractEdit();
        return new SyncCommand(command.commandId(), command.idempotencyKey(), command.shop(), command.type(),
                command.origin(), command.issuedAt(), command.contractId(), command.sellingPlanGroupId(),
                command.productId(), command.productIds(), command.sellingPlanGroupIds(), command.sellingPlanGroup(),
                new SyncCommand.ContractEdit(edit.interval(), edit.intervalCount(), edit.sellingPlanId(), edit.lineId(),
                        edit.quantity(), null), command.billingCycle(), command.actor());
    }
}
