package com.lavish.sync.service;

import com.lavish.events.sync.SyncResult.SyncOutcome;
import com.lavish.events.sync.SyncResult.UserError;
import java.util.List;
import java.util.Map;

/** What Shopify made of one command, before it is recorded and answered as a SyncResult. */
public record ShopifyOutcome(
        SyncOutcome outcome,
        List<UserError> userErrors,
        String message,
        Long shopifyId,
        Map<String, Long> sellingPlanIds,
        String contractStatus) {

    public static ShopifyOutcome succeeded(Long shopifyId) {
        return new ShopifyOutcome(SyncOutcome.SUCCEEDED, List.of(), null, shopifyId, null, null);
    }

    public static ShopifyOutcome contract(Long contractId, String status) {
        return new ShopifyOutcome(SyncOutcome.SUCCEEDED, List.of(), null, contractId, null, status);
    }

    public static ShopifyOutcome group(Long groupId, Map<String, Long> sellingPlanIds) {
        return new ShopifyOutcome(SyncOutcome.SUCCEEDED, List.of(), null, groupId, sellingPlanIds, null);
    }

    /** Shopify refused with userErrors: the message joins theirs. */
    public static ShopifyOutcome rejected(List<UserError> userErrors) {
        StringBuilder message = new StringBuilder();
        for (UserError error : userErrors) {
            message.append(message.isEmpty() ? "" : "; ").append(error.message());
        }
        return new ShopifyOutcome(SyncOutcome.REJECTED, userErrors, message.toString(), null, null, null);
    }

    /** Refused without userErrors (the contract does not exist, a document's errors): not worth sending again. */
    public static ShopifyOutcome rejected(String message) {
        return new ShopifyOutcome(SyncOutcome.REJECTED, List.of(), message, null, null, null);
    }

    public static ShopifyOutcome failed(String message) {
        return new ShopifyOutcome(SyncOutcome.FAILED, List.of(), message, null, null, null);
    }
}
