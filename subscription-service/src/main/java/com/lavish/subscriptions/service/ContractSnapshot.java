package com.lavish.subscriptions.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * One version of a contract, from either shape Shopify gives it: a {@code subscription_contracts/*} webhook (thin:
 * no lines, no next billing date, no address; {@code whole} false) or the Admin API node sync-service publishes as
 * {@code reconcile/subscription_contracts} (whole). Statuses and intervals are lower-case whatever the source.
 *
 * @param revisionId  Shopify's revision (UnsignedInt64), the order of versions; null when the body has none
 * @param versionTime ce_time: the order of versions without a revision
 */
public record ContractSnapshot(
        long id,
        Long customerId,
        Long originOrderId,
        String status,
        String currencyCode,
        BigInteger revisionId,
        Instant versionTime,
        boolean whole,
        Instant nextBillingDate,
        Policy billingPolicy,
        Policy deliveryPolicy,
        Address deliveryAddress,
        List<Line> lines) {

    /** A billing or delivery policy: every {@code intervalCount} {@code interval}s (day, week, month, year). */
    public record Policy(String interval, Integer intervalCount, Integer minCycles, Integer maxCycles) {}

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

    /** A line: its Shopify gid (lines have no numeric id), what, how many, at what price, on which plan. */
    public record Line(
            String id,
            Long productId,
            Long variantId,
            Long sellingPlanId,
            String sellingPlanName,
            String title,
            String variantTitle,
            String sku,
            int quantity,
            BigDecimal price,
            String currencyCode) {}

    @Override
    public String toString() {
        // never the address: personal data
        return "ContractSnapshot[" + id + " revision " + revisionId + (whole ? " whole" : " thin") + "]";
    }
}
