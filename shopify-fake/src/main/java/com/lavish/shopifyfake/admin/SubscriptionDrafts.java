package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The draft flow of a contract: subscriptionContractUpdate opens a draft (a copy of the contract), draft edits change
 * the copy, and subscriptionDraftCommit writes it back as a new revision. A draft of a contract changed since it was
 * opened is stale and cannot be committed. The line edits are {@link SubscriptionDraftLines}.
 */
final class SubscriptionDrafts {

    static final String ERROR_TYPE = "SubscriptionDraftUserError";

    /** The fields a draft copies from its contract and commits back ({@code status} is committed on its own). */
    private static final List<String> EDITABLE = List.of(
            "billingPolicy",
            "deliveryPolicy",
            "deliveryMethod",
            "deliveryPrice",
            "nextBillingDate",
            "note",
            "customAttributes");

    private final ShopData shop;
    private final Outbox outbox;
    private final UserErrors errors;

    SubscriptionDrafts(ShopData shop, Outbox outbox, UserErrors errors) {
        this.shop = shop;
        this.outbox = outbox;
        this.errors = errors;
    }

    /** subscriptionContractUpdate: a draft copy of the contract. */
    Map<String, Object> draft(String contractGid) {
        SubscriptionContract contract = shop.find(SubscriptionContract.class, contractGid);
        if (contract == null) {
            errors.add(ERROR_TYPE, "INVALID", "Contract does not exist.", "contractId");
            return errors.payload("SubscriptionContractUpdatePayload", "draft", null);
        }
        SubscriptionDraft draft = shop.add(new SubscriptionDraft(
                shop.nextId("SubscriptionDraft"), contract.id(), contract.revisionId(), copies(contract.lines())));
        for (String field : EDITABLE) {
            draft.put(field, contract.get(field));
        }
        draft.put("status", contract.status());
        draft.put("currencyCode", contract.get("currencyCode"));
        draft.put("linesAdded", List.of());
        draft.put("linesRemoved", List.of());
        draft.put("customer", contract.get("customer"));
        draft.put("originalContract", contract);
        shop.drafts.put(draft.id(), draft);
        return errors.payload("SubscriptionContractUpdatePayload", "draft", draft);
    }

    /** The draft the gid names if it can still be edited, else null with the user error said. */
    SubscriptionDraft open(String draftGid) {
        SubscriptionDraft draft = shop.find(SubscriptionDraft.class, draftGid);
        if (draft == null) {
            errors.add(ERROR_TYPE, "INVALID", "Draft does not exist.", "draftId");
        } else if (draft.committed()) {
            errors.add(ERROR_TYPE, "COMMITTED", "Draft has already been committed.", "draftId");
        }
        return errors.isEmpty() ? draft : null;
    }

