package com.lavish.events.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * sync-service's answer to one {@link SyncCommand}, on {@code sync.results}, keyed like its command. A command
 * delivered twice gets the same outcome twice (the second from sync-service's record, without a second write).
 *
 * @param outcome      what Shopify did
 * @param userErrors   Shopify's userErrors when it refused ({@link SyncOutcome#REJECTED})
 * @param message      a reason for people when the outcome is not SUCCEEDED
 * @param shopifyId    the numeric id of what was created or changed (group, contract, billing attempt)
 * @param sellingPlanIds for a group: each plan's name to its Shopify id
 * @param contractStatus for a contract command: the status Shopify answered with (ACTIVE, PAUSED, ...)
 * @param completedAt  RFC 3339
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncResult(
        String commandId,
        String idempotencyKey,
        String shop,
        SyncCommandType type,
        String origin,
        SyncOutcome outcome,
        List<UserError> userErrors,
        String message,
        Long contractId,
        Long shopifyId,
        Map<String, Long> sellingPlanIds,
        String contractStatus,
        String completedAt) {

    public SyncResult {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        userErrors = userErrors == null ? List.of() : List.copyOf(userErrors);
    }

    public enum SyncOutcome {
        /** Shopify applied it (or had applied it before: a re-delivery). */
        SUCCEEDED,
        /** Shopify refused it with userErrors; sending it again would not help. */
        REJECTED,
        /** Shopify could not be reached within the retries; nothing is known to have changed. */
        FAILED
    }

    /** A Shopify userError: the input path, the message and, where the type has one, the code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserError(List<String> field, String message, String code) {}
}
