package com.lavish.subscriptions.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A contract as its customer sees it: status (and the change waiting for Shopify), the next delivery, plan,
 * lines, delivery address and the billing story with its dunning steps. Ids and money are strings.
 *
 * @param status       the status Shopify confirmed, lower-case
 * @param pending      the change sent to Shopify and not yet confirmed; null when there is none
 * @param lastAction   the latest change asked for, with Shopify's answer (its message when it refused)
 * @param nextDelivery the next billing date that is not skipped: when the next box ships
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Subscription")
public record SubscriptionView(
        String id,
        String adminGraphqlApiId,
        String status,
        Pending pending,
        Action lastAction,
        Instant nextBillingDate,
        Instant nextDelivery,
        List<LocalDate> skippedCycles,
        String currencyCode,
        Policy billingPolicy,
        Policy deliveryPolicy,
        Plan plan,
        List<Line> lines,
        Address deliveryAddress,
        Billing billing) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pending(String action, Instant requestedAt) {}

    /**
     * @param state   pending, confirmed, rejected or failed
     * @param message Shopify's message when it refused the change
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Action(String action, String state, String message, Instant requestedAt, Instant completedAt) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Policy(String interval, Integer intervalCount, Integer minCycles, Integer maxCycles) {}

    /**
     * The selling plan of the contract's lines, and the other plans of its group the frequency may change to.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Plan(String id, String name, String groupId, String groupName, List<PlanOption> alternatives) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PlanOption(String id, String name, String interval, Integer intervalCount) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(
            String id,
            String productId,
            String variantId,
            String title,
            String variantTitle,
            String sku,
            int quantity,
            String price,
            String currencyCode,
            String sellingPlanId,
            String sellingPlanName) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(
            String firstName,
            String lastName,
            String address1,
            String address2,
            String city,
            String provinceCode,
            String countryCode,
            String zip,
            String phone) {}

    /**
     * @param failedAttempts failed attempts of the current cycle (0 when billing is healthy)
     * @param nextRetryAt    when dunning tries again; null when no retry is scheduled
     * @param steps          the latest billing and dunning steps, newest first
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Billing(int failedAttempts, Instant nextRetryAt, Attempt lastAttempt, List<Step> steps) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attempt(
            String state,
            LocalDate cycleDate,
            int attemptNumber,
            String amount,
            String currencyCode,
            String errorCode,
            String errorMessage,
            Instant requestedAt,
            Instant completedAt) {}

    /**
     * @param step billed, failed, retry_scheduled, paused, cancelled or skipped
     * @param path payment or inventory, for a failure
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Step(
            String step,
            String path,
            LocalDate cycleDate,
            Integer attemptNumber,
            String errorCode,
            String message,
            Instant nextRetryAt,
            Instant occurredAt) {}

    @Override
    public String toString() {
        // never the address: personal data
        return "SubscriptionView[" + id + " " + status + "]";
    }
}
