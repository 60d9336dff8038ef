package com.lavish.sync.service;

import static com.lavish.sync.service.SellingPlanGroupCommands.JSON;
import static com.lavish.sync.service.SellingPlanGroupCommands.missing;
import static com.lavish.sync.service.SellingPlanGroupCommands.rejectedOr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.events.sync.ReconcileType;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommand.BillingCycle;
import com.lavish.events.sync.SyncCommand.ContractEdit;
import com.lavish.events.sync.SyncCommand.DeliveryAddress;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.client.AdminApiClient;
import com.lavish.sync.client.AdminOperation;
import com.lavish.sync.config.SyncCommandConfig;
import com.lavish.sync.messaging.ReconcileEventPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Subscription contract commands. Each is harmless to send twice: status changes and skips land in the same state,
 * an edit goes through a fresh draft each time, and a billing attempt carries the command's idempotency key as
 * Shopify's {@code idempotencyKey}, so Shopify charges a key once.
 */
@ApplicationScoped
public class ContractCommands {

    private final AdminApiClient admin;
    private final SyncCommandConfig config;
    private final ReconcileEventPublisher events;

    public ContractCommands(AdminApiClient admin, SyncCommandConfig config, ReconcileEventPublisher events) {
        this.admin = admin;
        this.config = config;
        this.events = events;
    }

    /** CONTRACT_PAUSE, CONTRACT_ACTIVATE or CONTRACT_CANCEL. */
    public Uni<ShopifyOutcome> status(SyncCommand command) {
        if (command.contractId() == null) {
            return missing(command, "contractId");
        }
        AdminOperation operation;
        String mutation;
        switch (command.type()) {
            case CONTRACT_PAUSE -> {
                operation = AdminOperation.SUBSCRIPTION_CONTRACT_PAUSE;
                mutation = "subscriptionContractPause";
            }
            case CONTRACT_ACTIVATE -> {
                operation = AdminOperation.SUBSCRIPTION_CONTRACT_ACTIVATE;
                mutation = "subscriptionContractActivate";
            }
            case CONTRACT_CANCEL -> {
                operation = AdminOperation.SUBSCRIPTION_CONTRACT_CANCEL;
                mutation = "subscriptionContractCancel";
            }
            default -> throw new IllegalArgumentException(command.type() + " is no status change");
        }
        ObjectNode variables =
                withActor(command, JSON.createObjectNode().put("subscriptionContractId", contractGid(command)));
        return admin.execute(command.shop(), operation, variables)
                .map(answer ->
                        rejectedOr(answer, mutation, () -> contractOutcome(command, answer.at(mutation, "contract"))));
    }

    /** BILLING_CYCLE_SKIP or BILLING_CYCLE_UNSKIP. */
    public Uni<ShopifyOutcome> billingCycle(SyncCommand command) {
        if (command.contractId() == null || command.billingCycle() == null) {
            return missing(command, "contractId and billingCycle");
        }
        boolean skip = command.type() == SyncCommandType.BILLING_CYCLE_SKIP;
        String mutation = skip ? "subscriptionBillingCycleSkip" : "subscriptionBillingCycleUnskip";
        ObjectNode input = JSON.createObjectNode().put("contractId", contractGid(command));
        input.set("selector", selector(command.billingCycle()));
        ObjectNode variables = JSON.createObjectNode();
        variables.set("billingCycleInput", input);
        return admin.execute(
                        command.shop(),
                        skip
                                ? AdminOperation.SUBSCRIPTION_BILLING_CYCLE_SKIP
                                : AdminOperation.SUBSCRIPTION_BILLING_CYCLE_UNSKIP,
                        variables)
                .map(answer -> rejectedOr(answer, mutation, () -> ShopifyOutcome.succeeded(command.contractId())));
    }

