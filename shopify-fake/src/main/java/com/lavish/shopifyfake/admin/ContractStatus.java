package com.lavish.shopifyfake.admin;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * The contract mutations that change one thing directly, without a draft: its status (pause, activate, cancel,
 * expire, fail) and its next billing date.
 */
final class ContractStatus {

    /** The payload type and webhook topic of a status mutation. */
    private record StatusMutation(String payloadType, String topic) {}

    /** By the status each mutation sets. */
    private static final Map<String, StatusMutation> MUTATIONS = Map.of(
            "PAUSED", new StatusMutation("SubscriptionContractPausePayload", "subscription_contracts/pause"),
            "ACTIVE", new StatusMutation("SubscriptionContractActivatePayload", "subscription_contracts/activate"),
            "CANCELLED", new StatusMutation("SubscriptionContractCancelPayload", "subscription_contracts/cancel"),
            "EXPIRED", new StatusMutation("SubscriptionContractExpirePayload", "subscription_contracts/expire"),
            "FAILED", new StatusMutation("SubscriptionContractFailPayload", "subscription_contracts/fail"));

    private final ShopData shop;
    private final Outbox outbox;
    private final UserErrors errors;

    ContractStatus(ShopData shop, Outbox outbox, UserErrors errors) {
        this.shop = shop;
        this.outbox = outbox;
        this.errors = errors;
    }

    /** The webhook topic Shopify sends when a contract takes on {@code status}. */
    static String topic(String status) {
        return MUTATIONS.get(status).topic();
    }

    /** subscriptionContractPause, Activate, Cancel, Expire and Fail. */
    Map<String, Object> setStatus(String contractGid, String status) {
        String payloadType = MUTATIONS.get(status).payloadType();
        String errorType = "SubscriptionContractStatusUpdateUserError";
        SubscriptionContract contract = shop.find(SubscriptionContract.class, contractGid);
        if (contract == null) {
            errors.add(errorType, "INVALID", "Subscription contract does not exist.", "subscriptionContractId");
            return errors.payload(payloadType, "contract", null);
        }
        String current = contract.status();
        if (current.equals("CANCELLED") || current.equals("EXPIRED")) {
            errors.add(
                    errorType,
                    "CONTRACT_TERMINATED",
                    "Cannot update a subscription contract that is " + current.toLowerCase(Locale.ROOT) + ".",
                    "subscriptionContractId");
            return errors.payload(payloadType, "contract", null);
        }
        if (status.equals("PAUSED") && current.equals("FAILED")) {
            errors.add(errorType, "INVALID", "Cannot pause a failed subscription contract.", "subscriptionContractId");
            return errors.payload(payloadType, "contract", null);
        }
        if (!current.equals(status)) {
            contract.status(status);
            contract.changed(shop.nowText());
            outbox.add(topic(status), WebhookPayloads.contract(contract));
        }
        return errors.payload(payloadType, "contract", contract);
    }

    /** subscriptionContractSetNextBillingDate: the cycles re-anchor at the cycle due next. */
    Map<String, Object> setNextBillingDate(String contractGid, String date) {
        String errorType = "SubscriptionContractUserError";
        String payloadType = "SubscriptionContractSetNextBillingDatePayload";
        SubscriptionContract contract = shop.find(SubscriptionContract.class, contractGid);
        if (contract == null) {
            errors.add(errorType, "INVALID", "Subscription contract does not exist.", "contractId");
            return errors.payload(payloadType, "contract", null);
        }
        OffsetDateTime next;
        try {
            next = SearchQuery.instant(date);
        } catch (IllegalArgumentException e) {
            errors.add(errorType, "INVALID", "Date is invalid.", "date");
            return errors.payload(payloadType, "contract", null);
        }
        if (!next.isAfter(shop.now())) {
            errors.add(errorType, "INVALID", "Next billing date must be in the future.", "date");
            return errors.payload(payloadType, "contract", null);
        }
        int due = contract.dueIndex();
        contract.nextBillingDate(next);
        contract.anchor(due, next);
        contract.changed(shop.nowText());
        outbox.add("subscription_contracts/update", WebhookPayloads.contract(contract));
        return errors.payload(payloadType, "contract", contract);
    }
}
