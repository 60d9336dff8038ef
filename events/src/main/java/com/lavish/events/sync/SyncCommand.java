package com.lavish.events.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.lavish.events.RecordKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One write to Shopify, asked of sync-service on {@code sync.commands}; its answer is a {@link SyncResult} on
 * {@code sync.results}. Ids are Shopify's numeric ids (never gids, never doubles). Which fields a type reads is
 * said on {@link SyncCommandType}.
 *
 * @param commandId      unique per command message; the result carries it back
 * @param idempotencyKey the same for every re-issue of one intended effect (a contract's billing cycle, a
 *                       storefront request's Idempotency-Key): sync-service applies a key at most once
 * @param shop           the shop domain
 * @param origin         the service that asked, for example {@code subscription-service}
 * @param issuedAt       RFC 3339
 * @param actor          who asks for a contract's change, as Shopify's {@code SubscriptionActor}: CUSTOMER (the
 *                       storefront), MERCHANT or PARTNER (the app itself, as dunning does); null: sync-service's
 *                       configured default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncCommand(
        String commandId,
        String idempotencyKey,
        String shop,
        SyncCommandType type,
        String origin,
        String issuedAt,
        Long contractId,
        Long sellingPlanGroupId,
        Long productId,
        List<Long> productIds,
        List<Long> sellingPlanGroupIds,
        SellingPlanGroupSpec sellingPlanGroup,
        ContractEdit contractEdit,
        BillingCycle billingCycle,
        String actor) {

    public static final String ACTOR_CUSTOMER = "CUSTOMER";
    public static final String ACTOR_PARTNER = "PARTNER";

    @JsonCreator
    public SyncCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(type, "type");
    }

    /** A command that names no actor: sync-service uses its configured one. */
    public SyncCommand(
            String commandId,
            String idempotencyKey,
            String shop,
            SyncCommandType type,
            String origin,
            String issuedAt,
            Long contractId,
            Long sellingPlanGroupId,
            Long productId,
            List<Long> productIds,
            List<Long> sellingPlanGroupIds,
            SellingPlanGroupSpec sellingPlanGroup,
            ContractEdit contractEdit,
            BillingCycle billingCycle) {
        this(
                commandId,
                idempotencyKey,
                shop,
                type,
                origin,
                issuedAt,
                contractId,
                sellingPlanGroupId,
                productId,
                productIds,
                sellingPlanGroupIds,
                sellingPlanGroup,
                contractEdit,
                billingCycle,
                null);
    }

    /** The same command, asked for by {@code actor}. */
    public SyncCommand withActor(String actor) {
        return new SyncCommand(
                commandId,
                idempotencyKey,
                shop,
                type,
                origin,
                issuedAt,
                contractId,
                sellingPlanGroupId,
                productId,
                productIds,
                sellingPlanGroupIds,
                sellingPlanGroup,
                contractEdit,
                billingCycle,
                actor);
    }

    /**
     * The record key: commands about one contract or one group share a partition and stay in order. A group not
     * yet in Shopify is keyed by the idempotency key of its creation.
     */
    public RecordKey recordKey() {
        String resource = contractId != null
                ? "contract-" + contractId
                : sellingPlanGroupId != null
                        ? "selling-plan-group-" + sellingPlanGroupId
                        : productId != null ? "product-" + productId : idempotencyKey;
        return new RecordKey(shop, resource);
    }

    /**
     * A selling plan group as the merchant defines it.
     *
     * @param merchantCode merchant-facing and unique per creation command, so a create whose outcome is unknown
     *                     can be looked up before it is sent again
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SellingPlanGroupSpec(
            String name, String merchantCode, String description, List<String> options, List<SellingPlanSpec> plans) {}

    /**
     * One recurring selling plan: bill and deliver every {@code intervalCount} {@code interval}s.
     *
     * @param id                 Shopify's plan id when the plan already exists (update), else null
     * @param interval           DAY, WEEK, MONTH or YEAR
     * @param deliveryIntervalCount deliveries per billing must divide the billing interval; usually equal
     * @param percentageOff      a fixed percentage price adjustment, or null for none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SellingPlanSpec(
            Long id,
            String name,
            String option,
            String interval,
            int intervalCount,
            int deliveryIntervalCount,
            BigDecimal percentageOff,
            Integer position) {}

    /**
     * A change to a contract through Shopify's draft flow. Null fields stay as they are.
     *
     * @param interval       new billing and delivery interval (frequency), with {@code intervalCount}
     * @param sellingPlanId  the plan of the same group the frequency comes from, recorded on the lines
     * @param lineId         the line whose {@code quantity} changes (Shopify's line gid, as Shopify names lines)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContractEdit(
            String interval,
            Integer intervalCount,
            Long sellingPlanId,
            String lineId,
            Integer quantity,
            DeliveryAddress deliveryAddress) {}

    /** A shipping address as Shopify's {@code MailingAddressInput} takes it (ISO country and province codes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryAddress(
            String firstName,
            String lastName,
            String address1,
            String address2,
            String city,
            String provinceCode,
            String countryCode,
            String zip,
            String phone) {}

    /** Which billing cycle: by its index (Shopify counts from 1) or by its date (yyyy-MM-dd). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BillingCycle(Integer index, String date) {}

    @Override
    public String toString() {
        // Never the address: it is personal data.
        return "SyncCommand[" + type + " " + commandId + " key=" + idempotencyKey + " shop=" + shop + "]";
    }
}
