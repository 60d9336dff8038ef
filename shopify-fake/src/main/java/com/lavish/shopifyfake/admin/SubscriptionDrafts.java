package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private static final List<String> EDITABLE = List.of("billingPolicy", "deliveryPolicy", "deliveryMethod",
            "deliveryPrice", "nextBillingDate", "note", "customAttributes");

    /** What a draft was opened from; kept in the draft's map, which GraphQL serves as a SubscriptionDraft. */
    record Base(long contractId, String revisionId, boolean committed) {

        private static final String KEY = "_base";

        static Base of(Map<String, Object> draft) {
            return (Base) draft.get(KEY);
        }

        void storeIn(Map<String, Object> draft) {
            draft.put(KEY, this);
        }
    }

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
        Map<String, Object> contract = shop.find("SubscriptionContract", contractGid);
        if (contract == null) {
            errors.add(ERROR_TYPE, "INVALID", "Contract does not exist.", "contractId");
            return errors.payload("SubscriptionContractUpdatePayload", "draft", null);
        }
        ContractState state = new ContractState(contract);
        Map<String, Object> draft = shop.create("SubscriptionDraft");
        for (String field : EDITABLE) {
            draft.put(field, contract.get(field));
        }
        draft.put("status", state.status());
        draft.put("currencyCode", contract.get("currencyCode"));
        draft.put("lines", copies(state.lines()));
        draft.put("linesAdded", List.of());
        draft.put("linesRemoved", List.of());
        draft.put("customer", contract.get("customer"));
        draft.put("originalContract", contract);
        new Base(state.id(), state.revisionId(), false).storeIn(draft);
        shop.drafts.put(ShopData.id(draft), draft);
        return errors.payload("SubscriptionContractUpdatePayload", "draft", draft);
    }

    /** The draft the gid names if it can still be edited, else null with the user error said. */
    Map<String, Object> open(String draftGid) {
        Map<String, Object> draft = shop.find("SubscriptionDraft", draftGid);
        if (draft == null) {
            errors.add(ERROR_TYPE, "INVALID", "Draft does not exist.", "draftId");
        } else if (Base.of(draft).committed()) {
            errors.add(ERROR_TYPE, "COMMITTED", "Draft has already been committed.", "draftId");
        }
        return errors.isEmpty() ? draft : null;
    }

    /** subscriptionDraftUpdate: policies, next billing date, delivery, note, status and delivery price. */
    @SuppressWarnings("unchecked")
    Map<String, Object> updateDraft(String draftGid, Map<String, Object> input) {
        Map<String, Object> draft = open(draftGid);
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
                errors.add(ERROR_TYPE, "GREATER_THAN_OR_EQUAL_TO", "Interval count must be greater than or equal to 1",
                        "input", p == billing ? "billingPolicy" : "deliveryPolicy", "intervalCount");
            }
        }
        if (errors.isEmpty() && !SellingPlanGroups.isMultiple((String) billing.get("interval"),
                (Integer) billing.get("intervalCount"), (String) delivery.get("interval"),
                (Integer) delivery.get("intervalCount"))) {
            errors.add(ERROR_TYPE, "DELIVERY_MUST_BE_MULTIPLE_OF_BILLING",
                    "Billing interval must be a multiple of the delivery interval", "input", "deliveryPolicy");
        }
        Object next = input.get("nextBillingDate");
        if (next != null) {
            try {
                if (!SearchQuery.instant(next.toString()).isAfter(shop.now())) {
                    errors.add(ERROR_TYPE, "INVALID_BILLING_DATE", "Next billing date must be in the future",
                            "input", "nextBillingDate");
                }
            } catch (IllegalArgumentException e) {
                errors.add(ERROR_TYPE, "INVALID_BILLING_DATE", "Next billing date is invalid", "input",
                        "nextBillingDate");
            }
        }
        Map<String, Object> method = null;
        if (input.get("deliveryMethod") instanceof Map<?, ?> m) {
            Map<String, Object> shippingInput = (Map<String, Object>) m.get("shipping");
            if (shippingInput == null) {
                errors.add(ERROR_TYPE, "INVALID", "Only shipping delivery is supported by this shop", "input",
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
            draft.put("deliveryPrice", ShopData.money(new BigDecimal(input.get("deliveryPrice").toString())));
        }
        return errors.payload("SubscriptionDraftUpdatePayload", "draft", draft);
    }

    private static Map<String, Object> policy(String type, Map<String, Object> input) {
        return ShopData.object(type, "interval", input.get("interval"), "intervalCount", input.get("intervalCount"),
                "minCycles", input.get("minCycles"), "maxCycles", input.get("maxCycles"),
                "anchors", SellingPlanGroups.anchors(input.get("anchors"), List.of()));
    }

    private Map<String, Object> address(Map<String, Object> input) {
        Map<String, Object> address = shop.create("MailingAddress");
        Map<String, Object> in = input == null ? Map.of() : input;
        address.put("firstName", in.get("firstName"));
        address.put("lastName", in.get("lastName"));
        address.put("name", ((in.get("firstName") == null ? "" : in.get("firstName") + " ")
                + (in.get("lastName") == null ? "" : in.get("lastName"))).trim());
        address.put("address1", in.get("address1"));
        address.put("address2", in.get("address2"));
        address.put("city", in.get("city"));
        address.put("provinceCode", in.get("provinceCode"));
        address.put("province", in.get("provinceCode"));
        address.put("countryCodeV2", in.get("countryCode"));
        address.put("country", in.get("countryCode"));
        address.put("zip", in.get("zip"));
        address.put("phone", in.get("phone"));
        address.put("company", in.get("company"));
        return address;
    }

    /**
     * subscriptionDraftCommit: the draft becomes the contract's next revision. A changed next billing date or billing
     * policy re-anchors the cycles at the cycle that was due.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> commit(String draftGid) {
        Map<String, Object> draft = open(draftGid);
        if (draft == null) {
            return errors.payload("SubscriptionDraftCommitPayload", "contract", null);
        }
        Base base = Base.of(draft);
        Map<String, Object> contract = shop.contracts.get(base.contractId());
        ContractState state = new ContractState(contract);
        if (!state.revisionId().equals(base.revisionId())) {
            errors.add(ERROR_TYPE, "STALE_CONTRACT", "The contract has changed since the draft was created.",
                    "draftId");
            return errors.payload("SubscriptionDraftCommitPayload", "contract", null);
        }
        Object previousNext = contract.get("nextBillingDate");
        Map<String, Object> previousBilling = state.billingPolicy();
        int dueIndex = state.dueIndex();
        for (String field : EDITABLE) {
            contract.put(field, draft.get(field));
        }
        contract.put("lines", copies((List<Map<String, Object>>) draft.get("lines")));
        String oldStatus = state.status();
        String newStatus = (String) draft.get("status");
        state.status(newStatus);
        if (!previousNext.equals(contract.get("nextBillingDate")) || !previousBilling.equals(state.billingPolicy())) {
            state.anchor(dueIndex, state.nextBillingDate());
        }
        state.changed(shop.nowText());
        new Base(base.contractId(), base.revisionId(), true).storeIn(draft);
        outbox.add("subscription_contracts/update", WebhookPayloads.contract(contract));
        if (!oldStatus.equals(newStatus)) {
            outbox.add(ContractStatus.topic(newStatus), WebhookPayloads.contract(contract));
        }
        return errors.payload("SubscriptionDraftCommitPayload", "contract", contract);
    }

    /** Lines copied one by one, so edits to the copy never reach the original. */
    private static List<Map<String, Object>> copies(List<Map<String, Object>> lines) {
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            copies.add(new LinkedHashMap<>(line));
        }
        return copies;
    }
}