    /**
     * CONTRACT_UPDATE through Shopify's draft flow: subscriptionContractUpdate opens a draft; subscriptionDraftUpdate
     * sets the frequency (billing and delivery policy) and the delivery address; subscriptionDraftLineUpdate sets a
     * line's quantity and the lines' selling plan; subscriptionDraftCommit applies it. userErrors at any step end
     * the flow as REJECTED (the uncommitted draft changes nothing).
     */
    public Uni<ShopifyOutcome> update(SyncCommand command) {
        ContractEdit edit = command.contractEdit();
        if (command.contractId() == null || edit == null) {
            return missing(command, "contractId and contractEdit");
        }
        if (edit.quantity() != null && edit.lineId() == null) {
            return Uni.createFrom().item(ShopifyOutcome.rejected("CONTRACT_UPDATE with a quantity needs lineId"));
        }
        ObjectNode open = withActor(command, JSON.createObjectNode().put("contractId", contractGid(command)));
        return admin.execute(command.shop(), AdminOperation.SUBSCRIPTION_CONTRACT_UPDATE, open)
                .chain(answer -> {
                    var errors = answer.userErrors("subscriptionContractUpdate");
                    if (!errors.isEmpty()) {
                        return Uni.createFrom().item(ShopifyOutcome.rejected(errors));
                    }
                    JsonNode draft = answer.at("subscriptionContractUpdate", "draft");
                    String draftId = draft.path("id").asText(null);
                    List<String> draftLines = new ArrayList<>();
                    draft.path("lines")
                            .path("nodes")
                            .forEach(line -> draftLines.add(line.path("id").asText()));
                    return draftUpdate(command, draftId)
                            .chain(outcome -> outcome != null
                                    ? Uni.createFrom().item(outcome)
                                    : lineUpdates(command, draftId, draftLines, 0))
                            .chain(outcome ->
                                    outcome != null ? Uni.createFrom().item(outcome) : commit(command, draftId));
                });
    }