    /** subscriptionDraftUpdate: policies, next billing date, delivery, note, status and delivery price. */
    @SuppressWarnings("unchecked")
    Map<String, Object> updateDraft(String draftGid, Map<String, Object> input) {
        SubscriptionDraft draft = open(draftGid);
        if (draft == null) {
            return errors.payload("SubscriptionDraftUpdatePayload", "draft", null);
        }
        Map<String, Object> billing = (Map<String, Object>) draft.get("billingPolicy");
        Map<String, Object> delivery = (Map<String, Object>) draft.get("deliveryPolicy");
        if (input.get("billingPolicy") instanceof Map<?, ?> b) {
            billing = policy("SubscriptionBillingPolicy", (Map<String, Object>) b);
        }
        if (input.get("deliveryPolicy") instanceof Map<?, ?> d) {
            delivery = policy("SubscriptionDeliveryPolicy", (Map<String, Object>) d);
        }
        for (Map<String, Object> p : List.of(billing, delivery)) {
            if (!(p.get("intervalCount") instanceof Integer count) || count < 1) {
                errors.add(
                        ERROR_TYPE,
                        "GREATER_THAN_OR_EQUAL_TO",
                        "Interval count must be greater than or equal to 1",
                        "input",
                        p == billing ? "billingPolicy" : "deliveryPolicy",
                        "intervalCount");
            }
        }
        if (errors.isEmpty()
                && !SellingPlanInput.isMultiple(
                        (String) billing.get("interval"),
                        (Integer) billing.get("intervalCount"),
                        (String) delivery.get("interval"),
                        (Integer) delivery.get("intervalCount"))) {
            errors.add(
                    ERROR_TYPE,
                    "DELIVERY_MUST_BE_MULTIPLE_OF_BILLING",
                    "Billing interval must be a multiple of the delivery interval",
                    "input",
                    "deliveryPolicy");
        }
        Object next = input.get("nextBillingDate");
        if (next != null) {
            try {
                if (!SearchQuery.instant(next.toString()).isAfter(shop.now())) {
                    errors.add(
                            ERROR_TYPE,
                            "INVALID_BILLING_DATE",
                            "Next billing date must be in the future",
                            "input",
                            "nextBillingDate");
                }
            } catch (IllegalArgumentException e) {
                errors.add(
                        ERROR_TYPE, "INVALID_BILLING_DATE", "Next billing date is invalid", "input", "nextBillingDate");
            }
        }
        Map<String, Object> method = null;
        if (input.get("deliveryMethod") instanceof Map<?, ?> m) {
            Map<String, Object> shippingInput = (Map<String, Object>) m.get("shipping");
            if (shippingInput == null) {
                errors.add(
                        ERROR_TYPE,
                        "INVALID",
                        "Only shipping delivery is supported by this shop",
                        "input",
                        "deliveryMethod");
            } else {
                method = ContractCheckout.shipping(address((Map<String, Object>) shippingInput.get("address")));
            }
        }
        if (!errors.isEmpty()) {
            return errors.payload("SubscriptionDraftUpdatePayload", "draft", null);
        }
        draft.put("billingPolicy", billing);
        draft.put("deliveryPolicy", delivery);
        if (next != null) {
            draft.put("nextBillingDate", AdminStore.format(SearchQuery.instant(next.toString())));
        }
        if (method != null) {
            draft.put("deliveryMethod", method);
        }
        if (input.containsKey("note")) {
            draft.put("note", input.get("note"));
        }
        if (input.get("status") != null) {
            draft.put("status", input.get("status"));
        }
        if (input.get("deliveryPrice") != null) {
            draft.put(
                    "deliveryPrice",
                    SchemaValues.money(new BigDecimal(input.get("deliveryPrice").toString())));
        }
        return errors.payload("SubscriptionDraftUpdatePayload", "draft", draft);
    }

    private static Map<String, Object> policy(String type, Map<String, Object> input) {
        return SchemaValues.object(
                type,
                "interval",
                input.get("interval"),
                "intervalCount",
                input.get("intervalCount"),
                "minCycles",
                input.get("minCycles"),
                "maxCycles",
                input.get("maxCycles"),
                "anchors",
                SellingPlanInput.anchors(input.get("anchors"), List.of()));
    }

    private MailingAddress address(Map<String, Object> input) {
        return shop.add(MailingAddress.of(shop.nextId("MailingAddress"), input));
    }

    /**
     * subscriptionDraftCommit: the draft becomes the contract's next revision. A changed next billing date or billing
     * policy re-anchors the cycles at the cycle that was due.
     */
    Map<String, Object> commit(String draftGid) {
        SubscriptionDraft draft = open(draftGid);
        if (draft == null) {
            return errors.payload("SubscriptionDraftCommitPayload", "contract", null);
        }
        SubscriptionContract contract = shop.contracts.get(draft.contractId());
        if (!contract.revisionId().equals(draft.revisionId())) {
            errors.add(
                    ERROR_TYPE, "STALE_CONTRACT", "The contract has changed since the draft was created.", "draftId");
            return errors.payload("SubscriptionDraftCommitPayload", "contract", null);
        }
        Object previousNext = contract.get("nextBillingDate");
        Map<String, Object> previousBilling = contract.billingPolicy();
        int dueIndex = contract.dueIndex();
        for (String field : EDITABLE) {
            contract.put(field, draft.get(field));
        }
        contract.lines(copies(draft.lines()));
        String oldStatus = contract.status();
        String newStatus = (String) draft.get("status");
        contract.status(newStatus);
        if (!previousNext.equals(contract.get("nextBillingDate"))
                || !previousBilling.equals(contract.billingPolicy())) {
            contract.anchor(dueIndex, contract.nextBillingDate());
        }
        contract.changed(shop.nowText());
        draft.commit();
        outbox.add("subscription_contracts/update", WebhookPayloads.contract(contract));
        if (!oldStatus.equals(newStatus)) {
            outbox.add(ContractStatus.topic(newStatus), WebhookPayloads.contract(contract));
        }
        return errors.payload("SubscriptionDraftCommitPayload", "contract", contract);
    }

    /** Lines copied one by one, so edits to the copy never reach the original. */
    private static List<SubscriptionLine> copies(List<SubscriptionLine> lines) {
        List<SubscriptionLine> copies = new ArrayList<>();
        for (SubscriptionLine line : lines) {
            copies.add(new SubscriptionLine(line));
        }
        return copies;
    }
}