    // null when the step succeeded (or had nothing to do): the flow goes on
    private Uni<ShopifyOutcome> draftUpdate(SyncCommand command, String draftId) {
        ContractEdit edit = command.contractEdit();
        ObjectNode input = JSON.createObjectNode();
        if (edit.interval() != null && edit.intervalCount() != null) {
            String interval = edit.interval().toUpperCase(Locale.ROOT);
            input.putObject("billingPolicy").put("interval", interval).put("intervalCount", edit.intervalCount());
            input.putObject("deliveryPolicy").put("interval", interval).put("intervalCount", edit.intervalCount());
        }
        if (edit.deliveryAddress() != null) {
            input.putObject("deliveryMethod").putObject("shipping").set("address", address(edit.deliveryAddress()));
        }
        if (input.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        ObjectNode variables = JSON.createObjectNode().put("draftId", draftId);
        variables.set("input", input);
        return admin.execute(command.shop(), AdminOperation.SUBSCRIPTION_DRAFT_UPDATE, variables)
                .map(answer -> rejectedOr(answer, "subscriptionDraftUpdate", () -> null));
    }

    // The quantity goes to the named line; a selling plan to the named line, or to every line without one.
    private Uni<ShopifyOutcome> lineUpdates(SyncCommand command, String draftId, List<String> draftLines, int index) {
        ContractEdit edit = command.contractEdit();
        List<String> lines =
                edit.lineId() != null ? List.of(edit.lineId()) : edit.sellingPlanId() != null ? draftLines : List.of();
        if (index >= lines.size() || (edit.quantity() == null && edit.sellingPlanId() == null)) {
            return Uni.createFrom().nullItem();
        }
        ObjectNode input = JSON.createObjectNode();
        if (edit.quantity() != null) {
            input.put("quantity", edit.quantity());
        }
        if (edit.sellingPlanId() != null) {
            input.put("sellingPlanId", ShopifyGid.of("SellingPlan", edit.sellingPlanId()));
        }
        ObjectNode variables = JSON.createObjectNode().put("draftId", draftId).put("lineId", lines.get(index));
        variables.set("input", input);
        return admin.execute(command.shop(), AdminOperation.SUBSCRIPTION_DRAFT_LINE_UPDATE, variables)
                .chain(answer -> {
                    ShopifyOutcome rejected = rejectedOr(answer, "subscriptionDraftLineUpdate", () -> null);
                    return rejected != null
                            ? Uni.createFrom().item(rejected)
                            : lineUpdates(command, draftId, draftLines, index + 1);
                });
    }

    private Uni<ShopifyOutcome> commit(SyncCommand command, String draftId) {
        return admin.execute(
                        command.shop(),
                        AdminOperation.SUBSCRIPTION_DRAFT_COMMIT,
                        JSON.createObjectNode().put("draftId", draftId))
                .map(answer -> rejectedOr(
                        answer,
                        "subscriptionDraftCommit",
                        () -> contractOutcome(command, answer.at("subscriptionDraftCommit", "contract"))));
    }

    /** BILLING_ATTEMPT_CREATE: Shopify's idempotencyKey is the command's, so Shopify charges a key once. */
    public Uni<ShopifyOutcome> billingAttempt(SyncCommand command) {
        if (command.contractId() == null) {
            return missing(command, "contractId");
        }
        ObjectNode input = JSON.createObjectNode().put("idempotencyKey", command.idempotencyKey());
        if (command.billingCycle() != null) {
            input.set("billingCycleSelector", selector(command.billingCycle()));
        }
        ObjectNode variables = JSON.createObjectNode().put("subscriptionContractId", contractGid(command));
        variables.set("subscriptionBillingAttemptInput", input);
        return admin.execute(command.shop(), AdminOperation.SUBSCRIPTION_BILLING_ATTEMPT_CREATE, variables)
                .map(answer -> rejectedOr(
                        answer,
                        "subscriptionBillingAttemptCreate",
                        () -> ShopifyOutcome.succeeded(ShopifyGid.numericId(
                                answer.at("subscriptionBillingAttemptCreate", "subscriptionBillingAttempt", "id")
                                        .asText(null)))));
    }

    /**
     * CONTRACT_FETCH: the whole contract, published to shopify.subscriptions as a reconcile/subscription_contracts
     * event (the path reconciliation takes), then answered.
     */
    public Uni<ShopifyOutcome> fetch(SyncCommand command) {
        if (command.contractId() == null) {
            return missing(command, "contractId");
        }
        return admin.execute(
                        command.shop(),
                        AdminOperation.SUBSCRIPTION_CONTRACT_FETCH,
                        JSON.createObjectNode().put("id", contractGid(command)))
                .chain(answer -> {
                    JsonNode contract = answer.at("subscriptionContract");
                    if (!contract.isObject()) {
                        return Uni.createFrom()
                                .item(ShopifyOutcome.rejected("Shopify has no subscription contract "
                                        + command.contractId() + " in " + command.shop()));
                    }
                    return events.publish(command.shop(), ReconcileType.SUBSCRIPTION_CONTRACTS, contract)
                            .replaceWith(contractOutcome(command, contract));
                });
    }

    /** The command's own actor (the storefront's CUSTOMER), else the configured one. */
    private ObjectNode withActor(SyncCommand command, ObjectNode variables) {
        Optional.ofNullable(command.actor())
                .or(config::contractActor)
                .filter(actor -> !actor.isBlank())
                .ifPresent(actor -> variables.put("actor", actor.toUpperCase(Locale.ROOT)));
        return variables;
    }

    private static ShopifyOutcome contractOutcome(SyncCommand command, JsonNode contract) {
        Long id = ShopifyGid.numericId(contract.path("id").asText(null));
        return ShopifyOutcome.contract(
                id != null ? id : command.contractId(),
                contract.hasNonNull("status") ? contract.get("status").asText() : null);
    }

    private static String contractGid(SyncCommand command) {
        return ShopifyGid.of("SubscriptionContract", command.contractId());
    }

    // Shopify counts cycles from 1 and takes a date as a DateTime: the day's start in UTC
    private static ObjectNode selector(BillingCycle cycle) {
        ObjectNode selector = JSON.createObjectNode();
        if (cycle.index() != null) {
            selector.put("index", cycle.index());
        } else if (cycle.date() != null) {
            selector.put("date", cycle.date().length() == 10 ? cycle.date() + "T00:00:00Z" : cycle.date());
        }
        return selector;
    }

    private static ObjectNode address(DeliveryAddress address) {
        ObjectNode input = JSON.createObjectNode();
        put(input, "firstName", address.firstName());
        put(input, "lastName", address.lastName());
        put(input, "address1", address.address1());
        put(input, "address2", address.address2());
        put(input, "city", address.city());
        put(input, "provinceCode", address.provinceCode());
        put(input, "countryCode", address.countryCode());
        put(input, "zip", address.zip());
        put(input, "phone", address.phone());
        return input;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
